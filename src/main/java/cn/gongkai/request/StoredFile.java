package cn.gongkai.request;

import java.time.Instant;

/** A request's file as listed, without its content; the name still encrypted. */
record StoredFile(Long id, FileRule kind, String filenameCipher, String contentType, long size, Instant uploadedAt) {
}
