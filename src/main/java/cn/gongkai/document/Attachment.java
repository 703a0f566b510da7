package cn.gongkai.document;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An attachment of an item: the original bytes (internal) and the text extracted from them. */
@Entity
@Table(name = "attachment")
class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long itemId;
    private String filename;
    private String contentType;
    @Column(name = "size_bytes")
    private long size;
    private String sha256;
    @Basic(fetch = FetchType.LAZY)
    private byte[] data;
    private String text;
    private Instant uploadedAt;

    protected Attachment() {
    }

    Attachment(Long itemId, String filename, String contentType, byte[] data, String sha256, String text,
            Instant uploadedAt) {
        this.itemId = itemId;
        this.filename = filename;
        this.contentType = contentType;
        this.size = data.length;
        this.sha256 = sha256;
        this.data = data;
        this.text = text;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getItemId() {
        return itemId;
    }

    public String getFilename() {
        return filename;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    byte[] getData() {
        return data;
    }

    public String getText() {
        return text;
    }

    /** The kind of file as people name it (Word 文档, PDF 文件), from the file name's extension; the MIME type stays internal. */
    public String getKindKey() {
        String name = getFilename() == null ? "" : getFilename().toLowerCase(java.util.Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "doc", "docx", "wps" -> "document.fileKind.word";
            case "xls", "xlsx", "et" -> "document.fileKind.sheet";
            case "pdf" -> "document.fileKind.pdf";
            case "ofd" -> "document.fileKind.ofd";
            case "txt" -> "document.fileKind.text";
            case "zip" -> "document.fileKind.zip";
            case "png", "jpg", "jpeg", "gif" -> "document.fileKind.image";
            default -> "document.fileKind.other";
        };
    }

    public String getSizeLabel() {
        return size < 1024 ? size + " B" : size < 1024 * 1024 ? (size / 1024) + " KB"
                : String.format("%.1f MB", size / 1024.0 / 1024.0);
    }
}
