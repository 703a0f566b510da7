package cn.gongkai.catalog;

import java.time.Instant;

/** The catalog's answer to a publication. */
public record PublishedEntry(Long entryId, String indexNumber, int version, EntryState state, Instant publishedAt) {
}
