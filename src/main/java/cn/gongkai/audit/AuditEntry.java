package cn.gongkai.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;

/** One line of the audit log. Never updated: the table refuses UPDATE and DELETE. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    static final String GENESIS = "0".repeat(64);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant occurredAt;
    private Long agencyId;
    private String actor;
    private String address;
    private String action;
    private String objectType;
    private String objectId;
    private String detail;
    @Column(name = "before_value")
    private String before;
    @Column(name = "after_value")
    private String after;
    private String prevHash;
    private String hash;
    /** HMAC-SM3 of {@link #hash} under the {@link AuditKey}; null for entries written before V25. */
    private String mac;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, String actor, String address, AuditRecord record, String prevHash) {
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        this.agencyId = record.agencyId();
        this.actor = actor;
        this.address = address;
        this.action = record.action();
        this.objectType = record.objectType();
        this.objectId = record.objectId();
        this.detail = record.detail();
        this.before = record.before();
        this.after = record.after();
        this.prevHash = prevHash;
        this.hash = computeHash();
    }

    /** Signs the entry: the hash covers the previous hash and every field, so its MAC covers them too. */
    AuditEntry sign(AuditKey key) {
        this.mac = key.mac(macInput(hash));
        return this;
    }

    /** What an entry's MAC is computed over, versioned and separated from what checkpoints sign. */
    static String macInput(String hash) {
        return "gongkai/audit/entry/v1|" + hash;
    }

    String getMac() {
        return mac;
    }

    /** SM3 over the previous hash and every field of the entry (GB/T 32905). */
    String computeHash() {
        String content = String.join("\u001f", prevHash, occurredAt.toString(), String.valueOf(agencyId), actor, String.valueOf(address), action,
                String.valueOf(objectType), String.valueOf(objectId), String.valueOf(detail), String.valueOf(before),
                String.valueOf(after));
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return Hex.toHexString(out);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public String getActor() {
        return actor;
    }

    public String getAddress() {
        return address;
    }

    public String getAction() {
        return action;
    }

    public String getObjectType() {
        return objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    public String getDetail() {
        return detail;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }

    String getPrevHash() {
        return prevHash;
    }

    String getHash() {
        return hash;
    }

    public String occurredLabel() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(occurredAt.atZone(java.time.ZoneId.of("Asia/Shanghai")));
    }
}
