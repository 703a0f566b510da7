package cn.gongkai.coordination;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The scan of an outside agency's written answer (协调 三: 以书面形式予以答复), kept with its coordination. */
@Entity
@Table(name = "coordination_scan")
class CoordinationScan {

    @Id
    private Long coordinationId;
    private String filename;
    private String contentType;
    private byte[] content;
    private Instant uploadedAt;

    protected CoordinationScan() {
    }

    CoordinationScan(Long coordinationId, String filename, String contentType, byte[] content, Instant now) {
        this.coordinationId = coordinationId;
        this.filename = filename;
        this.contentType = contentType;
        this.content = content;
        this.uploadedAt = now;
    }

    String getFilename() {
        return filename;
    }

    String getContentType() {
        return contentType;
    }

    byte[] getContent() {
        return content;
    }
}
