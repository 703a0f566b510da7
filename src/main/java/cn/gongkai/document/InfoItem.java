package cn.gongkai.document;

import cn.gongkai.catalog.DisclosureAttribute;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * 政府信息: one piece of information with its lifecycle. The aggregate owns its transitions; each refuses a move the
 * rules do not allow. The working copy is edited here; what the public sees is the catalog's published version.
 */
@Entity
@Table(name = "info_item")
class InfoItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private Long departmentId;
    private Long drafterId;
    private String drafterName;
    @Enumerated(EnumType.STRING)
    private ItemStatus status;
    private int version = 1;
    private int currentStep;
    private int round;
    /** 主动公开制度 五: the 20 working days run from formation (version 1) or from the change (later versions). */
    private LocalDate clockStart;
    private String title;
    private String documentNumber;
    private String summary;
    private String body;
    private LocalDate createdOn;
    private String topic;
    /** The agency's sub-class of the topic (catalog's {@code topic_subclass}), or null. */
    private Long subtopicId;
    private String genre;
    /** 重要政策: needs an interpretation plan whatever its genre (三同步 三). */
    private boolean importantPolicy;
    /** An interpretation material: the policy item it explains, and its form. */
    private Long interpretsItemId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private cn.gongkai.interpretation.InterpretationForm interpretationForm;
    /** An interpretation published elsewhere (音视频, 在线访谈): the recording's address. */
    private String mediaUrl;
    private String keywords;
    @Enumerated(EnumType.STRING)
    private DisclosureAttribute attribute;
    private String attributeBasis;
    private String scope;
    private String channels;
    @Enumerated(EnumType.STRING)
    private SecrecyLevel secrecyLevel;
    private String secrecyTerm;
    private boolean thirdPartyInvolved;
    private boolean otherAgenciesInvolved;
    private String otherAgencies;
    private String thirdPartyConsent;
    private String publicInterestDecision;
    private String publicInterestBy;
    private String otherAgencyConfirmation;
    private String declassifiedBy;
    private LocalDate declassifiedOn;
    private String declassificationBasis;
    @Enumerated(EnumType.STRING)
    private ReviewOpinion reviewOpinion;
    private Instant submittedAt;
    private Instant updatedAt;
    private String indexNumber;
    private Integer publishedVersion;
    /** The review chain this round runs through, fixed at submission: a later change of the agency's chain only
     * applies to items submitted afterwards, so an item in review never finds its step gone. */
    private String reviewSteps;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "info_item_co_producer", joinColumns = @JoinColumn(name = "item_id"))
    private List<CoProducer> coProducers = new ArrayList<>();

    protected InfoItem() {
    }

    InfoItem(Long agencyId, Long departmentId, Long drafterId, String drafterName, Draft draft, Instant now) {
        this.agencyId = agencyId;
        this.departmentId = departmentId;
        this.drafterId = drafterId;
        this.drafterName = drafterName;
        this.status = ItemStatus.DRAFT;
        apply(draft, now);
        this.clockStart = draft.createdOn();
    }

    /** Edits the working copy. Editing a published item starts its next version (变更), reviewed again. */
    void edit(Draft draft, Instant now) {
        switch (status) {
            case DRAFT, RETURNED -> { }
            case PUBLISHED -> {
                version++;
                status = ItemStatus.DRAFT;
                clearGateRecords();
                clockStart = now.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
            }
            default -> throw new DocumentRuleViolation("document.error.notEditable");
        }
        apply(draft, now);
        if (version == 1) {
            clockStart = draft.createdOn();
        }
    }

    private void apply(Draft d, Instant now) {
        this.title = d.title();
        this.documentNumber = blankToNull(d.documentNumber());
        this.summary = d.summary();
        this.body = d.body();
        this.createdOn = d.createdOn();
        this.topic = d.topic();
        this.subtopicId = d.subtopicId();
        this.genre = d.genre();
        this.importantPolicy = d.importantPolicy();
        this.interpretsItemId = d.interpretsItemId();
        this.interpretationForm = d.interpretationForm();
        this.mediaUrl = d.mediaUrl() == null || d.mediaUrl().isBlank() ? null : d.mediaUrl().strip();
        this.keywords = blankToNull(d.keywords());
        this.attribute = d.attribute();
        this.attributeBasis = blankToNull(d.attributeBasis());
        this.scope = blankToNull(d.scope());
        this.channels = d.channels().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.secrecyLevel = d.secrecyLevel();
        this.secrecyTerm = blankToNull(d.secrecyTerm());
        this.thirdPartyInvolved = d.thirdPartyInvolved();
        this.otherAgenciesInvolved = d.otherAgenciesInvolved();
        this.otherAgencies = blankToNull(d.otherAgencies());
        Set<Long> wanted = new TreeSet<>(d.coProducers());
        wanted.remove(departmentId);
        coProducers.removeIf(c -> !wanted.contains(c.getDepartmentId()));
        wanted.stream().filter(w -> coProducers.stream().noneMatch(c -> c.getDepartmentId().equals(w)))
                .forEach(w -> coProducers.add(new CoProducer(w)));
        this.updatedAt = now;
    }

    private void clearGateRecords() {
        thirdPartyConsent = null;
        publicInterestDecision = null;
        publicInterestBy = null;
        otherAgencyConfirmation = null;
        reviewOpinion = null;
        coProducers.forEach(c -> c.consent(null, null, null));
    }

    /** Into the given review chain at its first step, which this round keeps whatever the agency changes later. */
    void submit(ReviewChain chain, Instant now) {
        submit(now);
        reviewSteps = chain.format();
    }

    /** The chain of the current round, or null when the item was never submitted with one. */
    ReviewChain reviewChain() {
        return reviewSteps == null ? null : ReviewChain.parse(reviewSteps);
    }

    /** Into the review chain at its first step; every submission starts a new round. */
    void submit(Instant now) {
        if (status != ItemStatus.DRAFT && status != ItemStatus.RETURNED) {
            throw new DocumentRuleViolation("document.error.notSubmittable");
        }
        status = ItemStatus.IN_REVIEW;
        currentStep = 0;
        round++;
        reviewOpinion = null;
        submittedAt = now;
        updatedAt = now;
    }

    /** The current step approved: on to the next step, or, after the last, ready for the office. */
    void approveStep(ReviewChain chain, Instant now) {
        requireStatus(ItemStatus.IN_REVIEW);
        if (chain.isLast(currentStep)) {
            status = ItemStatus.APPROVED;
        } else {
            currentStep++;
        }
        updatedAt = now;
    }

    /** A return goes back to the drafter with the reason; the next submission starts from the first step. */
    void returnToDrafter(Instant now) {
        if (status != ItemStatus.IN_REVIEW && status != ItemStatus.APPROVED) {
            throw new DocumentRuleViolation("document.error.notInReview");
        }
        status = ItemStatus.RETURNED;
        currentStep = 0;
        updatedAt = now;
    }

    /** The confidentiality reviewer's conclusion confirms (or corrects) the drafter's attribute (保密 十一). */
    void confirmOpinion(ReviewOpinion opinion, Instant now) {
        requireStatus(ItemStatus.IN_REVIEW);
        this.reviewOpinion = opinion;
        switch (opinion) {
            case PROACTIVE -> attribute = DisclosureAttribute.PROACTIVE;
            case ON_REQUEST -> attribute = DisclosureAttribute.ON_REQUEST;
            case EXEMPT -> attribute = DisclosureAttribute.EXEMPT;
            case ESCALATE -> status = ItemStatus.AWAITING_DETERMINATION;
        }
        updatedAt = now;
    }

    /** The secrecy bureau answered (保密 十二): the item is back at the confidentiality review with the level set. */
    void determinationAnswered(SecrecyLevel level, Instant now) {
        requireStatus(ItemStatus.AWAITING_DETERMINATION);
        this.secrecyLevel = level;
        this.status = ItemStatus.IN_REVIEW;
        this.reviewOpinion = null;
        updatedAt = now;
    }

    void published(String indexNumber, Instant now) {
        requireStatus(ItemStatus.APPROVED);
        this.status = ItemStatus.PUBLISHED;
        this.indexNumber = indexNumber;
        this.publishedVersion = version;
        updatedAt = now;
    }

    void recordThirdPartyConsent(String consent, Instant now) {
        this.thirdPartyConsent = requireText(consent, "thirdPartyConsent");
        updatedAt = now;
    }

    /** 主动公开制度 七.3: the agency finds that withholding would seriously harm the public interest. */
    void recordPublicInterestDecision(String decision, String leader, Instant now) {
        this.publicInterestDecision = requireText(decision, "publicInterestDecision");
        this.publicInterestBy = leader;
        updatedAt = now;
    }

    /** 保密审查制度 十: a marked item past its term is declassified (解密) before it may be published. */
    void recordDeclassification(String approver, LocalDate on, String basis, Instant now) {
        if (secrecyLevel == SecrecyLevel.NONE) {
            throw new DocumentRuleViolation("document.error.notMarked");
        }
        this.declassificationBasis = requireText(basis, "declassificationBasis");
        this.declassifiedBy = approver;
        this.declassifiedOn = on;
        updatedAt = now;
    }

    void recordCoProducerConsent(Long departmentId, String consent, String by, Instant now) {
        CoProducer co = coProducers.stream().filter(c -> c.getDepartmentId().equals(departmentId)).findFirst()
                .orElseThrow(() -> new DocumentRuleViolation("document.error.notCoProducer"));
        co.consent(requireText(consent, "consent"), by, now);
        updatedAt = now;
    }

    private void requireStatus(ItemStatus expected) {
        if (status != expected) {
            throw new DocumentRuleViolation("document.error.wrongState." + expected.name());
        }
    }

    private static String requireText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new DocumentRuleViolation("document.error.textRequired", field);
        }
        return text.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // public: the item page (document/view) reads these three; SpEL only sees public methods.
    public boolean isMarkedSecret() {
        return secrecyLevel != SecrecyLevel.NONE;
    }

    public boolean isDeclassified() {
        return declassifiedOn != null;
    }

    public Set<Channel> channelSet() {
        if (channels == null || channels.isBlank()) {
            return EnumSet.noneOf(Channel.class);
        }
        return Arrays.stream(channels.split(",")).map(Channel::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
    }

    Draft toDraft() {
        return new Draft(title, documentNumber, summary, body, createdOn, topic, subtopicId, genre, keywords, attribute,
                attributeBasis, scope, channelSet(), secrecyLevel, secrecyTerm, thirdPartyInvolved,
                otherAgenciesInvolved, otherAgencies,
                coProducers.stream().map(CoProducer::getDepartmentId).collect(Collectors.toSet()), importantPolicy,
                interpretsItemId, interpretationForm, mediaUrl);
    }

    public String getMediaUrl() {
        return mediaUrl;
    }

    public boolean isImportantPolicy() {
        return importantPolicy;
    }

    public Long getInterpretsItemId() {
        return interpretsItemId;
    }

    public cn.gongkai.interpretation.InterpretationForm getInterpretationForm() {
        return interpretationForm;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getClockStart() {
        return clockStart;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public Long getDrafterId() {
        return drafterId;
    }

    public String getDrafterName() {
        return drafterName;
    }

    public ItemStatus getStatus() {
        return status;
    }

    public int getVersion() {
        return version;
    }

    public int getCurrentStep() {
        return currentStep;
    }

    public int getRound() {
        return round;
    }

    public String getTitle() {
        return title;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public String getSummary() {
        return summary;
    }

    public String getBody() {
        return body;
    }

    public LocalDate getCreatedOn() {
        return createdOn;
    }

    public String getTopic() {
        return topic;
    }

    public Long getSubtopicId() {
        return subtopicId;
    }

    public String getGenre() {
        return genre;
    }

    public String getKeywords() {
        return keywords;
    }

    public DisclosureAttribute getAttribute() {
        return attribute;
    }

    public String getAttributeBasis() {
        return attributeBasis;
    }

    public String getScope() {
        return scope;
    }

    public String getChannels() {
        return channels;
    }

    public SecrecyLevel getSecrecyLevel() {
        return secrecyLevel;
    }

    public String getSecrecyTerm() {
        return secrecyTerm;
    }

    public boolean isThirdPartyInvolved() {
        return thirdPartyInvolved;
    }

    public boolean isOtherAgenciesInvolved() {
        return otherAgenciesInvolved;
    }

    public String getOtherAgencies() {
        return otherAgencies;
    }

    public String getThirdPartyConsent() {
        return thirdPartyConsent;
    }

    public String getPublicInterestDecision() {
        return publicInterestDecision;
    }

    public String getPublicInterestBy() {
        return publicInterestBy;
    }

    public String getOtherAgencyConfirmation() {
        return otherAgencyConfirmation;
    }

    public String getDeclassifiedBy() {
        return declassifiedBy;
    }

    public LocalDate getDeclassifiedOn() {
        return declassifiedOn;
    }

    public String getDeclassificationBasis() {
        return declassificationBasis;
    }

    public ReviewOpinion getReviewOpinion() {
        return reviewOpinion;
    }

    public String getIndexNumber() {
        return indexNumber;
    }

    public Integer getPublishedVersion() {
        return publishedVersion;
    }

    public List<CoProducer> getCoProducers() {
        return List.copyOf(coProducers);
    }
}
