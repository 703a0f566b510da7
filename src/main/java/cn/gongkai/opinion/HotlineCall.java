package cn.gongkai.opinion;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A call to the 96128 政务查询专线 (舆情 四.二) logged by staff: who called (name and number encrypted, shown masked),
 * when, about what, the department that answers within the configured working days, the answer and whether the
 * caller was called back.
 */
@Entity
@Table(name = "hotline_call")
public class HotlineCall {

    public enum Status {
        OPEN, ANSWERED, CONVERTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private String callerName;
    private String callerPhone;
    private Instant calledAt;
    private String subject;
    private String content;
    private Long departmentId;
    private int dueDays;
    private LocalDate receivedOn;
    private String answer;
    private Instant answeredAt;
    private String answeredBy;
    private boolean calledBack;
    private boolean complaint;
    private String requestTracking;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String loggedBy;

    protected HotlineCall() {
    }

    HotlineCall(Long agencyId, String encryptedName, String encryptedPhone, Instant calledAt, LocalDate receivedOn,
            String subject, String content, Long departmentId, int dueDays, String by) {
        this.agencyId = agencyId;
        this.callerName = encryptedName;
        this.callerPhone = encryptedPhone;
        this.calledAt = calledAt;
        this.receivedOn = receivedOn;
        this.subject = subject;
        this.content = content;
        this.departmentId = departmentId;
        this.dueDays = dueDays;
        this.loggedBy = by;
        this.status = Status.OPEN;
    }

    void answer(String answer, boolean calledBack, String by, Instant now) {
        if (status != Status.OPEN) {
            throw new OpinionRuleViolation("hotline.error.status");
        }
        this.answer = answer;
        this.calledBack = calledBack;
        this.answeredBy = by;
        this.answeredAt = now;
        this.status = Status.ANSWERED;
    }

    void markComplaint() {
        this.complaint = true;
    }

    void converted(String trackingNumber) {
        if (status == Status.CONVERTED) {
            throw new OpinionRuleViolation("hotline.error.status");
        }
        this.requestTracking = trackingNumber;
        this.status = Status.CONVERTED;
    }

    public Long getId() {
        return id;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    String encryptedName() {
        return callerName;
    }

    String encryptedPhone() {
        return callerPhone;
    }

    public Instant getCalledAt() {
        return calledAt;
    }

    public String getSubject() {
        return subject;
    }

    public String getContent() {
        return content;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public int getDueDays() {
        return dueDays;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public String getAnswer() {
        return answer;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public boolean isCalledBack() {
        return calledBack;
    }

    public boolean isComplaint() {
        return complaint;
    }

    public String getRequestTracking() {
        return requestTracking;
    }

    public Status getStatus() {
        return status;
    }

    public String getLoggedBy() {
        return loggedBy;
    }
}
