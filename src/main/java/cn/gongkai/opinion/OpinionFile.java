package cn.gongkai.opinion;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A screenshot or file kept with an event: type decided by content; what the privacy scan found, if anything. */
@Entity
@Table(name = "opinion_file")
public class OpinionFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long eventId;
    private String filename;
    private String contentType;
    @Basic(fetch = FetchType.LAZY)
    private byte[] content;
    private int sizeBytes;
    private String findings;
    private Instant uploadedAt;
    private String uploadedBy;

    protected OpinionFile() {
    }

    OpinionFile(Long eventId, String filename, String contentType, byte[] content, String findings, String by,
            Instant now) {
        this.eventId = eventId;
        this.filename = filename;
        this.contentType = contentType;
        this.content = content;
        this.sizeBytes = content.length;
        this.findings = findings;
        this.uploadedBy = by;
        this.uploadedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getEventId() {
        return eventId;
    }

    public String getFilename() {
        return filename;
    }

    public String getContentType() {
        return contentType;
    }

    byte[] content() {
        return content;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    public String getFindings() {
        return findings;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
