package cn.gongkai.document;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** A co-producing department and its written consent (保密审查制度 八). */
@Embeddable
class CoProducer {

    @Column(name = "department_id")
    private Long departmentId;
    private String consent;
    private String consentBy;
    private Instant consentAt;

    protected CoProducer() {
    }

    CoProducer(Long departmentId) {
        this.departmentId = departmentId;
    }

    void consent(String text, String by, Instant at) {
        this.consent = text;
        this.consentBy = by;
        this.consentAt = at;
    }

    boolean hasConsented() {
        return consent != null && !consent.isBlank();
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public String getConsent() {
        return consent;
    }

    public String getConsentBy() {
        return consentBy;
    }
}
