package cn.gongkai.request;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A request's file as an HTTP download: always an attachment, with its checked type, never cached. */
final class RequestFileDownloads {

    private RequestFileDownloads() {
    }

    static ResponseEntity<byte[]> attachment(RequestFileStore.Download file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.filename(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(file.data());
    }
}
