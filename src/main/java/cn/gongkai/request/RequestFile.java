package cn.gongkai.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file exchanged with one applicant: the identity scan sent with the request, or a file released to them with the
 * reply. Name and content are SM4-encrypted at rest ({@code platform.PersonalDataCipher}); never in the catalog.
 */
@Entity
@Table(name = "request_file")
class RequestFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long requestId;
    @Enumerated(EnumType.STRING)
    private FileRule kind;
    private String filenameCipher;
    private String contentType;
    @Column(name = "size_bytes")
    private long size;
    private byte[] dataCipher;
    private String uploadedBy;
    private Instant uploadedAt;

    protected RequestFile() {
    }

    RequestFile(Long requestId, FileRule kind, String filenameCipher, String contentType, long size,
            byte[] dataCipher, String uploadedBy, Instant uploadedAt) {
        this.requestId = requestId;
        this.kind = kind;
        this.filenameCipher = filenameCipher;
        this.contentType = contentType;
        this.size = size;
        this.dataCipher = dataCipher;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    Long getId() { return id; }
    Long getRequestId() { return requestId; }
    FileRule getKind() { return kind; }
    String getFilenameCipher() { return filenameCipher; }
    String getContentType() { return contentType; }
    long getSize() { return size; }
    byte[] getDataCipher() { return dataCipher; }
}
