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
 * 网民留言 (舆情 四.三): a citizen's message left on the portal, from receipt to the answer the citizen reads with the
 * query code, and (with consent) its publication on 留言选登 with personal data removed. The name and contact are kept
 * encrypted. It owns its lifecycle: each step only from the status before it.
 */
@Entity
@Table(name = "citizen_message")
public class CitizenMessage {

    public enum Status {
        /** Left on the portal; the office assigns it. */
        RECEIVED,
        /** With a department, which answers. */
        ASSIGNED,
        /** Answered; the office reviews. */
        ANSWERED,
        /** Reviewed: the citizen reads the answer with the query code. */
        REPLIED,
        /** Turned into a request for disclosure (its received date kept). */
        CONVERTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private String messageNumber;
    private String codeHash;
    private String name;
    private String contact;
    private String subject;
    private String content;
    private boolean consent;
    private Instant receivedAt;
    private LocalDate receivedOn;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Long departmentId;
    private LocalDate assignedOn;
    private Integer answerDays;
    private String answer;
    private Instant answeredAt;
    private String answeredBy;
    private String reviewNote;
    private Instant reviewedAt;
    private String reviewedBy;
    private String publishedSubject;
    private String publishedContent;
    private String publishedAnswer;
    private Instant publishedAt;
    private boolean complaint;
    private String requestTracking;

    protected CitizenMessage() {
    }

    CitizenMessage(Long agencyId, String messageNumber, String codeHash, String encryptedName,
            String encryptedContact, String subject, String content, boolean consent, Instant now, LocalDate today) {
        this.agencyId = agencyId;
        this.messageNumber = messageNumber;
        this.codeHash = codeHash;
        this.name = encryptedName;
        this.contact = encryptedContact;
        this.subject = subject;
        this.content = content;
        this.consent = consent;
        this.receivedAt = now;
        this.receivedOn = today;
        this.status = Status.RECEIVED;
    }

    void assign(Long departmentId, int days, LocalDate today) {
        require(Status.RECEIVED, Status.ASSIGNED);
        this.departmentId = departmentId;
        this.answerDays = days;
        this.assignedOn = today;
        this.status = Status.ASSIGNED;
    }

    void answer(String answer, String by, Instant now) {
        require(Status.ASSIGNED);
        this.answer = answer;
        this.answeredBy = by;
        this.answeredAt = now;
        this.status = Status.ANSWERED;
    }

    /** The office's review: approved, the citizen reads the answer; returned, the department answers again. */
    void review(boolean approve, String note, String by, Instant now) {
        require(Status.ANSWERED);
        this.reviewNote = note;
        this.reviewedBy = by;
        this.reviewedAt = now;
        this.status = approve ? Status.REPLIED : Status.ASSIGNED;
    }

    void publish(String subject, String content, String answer, Instant now) {
        require(Status.REPLIED);
        if (!consent) {
            throw new OpinionRuleViolation("message.error.noConsent");
        }
        this.publishedSubject = subject;
        this.publishedContent = content;
        this.publishedAnswer = answer;
        this.publishedAt = now;
    }

    /** Off 留言选登 again (the citizen withdrew consent, or the office erred); the texts as published are dropped. */
    void unpublish() {
        if (publishedAt == null) {
            throw new OpinionRuleViolation("message.error.notPublished");
        }
        this.publishedAt = null;
        this.publishedSubject = null;
        this.publishedContent = null;
        this.publishedAnswer = null;
    }

    void markComplaint() {
        this.complaint = true;
    }

    void converted(String trackingNumber) {
        if (status == Status.CONVERTED) {
            throw new OpinionRuleViolation("message.error.status");
        }
        this.requestTracking = trackingNumber;
        this.status = Status.CONVERTED;
    }

    private void require(Status... allowed) {
        for (Status s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new OpinionRuleViolation("message.error.status");
    }

    public Long getId() {
        return id;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public String getMessageNumber() {
        return messageNumber;
    }

    String codeHash() {
        return codeHash;
    }

    String encryptedName() {
        return name;
    }

    String encryptedContact() {
        return contact;
    }

    public String getSubject() {
        return subject;
    }

    public String getContent() {
        return content;
    }

    public boolean isConsent() {
        return consent;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public Status getStatus() {
        return status;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public LocalDate getAssignedOn() {
        return assignedOn;
    }

    public Integer getAnswerDays() {
        return answerDays;
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

    public String getReviewNote() {
        return reviewNote;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getPublishedSubject() {
        return publishedSubject;
    }

    public String getPublishedContent() {
        return publishedContent;
    }

    public String getPublishedAnswer() {
        return publishedAnswer;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public boolean isComplaint() {
        return complaint;
    }

    public String getRequestTracking() {
        return requestTracking;
    }
}
