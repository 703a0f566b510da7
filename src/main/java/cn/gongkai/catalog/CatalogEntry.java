package cn.gongkai.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;

/** One item in the catalog, carrying its currently published version; earlier versions are in catalog_version. */
@Entity
@Table(name = "catalog_entry")
@Indexed(index = "catalog")
public class CatalogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @GenericField
    private Long agencyId;
    private Long itemId;
    @KeywordField(projectable = Projectable.YES)
    private String indexNumber;
    private int version;
    @FullTextField(analyzer = ChineseAnalysis.CHINESE, projectable = Projectable.YES)
    @FullTextField(name = "title_bigram", analyzer = ChineseAnalysis.BIGRAM)
    private String title;
    @FullTextField(analyzer = ChineseAnalysis.CHINESE)
    @KeywordField(name = "documentNumber_keyword", normalizer = ChineseAnalysis.KEYWORD)
    private String documentNumber;
    @FullTextField(analyzer = ChineseAnalysis.CHINESE, projectable = Projectable.YES)
    @FullTextField(name = "summary_bigram", analyzer = ChineseAnalysis.BIGRAM)
    private String summary;
    @FullTextField(analyzer = ChineseAnalysis.CHINESE, projectable = Projectable.YES)
    @FullTextField(name = "body_bigram", analyzer = ChineseAnalysis.BIGRAM)
    private String body;
    @FullTextField(analyzer = ChineseAnalysis.CHINESE, projectable = Projectable.YES)
    @FullTextField(name = "attachmentText_bigram", analyzer = ChineseAnalysis.BIGRAM)
    private String attachmentText;
    @GenericField(sortable = Sortable.YES)
    private LocalDate createdOn;
    @KeywordField(projectable = Projectable.YES)
    private String topic;
    /** The agency's sub-class ({@link TopicSubclass}), searched by id; its name is kept here for display. */
    @GenericField(projectable = Projectable.YES)
    private Long subtopicId;
    private String subtopicName;
    @KeywordField(projectable = Projectable.YES)
    private String genre;
    @FullTextField(analyzer = ChineseAnalysis.CHINESE)
    private String keywords;
    @GenericField(projectable = Projectable.YES, searchable = Searchable.NO)
    private String agencyName;
    @GenericField
    private Long departmentId;
    @GenericField(projectable = Projectable.YES, searchable = Searchable.NO)
    private String departmentName;
    @Enumerated(EnumType.STRING)
    @KeywordField
    private DisclosureAttribute attribute;
    private String channels;
    private String drafterName;
    private String reviewers;
    @Enumerated(EnumType.STRING)
    @KeywordField
    private EntryState state;
    @Enumerated(EnumType.STRING)
    @GenericField(projectable = Projectable.YES, searchable = Searchable.NO)
    private Validity validity;
    @GenericField(sortable = Sortable.YES, projectable = Projectable.YES)
    private Instant publishedAt;
    /** The year of publication, for browsing. */
    @GenericField
    private int publishedYear;
    private Instant stateChangedAt;
    private String stateReason;
    /** The 20th working day after formation, on the calendar of the first publication; null before 1990. */
    private LocalDate publishDueOn;
    /** Whether the first publication was within 20 working days of formation: fixed once published. */
    private Boolean publishedOnTime;
    /** An interpretation (政策解读): the catalog entry of the policy it explains, and its form. */
    private Long interpretsEntryId;
    private String interpretationForm;
    private String mediaUrl;

    protected CatalogEntry() {
    }

    /** The first publication: the 20-working-day result is worked out now and kept (a new version does not move it). */
    CatalogEntry(Publication p, TopicChoice topic, String indexNumber, Instant now, PublicationTimeliness timeliness) {
        this.agencyId = p.agencyId();
        this.itemId = p.itemId();
        this.indexNumber = indexNumber;
        this.publishDueOn = timeliness.dueOn();
        this.publishedOnTime = timeliness.onTime();
        apply(p, topic, now);
    }

    /** A new version (变更) replaces the published content; the index number stays. */
    void apply(Publication p, TopicChoice topic, Instant now) {
        this.version = p.version();
        this.title = p.title();
        this.documentNumber = p.documentNumber();
        this.summary = p.summary();
        this.body = p.body();
        this.attachmentText = String.join("\n", p.files().stream().map(f -> f.text() == null ? "" : f.text()).toList());
        this.createdOn = p.createdOn();
        this.topic = topic.topic();
        this.subtopicId = topic.subtopicId();
        this.subtopicName = topic.subtopicName();
        this.genre = p.genre();
        this.keywords = p.keywords();
        this.agencyName = p.agencyName();
        this.departmentId = p.departmentId();
        this.departmentName = p.departmentName();
        this.attribute = p.attribute();
        this.channels = p.channels();
        this.drafterName = p.drafterName();
        this.reviewers = p.reviewers();
        // 目录 四: only proactive information is public; on-request and exempt items are catalogued and filed.
        this.state = p.attribute() == DisclosureAttribute.PROACTIVE ? EntryState.PUBLISHED : EntryState.FILED;
        this.validity = Validity.VALID;
        this.publishedAt = now;
        this.publishedYear = now.atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        this.stateChangedAt = null;
        this.stateReason = null;
    }

    void withdraw(String reason, Instant now) {
        if (state != EntryState.PUBLISHED && state != EntryState.REPEALED) {
            throw new CatalogRuleViolation("catalog.error.notPublic");
        }
        state = EntryState.WITHDRAWN;
        validity = Validity.INVALID;
        stateChangedAt = now;
        stateReason = reason;
    }

    void repeal(String reason, Instant now) {
        if (state != EntryState.PUBLISHED) {
            throw new CatalogRuleViolation("catalog.error.notPublished");
        }
        state = EntryState.REPEALED;
        validity = Validity.REPEALED;
        stateChangedAt = now;
        stateReason = reason;
    }

    /** This entry explains the policy entry {@code policyEntryId} (三同步), in the given form. */
    void interprets(Long policyEntryId, String form, String mediaUrl) {
        this.interpretsEntryId = policyEntryId;
        this.interpretationForm = form;
        this.mediaUrl = mediaUrl;
    }

    /** An interpretation's recording, an http or https address (checked when it was drafted). */
    public String getMediaUrl() {
        return mediaUrl;
    }

    public Long getInterpretsEntryId() {
        return interpretsEntryId;
    }

    public String getInterpretationForm() {
        return interpretationForm;
    }

    /** Shown on the portal: published or repealed (repealed documents stay readable, marked 废止). */
    public boolean isPublic() {
        return state == EntryState.PUBLISHED || state == EntryState.REPEALED;
    }

    public Long getId() {
        return id;
    }

    /**
     * What the search index must agree with, as one string: the state, the published version and the moments of the
     * last publication and the last change of state. Stored in the index (projectable) so that the start-up check
     * ({@link SearchIndexSync#check()}) can tell a stale document from a current one without reading it whole.
     */
    @KeywordField(name = "indexStamp", projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = {@ObjectPath(@PropertyValue(propertyName = "state")),
            @ObjectPath(@PropertyValue(propertyName = "version")),
            @ObjectPath(@PropertyValue(propertyName = "publishedAt")),
            @ObjectPath(@PropertyValue(propertyName = "stateChangedAt"))})
    public String getIndexStamp() {
        return stamp(state, version, publishedAt, stateChangedAt);
    }

    static String stamp(EntryState state, int version, Instant publishedAt, Instant stateChangedAt) {
        return state + "|" + version + "|" + (publishedAt == null ? "" : publishedAt.toEpochMilli()) + "|"
                + (stateChangedAt == null ? "" : stateChangedAt.toEpochMilli());
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public Long getItemId() {
        return itemId;
    }

    public String getIndexNumber() {
        return indexNumber;
    }

    public int getVersion() {
        return version;
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

    public String getAttachmentText() {
        return attachmentText;
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

    public String getSubtopicName() {
        return subtopicName;
    }

    /** 主题分类 as shown: the class, or {@code class › sub-class}. */
    public String getTopicLabel() {
        return TopicChoice.label(topic, subtopicName);
    }

    public String getGenre() {
        return genre;
    }

    public String getKeywords() {
        return keywords;
    }

    public String getAgencyName() {
        return agencyName;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public String getDepartmentName() {
        return departmentName;
    }

    public DisclosureAttribute getAttribute() {
        return attribute;
    }

    public String getChannels() {
        return channels;
    }

    public String getDrafterName() {
        return drafterName;
    }

    public String getReviewers() {
        return reviewers;
    }

    public EntryState getState() {
        return state;
    }

    public int getPublishedYear() {
        return publishedYear;
    }

    public Validity getValidity() {
        return validity;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    /** The 20th working day after formation as it stood at the first publication (null before 1990). */
    public LocalDate getPublishDueOn() {
        return publishDueOn;
    }

    /**
     * Whether the first publication came within 20 working days of formation (主动公开制度 五), as it was worked out
     * then; null only for an entry published before the result was kept and not yet filled in.
     */
    public Boolean getPublishedOnTime() {
        return publishedOnTime;
    }

    public Instant getStateChangedAt() {
        return stateChangedAt;
    }

    public String getStateReason() {
        return stateReason;
    }

    public String getPublishedLabel() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd")
                .format(publishedAt.atZone(java.time.ZoneId.of("Asia/Shanghai")));
    }

    /**
     * The portal page's path: the index number as it is, any number of '/' included (an agency's pattern allows only
     * URL-safe characters, see {@link cn.gongkai.org.IndexNumberPattern}).
     */
    public String getPortalPath() {
        return "/portal/catalog/" + indexNumber;
    }
}
