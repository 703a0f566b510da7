package cn.gongkai.request;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 转交: a request handed to the agency on the platform that is responsible for the information (依申请公开制度 四), until
 * that agency's office signs for it (签收) and it is registered there as a request of its own.
 */
@Entity
@Table(name = "request_transfer")
class RequestTransfer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long fromAgencyId;
    private Long fromRequestId;
    private Long toAgencyId;
    private String reason;
    private LocalDate sentOn;
    private Instant sentAt;
    private String sentBy;
    private LocalDate signedOn;
    private Instant signedAt;
    private String signedBy;
    private Long newRequestId;

    protected RequestTransfer() {
    }

    RequestTransfer(Long fromAgencyId, Long fromRequestId, Long toAgencyId, String reason, LocalDate today, String by,
            Instant now) {
        this.fromAgencyId = fromAgencyId;
        this.fromRequestId = fromRequestId;
        this.toAgencyId = toAgencyId;
        this.reason = reason;
        this.sentOn = today;
        this.sentBy = by;
        this.sentAt = now;
    }

    void sign(Long newRequestId, LocalDate today, String by, Instant now) {
        if (isSigned()) {
            throw new RequestRuleViolation("request.transfer.error.signed");
        }
        this.newRequestId = newRequestId;
        this.signedOn = today;
        this.signedBy = by;
        this.signedAt = now;
    }

    public boolean isSigned() {
        return signedOn != null;
    }

    public Long getId() { return id; }
    public Long getFromAgencyId() { return fromAgencyId; }
    public Long getFromRequestId() { return fromRequestId; }
    public Long getToAgencyId() { return toAgencyId; }
    public String getReason() { return reason; }
    public LocalDate getSentOn() { return sentOn; }
    public String getSentBy() { return sentBy; }
    public LocalDate getSignedOn() { return signedOn; }
    public String getSignedBy() { return signedBy; }
    public Long getNewRequestId() { return newRequestId; }
}
