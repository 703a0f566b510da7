package cn.gongkai.coordination;

import cn.gongkai.worklist.Deadline;
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
 * One written coordination request about an item (协调 三) and everything that follows it: the answer, the
 * escalation of a disagreement, the authority's decision. It owns its lifecycle: each step is allowed only from the
 * status before it.
 */
@Entity
@Table(name = "coordination")
class Coordination {

    /** 协调 三: a written answer within 10 working days. */
    static final int ANSWER_DAYS = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private Long itemId;
    private int itemVersion;
    private String itemTitle;
    private String itemText;
    private Long toAgencyId;
    private String outsideAgency;
    private String question;
    private boolean urgent;
    private int dueDays;
    private LocalDate sentOn;
    private Instant sentAt;
    private String sentBy;
    @Enumerated(EnumType.STRING)
    private CoordinationStatus status;
    @Enumerated(EnumType.STRING)
    private CoordinationAnswer answer;
    private String wording;
    private String reasons;
    private String answeredBy;
    private Instant answeredAt;
    private LocalDate answeredOn;
    private Long authorityAgencyId;
    private LocalDate escalatedOn;
    @Enumerated(EnumType.STRING)
    private AuthorityDecision decision;
    private String decisionWording;
    private String decisionReasons;
    private String decidedBy;
    private Instant decidedAt;

    protected Coordination() {
    }

    /**
     * Sent today by the office of {@code agencyId}; {@code sentOnWorkingDay} says whether today is a working day, for
     * an urgent one (即时答复) is due the same working day: today, or the next working day when sent on a rest day.
     */
    Coordination(Long agencyId, CoordinatedItems.CoordinatedItem item, Long toAgencyId, String outsideAgency,
            String question, boolean urgent, LocalDate today, boolean sentOnWorkingDay, String by, Instant now) {
        this.agencyId = agencyId;
        this.itemId = item.id();
        this.itemVersion = item.version();
        this.itemTitle = item.title();
        this.itemText = item.text();
        this.toAgencyId = toAgencyId;
        this.outsideAgency = outsideAgency;
        this.question = question;
        this.urgent = urgent;
        this.dueDays = urgent ? (sentOnWorkingDay ? 0 : 1) : ANSWER_DAYS;
        this.sentOn = today;
        this.sentAt = now;
        this.sentBy = by;
        this.status = CoordinationStatus.OPEN;
    }

    /** The answer's deadline, kept as its inputs: the due day follows the calendar as it is changed. */
    Deadline deadline() {
        return Deadline.workingDays(sentOn, dueDays);
    }

    void answer(CoordinationAnswer a, String wording, String reasons, String by, LocalDate today, Instant now) {
        if (status != CoordinationStatus.OPEN) {
            throw new CoordinationRuleViolation("coordination.error.notOpen");
        }
        this.answer = a;
        this.wording = a == CoordinationAnswer.AGREE_WITH_WORDING ? wording : null;
        this.reasons = reasons;
        this.answeredBy = by;
        this.answeredAt = now;
        this.answeredOn = today;
        this.status = a.status();
    }

    /** 协调 二: the disagreement goes to the disclosure authority (null: none on the platform, entered by hand). */
    void escalate(Long authorityAgencyId, LocalDate today) {
        this.authorityAgencyId = authorityAgencyId;
        this.escalatedOn = today;
    }

    void decide(AuthorityDecision d, String wording, String reasons, String by, Instant now) {
        if (status != CoordinationStatus.DISPUTED) {
            throw new CoordinationRuleViolation("coordination.error.notDisputed");
        }
        this.decision = d;
        this.decisionWording = d == AuthorityDecision.PUBLISH_WITH_WORDING ? wording : null;
        this.decisionReasons = reasons;
        this.decidedBy = by;
        this.decidedAt = now;
        this.status = CoordinationStatus.DECIDED;
    }

    public boolean isOutside() {
        return toAgencyId == null;
    }

    /** The binding outcome forbids publication: the authority decided not to publish. */
    boolean withholds() {
        return status == CoordinationStatus.DECIDED && decision == AuthorityDecision.DO_NOT_PUBLISH;
    }

    /** The unified wording the drafter adopts, from the authority's decision or the other agency's answer. */
    String bindingWording() {
        return decisionWording != null ? decisionWording : wording;
    }

    public Long getId() {
        return id;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public Long getItemId() {
        return itemId;
    }

    public int getItemVersion() {
        return itemVersion;
    }

    public String getItemTitle() {
        return itemTitle;
    }

    public String getItemText() {
        return itemText;
    }

    public Long getToAgencyId() {
        return toAgencyId;
    }

    public String getOutsideAgency() {
        return outsideAgency;
    }

    public String getQuestion() {
        return question;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public LocalDate getSentOn() {
        return sentOn;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getSentBy() {
        return sentBy;
    }

    public CoordinationStatus getStatus() {
        return status;
    }

    public CoordinationAnswer getAnswer() {
        return answer;
    }

    public String getWording() {
        return wording;
    }

    public String getReasons() {
        return reasons;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public LocalDate getAnsweredOn() {
        return answeredOn;
    }

    public Long getAuthorityAgencyId() {
        return authorityAgencyId;
    }

    public LocalDate getEscalatedOn() {
        return escalatedOn;
    }

    public AuthorityDecision getDecision() {
        return decision;
    }

    public String getDecisionWording() {
        return decisionWording;
    }

    public String getDecisionReasons() {
        return decisionReasons;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
