package cn.gongkai.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A privacy or secrecy finding of the scan, held until the confidentiality reviewer acknowledges it with a reason. */
@Entity
@Table(name = "scan_finding")
class ScanFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long itemId;
    private int version;
    private String type;
    private String location;
    private int line;
    @Column(name = "start_offset")
    private int start;
    @Column(name = "end_offset")
    private int end;
    private String maskedValue;
    private String acknowledgedBy;
    private String ackReason;
    private Instant acknowledgedAt;
    /** 区分处理: removed from the public version instead of published. */
    private boolean redacted;

    protected ScanFinding() {
    }

    ScanFinding(Long itemId, int version, String type, String location, int line, int start, int end,
            String maskedValue) {
        this.itemId = itemId;
        this.version = version;
        this.type = type;
        this.location = location;
        this.line = line;
        this.start = start;
        this.end = end;
        this.maskedValue = maskedValue;
    }

    void acknowledge(String by, String reason, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new DocumentRuleViolation("document.error.textRequired", "reason");
        }
        this.acknowledgedBy = by;
        this.ackReason = reason.trim();
        this.acknowledgedAt = at;
    }

    /** 保密审查制度 十三: the reviewer removes this finding from the public version. */
    void redact(String by, Instant at) {
        this.redacted = true;
        this.acknowledgedBy = by;
        this.ackReason = null;
        this.acknowledgedAt = at;
    }

    /** Cleared by the reviewer: acknowledged as publishable, or redacted. */
    boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    public boolean isRedacted() {
        return redacted;
    }

    public Long getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getLocation() {
        return location;
    }

    public int getLine() {
        return line;
    }

    public int getStart() {
        return start;
    }

    public int getEnd() {
        return end;
    }

    public String getMaskedValue() {
        return maskedValue;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public String getAckReason() {
        return ackReason;
    }

    public int getVersion() {
        return version;
    }
}
