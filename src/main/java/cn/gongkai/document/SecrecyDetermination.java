package cn.gongkai.document;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * 报审 (保密审查制度 九、十二): the secrecy bureau is asked to decide an unclear level, with the three materials of 九;
 * it answers in writing within 7 working days, extendable once by at most 7, announced before the first expires.
 */
@Entity
@Table(name = "secrecy_determination")
class SecrecyDetermination {

    static final int ANSWER_DAYS = 7;
    static final int MAX_EXTENSION_DAYS = 7;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long itemId;
    private String requestedBy;
    private LocalDate requestedOn;
    private String reason;
    private String materials;
    private boolean extended;
    private int extensionDays;
    private String extensionNote;
    private String answer;
    @Enumerated(EnumType.STRING)
    private SecrecyLevel answerLevel;
    private LocalDate answeredOn;
    private String recordedBy;
    private Long bureauAgencyId;

    protected SecrecyDetermination() {
    }

    SecrecyDetermination(Long itemId, String requestedBy, LocalDate requestedOn, String reason, String materials) {
        this.itemId = itemId;
        this.requestedBy = requestedBy;
        this.requestedOn = requestedOn;
        this.reason = reason;
        this.materials = materials;
    }

    /** Due date inputs: received the day of the request, 7 working days, plus an announced extension. */
    int allowance() {
        return ANSWER_DAYS + extensionDays;
    }

    void extend(int days, String note, LocalDate today, LocalDate originalDue) {
        if (answeredOn != null) {
            throw new DocumentRuleViolation("document.determination.error.answered");
        }
        if (extended) {
            throw new DocumentRuleViolation("document.determination.error.extendedOnce");
        }
        if (days < 1 || days > MAX_EXTENSION_DAYS) {
            throw new DocumentRuleViolation("document.determination.error.extensionDays", "days");
        }
        if (today.isAfter(originalDue)) {
            // 保密 十二: the extension must be announced before the original period expires.
            throw new DocumentRuleViolation("document.determination.error.extensionLate");
        }
        if (note == null || note.isBlank()) {
            throw new DocumentRuleViolation("document.error.textRequired", "extensionNote");
        }
        this.extended = true;
        this.extensionDays = days;
        this.extensionNote = note.trim();
    }

    void answer(SecrecyLevel level, String text, LocalDate on, String recordedBy) {
        if (answeredOn != null) {
            throw new DocumentRuleViolation("document.determination.error.answered");
        }
        if (text == null || text.isBlank()) {
            throw new DocumentRuleViolation("document.error.textRequired", "answer");
        }
        this.answerLevel = level;
        this.answer = text.trim();
        this.answeredOn = on;
        this.recordedBy = recordedBy;
    }

    /** 报审 to the secrecy bureau on the platform, whose reviewer answers in the workbench. */
    void sendTo(Long bureauAgencyId) {
        this.bureauAgencyId = bureauAgencyId;
    }

    public Long getBureauAgencyId() {
        return bureauAgencyId;
    }

    boolean isOpen() {
        return answeredOn == null;
    }

    public Long getId() {
        return id;
    }

    public Long getItemId() {
        return itemId;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public LocalDate getRequestedOn() {
        return requestedOn;
    }

    public String getReason() {
        return reason;
    }

    public String getMaterials() {
        return materials;
    }

    public boolean isExtended() {
        return extended;
    }

    public int getExtensionDays() {
        return extensionDays;
    }

    public String getExtensionNote() {
        return extensionNote;
    }

    public String getAnswer() {
        return answer;
    }

    public SecrecyLevel getAnswerLevel() {
        return answerLevel;
    }

    public LocalDate getAnsweredOn() {
        return answeredOn;
    }
}
