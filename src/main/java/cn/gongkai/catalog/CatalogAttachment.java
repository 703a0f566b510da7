package cn.gongkai.catalog;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A published file: exactly the bytes the public may download (the redacted copy for a redacted item). */
@Entity
@Table(name = "catalog_attachment")
public class CatalogAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long entryId;
    private Long attachmentId;
    private String filename;
    private String contentType;
    private long sizeBytes;
    @Basic(fetch = FetchType.LAZY)
    private byte[] data;

    protected CatalogAttachment() {
    }

    CatalogAttachment(Long entryId, Publication.PublishedFile file) {
        this.entryId = entryId;
        this.attachmentId = file.attachmentId();
        this.filename = file.filename();
        this.contentType = file.contentType();
        this.sizeBytes = file.data().length;
        this.data = file.data();
    }

    public Long getId() {
        return id;
    }

    public String getFilename() {
        return filename;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    byte[] getData() {
        return data;
    }

    Long getEntryId() {
        return entryId;
    }
}
