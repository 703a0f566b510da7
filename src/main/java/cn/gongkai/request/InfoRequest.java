package cn.gongkai.request;

import cn.gongkai.calendar.WorkCalendar;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.CascadeType;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * 政府信息公开申请: one matter, one request, one reply (依申请公开制度 五). The aggregate owns its lifecycle and its reply
 * clock; personal data arrives already encrypted.
 */
@Entity
@Table(name = "info_request")
class InfoRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private String trackingNumber;
    private String queryCodeHash;
    @Enumerated(EnumType.STRING)
    private RequestChannel channel;
    /** The day the applicant handed it in, it was signed for, or it arrived online (as the applicant reads it). */
    private LocalDate submittedOn;
    /** The day the reply period is counted from (Art. 31), after the channel's rule for rest days. */
    private LocalDate receivedOn;
    @Enumerated(EnumType.STRING)
    private ApplicantKind applicantKind;
    @Enumerated(EnumType.STRING)
    private OrganisationKind organisationKind;
    private String name;
    @Enumerated(EnumType.STRING)
    private IdType idType;
    private String idNumberCipher;
    private String idNumberHash;
    private String phoneCipher;
    private String phoneHash;
    private String email;
    private String address;
    private String postcode;
    private String creditCode;
    private String legalRepresentative;
    private String contactPerson;
    private String infoTitle;
    private String infoDocumentNumber;
    private String infoDescription;
    private String purpose;
    @Enumerated(EnumType.STRING)
    private Delivery delivery;
    @Enumerated(EnumType.STRING)
    private RequestStatus status;
    private Long departmentId;
    private int allowance;
    private LocalDate clockStart;
    private int extensionDays;
    private int pausedDays;
    private LocalDate pausedSince;
    private String consultationKind;
    private String consultationParty;
    private LocalDate amendmentRequestedOn;
    private String amendmentText;
    private LocalDate amendmentDue;
    private LocalDate amendedOn;
    private Integer extensionRequestedDays;
    private String extensionReason;
    private String extensionApprovedBy;
    private LocalDate extensionApprovedOn;
    private LocalDate extensionOriginalDue;
    /** Frozen when the request is answered or closed: later calendar changes move open work only. */
    private LocalDate finalDueOn;
    private Boolean onTime;
    /** 一事一申请: the request this one was split off. */
    private String splitFrom;
    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "requestId", referencedColumnName = "id", insertable = false, updatable = false)
    @Fetch(FetchMode.SUBSELECT)
    @OrderBy("id")
    private List<Consultation> consultations = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Enumerated(EnumType.STRING)
    private ReplyForm replyForm;
    private String replyText;
    private String linkedIndexNumbers;
    private String replyDraftedBy;
    private String officeReviewedBy;
    private String leaderApprovedBy;
    private LocalDate repliedOn;
    private LocalDate deliveredOn;
    private String deliveryNote;
    /** Who the applicant is, for counting their requests: a keyed hash, never the ID number itself. */
    private String applicantKey;
    private String duplicateOf;
    private Integer feeYuan;
    private LocalDate feeDue;
    private LocalDate feePaidOn;
    private LocalDate explanationAskedOn;
    private String explanationQuestion;
    private String explanationAnswer;
    private Instant createdAt;
    private Instant updatedAt;

    protected InfoRequest() {
    }

    InfoRequest(Long agencyId, String trackingNumber, String queryCodeHash, RequestChannel channel,
            LocalDate receivedOn, Applicant a, EncryptedPersonalData personal, Sought s, int allowance,
            WorkCalendar calendar, Instant now) {
        this.agencyId = agencyId;
        this.trackingNumber = trackingNumber;
        this.queryCodeHash = queryCodeHash;
        this.channel = channel;
        this.submittedOn = receivedOn;
        this.receivedOn = ReplyClock.effectiveReceivedOn(calendar, channel, receivedOn);
        this.applicantKind = a.kind();
        this.organisationKind = a.kind() == ApplicantKind.ORGANISATION ? a.organisationKind() : null;
        this.name = a.name();
        this.idType = a.idType();
        this.idNumberCipher = personal.idNumberCipher();
        this.idNumberHash = personal.idNumberHash();
        this.phoneCipher = personal.phoneCipher();
        this.phoneHash = personal.phoneHash();
        this.email = blank(a.email());
        this.address = blank(a.address());
        this.postcode = blank(a.postcode());
        this.creditCode = blank(a.creditCode());
        this.legalRepresentative = blank(a.legalRepresentative());
        this.contactPerson = blank(a.contactPerson());
        this.infoTitle = blank(s.title());
        this.infoDocumentNumber = blank(s.documentNumber());
        this.infoDescription = s.description();
        this.purpose = blank(s.purpose());
        this.delivery = s.delivery();
        this.status = RequestStatus.RECEIVED;
        this.applicantKey = personal.applicantKey();
        this.allowance = allowance;
        this.clockStart = this.receivedOn;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** 一事一申请: a part of {@code original} becomes a request of its own, received the same day, on its own clock. */
    InfoRequest(InfoRequest original, String trackingNumber, String queryCodeHash, String title, String description,
            Instant now) {
        this.agencyId = original.agencyId;
        this.trackingNumber = trackingNumber;
        this.queryCodeHash = queryCodeHash;
        this.channel = original.channel;
        this.submittedOn = original.submittedOn;
        this.receivedOn = original.receivedOn;
        this.applicantKind = original.applicantKind;
        this.organisationKind = original.organisationKind;
        this.name = original.name;
        this.idType = original.idType;
        this.idNumberCipher = original.idNumberCipher;
        this.idNumberHash = original.idNumberHash;
        this.phoneCipher = original.phoneCipher;
        this.phoneHash = original.phoneHash;
        this.email = original.email;
        this.address = original.address;
        this.postcode = original.postcode;
        this.creditCode = original.creditCode;
        this.legalRepresentative = original.legalRepresentative;
        this.contactPerson = original.contactPerson;
        this.infoTitle = blank(title);
        this.infoDescription = description.trim();
        this.purpose = original.purpose;
        this.delivery = original.delivery;
        this.status = RequestStatus.RECEIVED;
        this.applicantKey = original.applicantKey;
        this.allowance = original.allowance;
        this.clockStart = original.receivedOn;
        this.splitFrom = original.trackingNumber;
        this.createdAt = now;
        this.updatedAt = now;
    }

    ReplyClock clock() {
        return new ReplyClock(clockStart, allowance, extensionDays, pausedDays, pausedSince,
                consultations.stream().map(Consultation::pause).toList());
    }

    private void apply(ReplyClock c, Instant now) {
        this.clockStart = c.clockStart();
        this.extensionDays = c.extensionDays();
        this.pausedDays = c.pausedDays();
        this.pausedSince = c.pausedSince();
        this.updatedAt = now;
    }

    /** 补正 (Art. 30): once, within 7 working days of receipt, one notice listing everything needed. */
    void requestAmendment(String whatIsNeeded, LocalDate amendmentDue, WorkCalendar calendar, LocalDate today,
            Instant now) {
        if (amendmentRequestedOn != null) {
            throw new RequestRuleViolation("request.error.amendmentOnce");
        }
        require(RequestStatus.RECEIVED, RequestStatus.ASSIGNED);
        if (!clock().amendmentWindowOpen(calendar, receivedOn, today)) {
            throw new RequestRuleViolation("request.error.amendmentWindow");
        }
        if (whatIsNeeded == null || whatIsNeeded.isBlank()) {
            throw new RequestRuleViolation("request.error.textRequired", "text");
        }
        this.amendmentRequestedOn = today;
        this.amendmentText = whatIsNeeded.trim();
        this.amendmentDue = amendmentDue;
        this.status = RequestStatus.AMENDMENT_REQUESTED;
        this.updatedAt = now;
    }

    /**
     * The amendment arrived: the reply clock starts again from its receipt (Art. 30), which is neither in the future
     * nor before the notice asking for it.
     */
    void amended(String amendedDescription, LocalDate receivedOn, WorkCalendar calendar, LocalDate today,
            Instant now) {
        require(RequestStatus.AMENDMENT_REQUESTED);
        if (receivedOn.isAfter(today)) {
            throw new RequestRuleViolation("request.error.receivedInFuture", "receivedOn");
        }
        if (receivedOn.isBefore(amendmentRequestedOn)) {
            throw new RequestRuleViolation("request.error.amendedBeforeNotice", "receivedOn");
        }
        if (amendedDescription != null && !amendedDescription.isBlank()) {
            this.infoDescription = amendedDescription.trim();
        }
        this.amendedOn = ReplyClock.effectiveReceivedOn(calendar, channel, receivedOn);
        apply(clock().restartOn(amendedOn), now);
        this.status = departmentId == null ? RequestStatus.RECEIVED : RequestStatus.ASSIGNED;
    }

    /** No amendment in time: the request is not processed further (其他处理-1). */
    void abandon(WorkCalendar calendar, LocalDate today, Instant now) {
        require(RequestStatus.AMENDMENT_REQUESTED);
        if (!today.isAfter(amendmentDue)) {
            throw new RequestRuleViolation("request.error.amendmentStillOpen");
        }
        this.outcome = Outcome.OTHER_NO_AMENDMENT;
        this.status = RequestStatus.CLOSED;
        closeClock(calendar, today);
        this.updatedAt = now;
    }

    /** 转办 to the department that holds the information; reassignable until a reply is drafted. */
    void assign(Long departmentId, Instant now) {
        require(RequestStatus.RECEIVED, RequestStatus.ASSIGNED);
        this.departmentId = departmentId;
        this.status = RequestStatus.ASSIGNED;
        this.updatedAt = now;
    }

    /**
     * 征求第三方 / 其他机关意见 (Art. 32, 34; 政府信息发布协调制度 三): each consultation has its own due date; while any
     * runs, the time is not counted (Art. 33). Several may run at once.
     */
    Consultation startConsultation(Consultation.Kind kind, String party, WorkCalendar calendar, LocalDate today,
            String by, Instant now) {
        require(RequestStatus.ASSIGNED, RequestStatus.CONSULTING);
        if (kind == null) {
            throw new RequestRuleViolation("request.error.consultationKind", "kind");
        }
        if (party == null || party.isBlank()) {
            throw new RequestRuleViolation("request.error.textRequired", "party");
        }
        if (party.length() > 300) {
            throw new RequestRuleViolation("request.error.partyTooLong", "party");
        }
        Consultation c = new Consultation(id, kind, party.trim(), today,
                calendar.plusWorkingDays(today, kind.answerDays()), by);
        consultations.add(c);
        this.consultationKind = kind.name();
        this.consultationParty = party.trim();
        this.status = RequestStatus.CONSULTING;
        this.updatedAt = now;
        return c;
    }

    /** The party answered (or stayed silent past its due date and the handler records that): the clock runs again. */
    Consultation closeConsultation(Long consultationId, String answer, LocalDate answeredOn, LocalDate today,
            String by, Instant now) {
        require(RequestStatus.CONSULTING);
        Consultation c = consultation(consultationId).filter(Consultation::isOpen)
                .orElseThrow(() -> new RequestRuleViolation("request.error.noSuchConsultation"));
        if (answer == null || answer.isBlank()) {
            throw new RequestRuleViolation("request.error.textRequired", "answer");
        }
        LocalDate on = answeredOn == null ? today : answeredOn;
        if (on.isAfter(today)) {
            throw new RequestRuleViolation("request.error.answeredInFuture", "answeredOn");
        }
        if (on.isBefore(c.getStartedOn())) {
            throw new RequestRuleViolation("request.error.answeredBeforeConsultation", "answeredOn");
        }
        c.close(answer.trim(), on, by);
        if (consultations.stream().noneMatch(Consultation::isOpen)) {
            this.status = RequestStatus.ASSIGNED;
        }
        this.updatedAt = now;
        return c;
    }

    Optional<Consultation> consultation(Long consultationId) {
        return consultations.stream().filter(c -> c.getId() != null && c.getId().equals(consultationId)).findFirst();
    }

    /** The open consultations, oldest first. */
    List<Consultation> openConsultations() {
        return consultations.stream().filter(Consultation::isOpen).toList();
    }

    /**
     * 延期: asked by the department with a reason; at most the agency's own limit (工作职责 五.4: 15 working days),
     * which never exceeds the Regulations' 20 (Art. 33).
     */
    void requestExtension(int days, String reason, int maxExtension, Instant now) {
        require(RequestStatus.ASSIGNED, RequestStatus.CONSULTING, RequestStatus.FEE_NOTIFIED);
        if (extensionDays > 0 || extensionRequestedDays != null) {
            throw new RequestRuleViolation("request.error.extensionOnce");
        }
        if (days < 1 || days > maxExtension) {
            throw new RequestRuleViolation("request.error.extensionDays", "days", maxExtension);
        }
        if (reason == null || reason.isBlank()) {
            throw new RequestRuleViolation("request.error.textRequired", "reason");
        }
        this.extensionRequestedDays = days;
        this.extensionReason = reason.trim();
        this.updatedAt = now;
    }

    /** The leader approves the extension, which must happen before the original due date (Art. 33). */
    void approveExtension(String leader, WorkCalendar calendar, LocalDate today, Instant now) {
        if (!isOpen()) {
            throw new RequestRuleViolation("request.error.wrongState");
        }
        if (extensionRequestedDays == null || extensionDays > 0) {
            throw new RequestRuleViolation("request.error.noExtensionPending");
        }
        LocalDate originalDue = clock().originalDue(calendar, today);
        if (today.isAfter(originalDue)) {
            throw new RequestRuleViolation("request.error.extensionLate");
        }
        apply(clock().extend(extensionRequestedDays), now);
        this.extensionApprovedBy = leader;
        // The extension notice (延期答复告知书) is dated today, within the original period.
        this.extensionApprovedOn = today;
        this.extensionOriginalDue = originalDue;
    }

    /** The leader refuses the extension: the department answers within the original period. */
    void refuseExtension(Instant now) {
        if (extensionRequestedDays == null || extensionDays > 0) {
            throw new RequestRuleViolation("request.error.noExtensionPending");
        }
        this.extensionRequestedDays = null;
        this.extensionReason = null;
        this.updatedAt = now;
    }

    void draftReply(Outcome outcome, ReplyForm form, String text, String linkedIndexNumbers, String by,
            Instant now) {
        require(RequestStatus.ASSIGNED);
        if (outcome == null) {
            throw new RequestRuleViolation("request.error.outcomeRequired", "outcome");
        }
        if (form == null) {
            throw new RequestRuleViolation("request.error.replyFormRequired", "replyForm");
        }
        if (!form.fits(outcome)) {
            throw new RequestRuleViolation("request.error.formMismatch", "replyForm");
        }
        // Art. 30: 补正后申请内容仍不明确 only after a notice asked for an amendment and the amendment arrived.
        if (outcome == Outcome.UNABLE_UNCLEAR && (amendmentRequestedOn == null || amendedOn == null)) {
            throw new RequestRuleViolation("request.error.unclearNeedsAmendment");
        }
        if (text == null || text.isBlank()) {
            throw new RequestRuleViolation("request.error.textRequired", "replyText");
        }
        this.outcome = outcome;
        this.replyForm = form;
        this.replyText = text.trim();
        this.linkedIndexNumbers = linkedIndexNumbers == null || linkedIndexNumbers.isBlank() ? null
                : linkedIndexNumbers.trim();
        this.replyDraftedBy = by;
        this.status = RequestStatus.REPLY_DRAFTED;
        this.updatedAt = now;
    }

    /** The office reviews the draft: back to the department, on to the leader, or replied. */
    void officeReview(boolean approve, String by, boolean leaderNeeded, WorkCalendar calendar, LocalDate today,
            Instant now) {
        require(RequestStatus.REPLY_DRAFTED);
        this.officeReviewedBy = by;
        if (!approve) {
            this.status = RequestStatus.ASSIGNED;
        } else if (leaderNeeded) {
            this.status = RequestStatus.AWAITING_LEADER;
        } else {
            reply(calendar, today);
        }
        this.updatedAt = now;
    }

    void leaderDecision(boolean approve, String leader, WorkCalendar calendar, LocalDate today, Instant now) {
        require(RequestStatus.AWAITING_LEADER);
        if (approve) {
            this.leaderApprovedBy = leader;
            reply(calendar, today);
        } else {
            this.status = RequestStatus.ASSIGNED;
        }
        this.updatedAt = now;
    }

    private void reply(WorkCalendar calendar, LocalDate today) {
        this.status = RequestStatus.REPLIED;
        closeClock(calendar, today);
        // Answered within the period: an extension still waiting for the leader is no longer needed.
        if (extensionDays == 0) {
            this.extensionRequestedDays = null;
        }
    }

    /**
     * The law fixes the due date and the on-time result once the request is answered or closed: both are frozen
     * here, so that a later calendar change moves open work only.
     */
    private void closeClock(WorkCalendar calendar, LocalDate today) {
        this.repliedOn = today;
        this.finalDueOn = clock().due(calendar, today);
        this.onTime = !today.isAfter(finalDueOn);
    }

    /** For requests answered before due dates were frozen: derive it once, as of the day it was answered. */
    void freezeClock(WorkCalendar calendar) {
        if (repliedOn != null && finalDueOn == null) {
            closeClock(calendar, repliedOn);
        }
    }

    /** 一事一申请: what this request keeps of the information sought when other parts are split off. */
    void keepPart(String title, String description, Instant now) {
        require(RequestStatus.RECEIVED, RequestStatus.ASSIGNED);
        this.infoTitle = blank(title);
        this.infoDescription = description.trim();
        this.updatedAt = now;
    }

    void recordDelivery(LocalDate on, String note, Instant now) {
        require(RequestStatus.REPLIED);
        this.deliveredOn = on;
        this.deliveryNote = note == null || note.isBlank() ? null : note.trim();
        this.status = RequestStatus.CLOSED;
        this.updatedAt = now;
    }

    /** 重复申请 hint for the handler; the handler decides. */
    void hintDuplicateOf(String trackingNumber) {
        this.duplicateOf = trackingNumber;
    }

    /** 收费通知 (Art. 42): the time until payment is not counted; unpaid by the due date closes the request. */
    void notifyFee(int yuan, LocalDate due, LocalDate today, Instant now) {
        require(RequestStatus.RECEIVED, RequestStatus.ASSIGNED);
        if (yuan <= 0) {
            throw new RequestRuleViolation("request.error.noFeeDue");
        }
        if (feeYuan != null) {
            throw new RequestRuleViolation("request.error.feeOnce");
        }
        this.feeYuan = yuan;
        this.feeDue = due;
        this.status = RequestStatus.FEE_NOTIFIED;
        apply(clock().pause(today), now);
    }

    void feePaid(WorkCalendar calendar, LocalDate today, Instant now) {
        require(RequestStatus.FEE_NOTIFIED);
        this.feePaidOn = today;
        apply(clock().resume(calendar, today), now);
        this.status = departmentId == null ? RequestStatus.RECEIVED : RequestStatus.ASSIGNED;
    }

    /** Unpaid by the notice's deadline: 其他处理-2. */
    void closeUnpaid(WorkCalendar calendar, LocalDate today, Instant now) {
        require(RequestStatus.FEE_NOTIFIED);
        if (!today.isAfter(feeDue)) {
            throw new RequestRuleViolation("request.error.feeStillOpen");
        }
        this.outcome = Outcome.OTHER_FEE_UNPAID;
        this.status = RequestStatus.CLOSED;
        closeClock(calendar, today);
        this.updatedAt = now;
    }

    /** 保密审查制度 十四: the applicant asks for the basis and reasons of a refusal. */
    void askExplanation(String question, LocalDate today, Instant now) {
        require(RequestStatus.REPLIED, RequestStatus.CLOSED);
        if (outcome == null || (outcome.category() != Outcome.Category.REFUSED
                && outcome.category() != Outcome.Category.PARTIAL)) {
            throw new RequestRuleViolation("request.error.explanationOnlyForRefusals");
        }
        if (question == null || question.isBlank()) {
            throw new RequestRuleViolation("request.error.textRequired", "text");
        }
        this.explanationAskedOn = today;
        this.explanationQuestion = question.trim();
        this.explanationAnswer = null;
        this.updatedAt = now;
    }

    void answerExplanation(String answer, Instant now) {
        if (explanationAskedOn == null || explanationAnswer != null) {
            throw new RequestRuleViolation("request.error.noExplanationPending");
        }
        if (answer == null || answer.isBlank()) {
            throw new RequestRuleViolation("request.error.textRequired", "text");
        }
        this.explanationAnswer = answer.trim();
        this.updatedAt = now;
    }

    /** The due date: derived from the calendar while open, as frozen once answered or closed. */
    LocalDate dueOn(WorkCalendar calendar, LocalDate today) {
        return finalDueOn != null ? finalDueOn : clock().due(calendar, today);
    }

    public boolean isOpen() {
        return status != RequestStatus.REPLIED && status != RequestStatus.CLOSED;
    }

    /** Replied with a reply form (not closed unanswered): the applicant now sees the letter and released files. */
    public boolean isReplied() {
        return repliedOn != null && replyForm != null;
    }

    /** Released files change with the draft: only while the department holds the request, before the draft goes on. */
    void requireReleasedFilesChangeable() {
        if (status != RequestStatus.ASSIGNED) {
            throw new RequestRuleViolation("request.file.files.notChangeable");
        }
    }

    private void require(RequestStatus... allowed) {
        for (RequestStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new RequestRuleViolation("request.error.wrongState");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // getters
    public Long getId() { return id; }
    public Long getAgencyId() { return agencyId; }
    public String getTrackingNumber() { return trackingNumber; }
    String getQueryCodeHash() { return queryCodeHash; }
    public RequestChannel getChannel() { return channel; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public LocalDate getSubmittedOn() { return submittedOn; }
    public LocalDate getExtensionApprovedOn() { return extensionApprovedOn; }
    public LocalDate getExtensionOriginalDue() { return extensionOriginalDue; }
    public LocalDate getFinalDueOn() { return finalDueOn; }
    public Boolean getOnTime() { return onTime; }
    public String getSplitFrom() { return splitFrom; }
    public List<Consultation> getConsultations() { return List.copyOf(consultations); }
    public ApplicantKind getApplicantKind() { return applicantKind; }
    public OrganisationKind getOrganisationKind() { return organisationKind; }
    public String getName() { return name; }
    public IdType getIdType() { return idType; }
    String getIdNumberCipher() { return idNumberCipher; }
    String getIdNumberHash() { return idNumberHash; }
    String getPhoneCipher() { return phoneCipher; }
    public String getEmail() { return email; }
    public String getAddress() { return address; }
    public String getPostcode() { return postcode; }
    public String getCreditCode() { return creditCode; }
    public String getLegalRepresentative() { return legalRepresentative; }
    public String getContactPerson() { return contactPerson; }
    public String getInfoTitle() { return infoTitle; }
    public String getInfoDocumentNumber() { return infoDocumentNumber; }
    public String getInfoDescription() { return infoDescription; }
    public String getPurpose() { return purpose; }
    public Delivery getDelivery() { return delivery; }
    public RequestStatus getStatus() { return status; }
    public Long getDepartmentId() { return departmentId; }
    public int getAllowance() { return allowance; }
    public LocalDate getClockStart() { return clockStart; }
    public int getExtensionDays() { return extensionDays; }
    public String getConsultationKind() { return consultationKind; }
    public String getConsultationParty() { return consultationParty; }
    public LocalDate getAmendmentRequestedOn() { return amendmentRequestedOn; }
    public String getAmendmentText() { return amendmentText; }
    public LocalDate getAmendmentDue() { return amendmentDue; }
    public LocalDate getAmendedOn() { return amendedOn; }
    public Integer getExtensionRequestedDays() { return extensionRequestedDays; }
    public String getExtensionReason() { return extensionReason; }
    public String getExtensionApprovedBy() { return extensionApprovedBy; }
    public Outcome getOutcome() { return outcome; }
    public ReplyForm getReplyForm() { return replyForm; }
    public String getReplyText() { return replyText; }
    public String getLinkedIndexNumbers() { return linkedIndexNumbers; }
    public String getReplyDraftedBy() { return replyDraftedBy; }
    public String getOfficeReviewedBy() { return officeReviewedBy; }
    public String getLeaderApprovedBy() { return leaderApprovedBy; }
    public LocalDate getRepliedOn() { return repliedOn; }
    public LocalDate getDeliveredOn() { return deliveredOn; }
    public String getDeliveryNote() { return deliveryNote; }
    String getApplicantKey() { return applicantKey; }
    public String getDuplicateOf() { return duplicateOf; }
    public Integer getFeeYuan() { return feeYuan; }
    public LocalDate getFeeDue() { return feeDue; }
    public LocalDate getFeePaidOn() { return feePaidOn; }
    public LocalDate getExplanationAskedOn() { return explanationAskedOn; }
    public String getExplanationQuestion() { return explanationQuestion; }
    public String getExplanationAnswer() { return explanationAnswer; }
}
