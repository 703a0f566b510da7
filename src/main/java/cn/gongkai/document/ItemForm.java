package cn.gongkai.document;

import cn.gongkai.catalog.DisclosureAttribute;
import cn.gongkai.catalog.TopicChoice;
import cn.gongkai.platform.TextRules;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The drafting form: content plus self-review (同步自审). Kept as typed when refused. Every text has a maximum length
 * (the column's, or {@link #MAX_BODY} for the body) and refuses control characters, naming the field: NUL and the
 * other C0/C1 controls are refused rather than stripped, so that what is stored is what the drafter saw; tabs and
 * line breaks stay allowed in the summary and the body.
 */
class ItemForm {

    /** The longest body accepted, in characters. */
    static final int MAX_BODY = 200_000;
    /** No control character at all (single-line fields). */
    static final String ONE_LINE = TextRules.ONE_LINE;
    /** Tabs and line breaks allowed, no other control character. */
    static final String MULTI_LINE = TextRules.MULTI_LINE;
    /** 生成日期 earlier than this is a typing slip, not a document this platform publishes. */
    static final LocalDate EARLIEST_CREATED_ON = LocalDate.of(2000, 1, 1);

    @NotBlank(message = "{document.form.title.required}")
    @Size(max = 300, message = "{document.form.title.size}")
    @Pattern(regexp = ONE_LINE, message = "{document.form.title.control}")
    private String title = "";
    @Size(max = 100, message = "{document.form.documentNumber.size}")
    @Pattern(regexp = ONE_LINE, message = "{document.form.documentNumber.control}")
    private String documentNumber = "";
    @NotBlank(message = "{document.form.summary.required}")
    @Size(max = 2000, message = "{document.form.summary.size}")
    @Pattern(regexp = MULTI_LINE, message = "{document.form.summary.control}")
    private String summary = "";
    @NotBlank(message = "{document.form.body.required}")
    @Size(max = MAX_BODY, message = "{document.form.body.size}")
    @Pattern(regexp = MULTI_LINE, message = "{document.form.body.control}")
    private String body = "";
    @NotNull(message = "{document.form.createdOn.required}")
    @PastOrPresent(message = "{document.form.createdOn.future}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate createdOn;
    /** 主题分类 as its label: a class, or {@code class › sub-class} (resolved with {@code catalog.Topics}). */
    @NotBlank(message = "{document.form.topic.required}")
    @Size(max = 200, message = "{document.form.topic.size}")
    @Pattern(regexp = ONE_LINE, message = "{document.form.topic.control}")
    private String topic = "";
    @NotBlank(message = "{document.form.genre.required}")
    @Size(max = 32, message = "{document.form.genre.size}")
    @Pattern(regexp = ONE_LINE, message = "{document.form.genre.control}")
    private String genre = "";
    @Size(max = 300, message = "{document.form.keywords.size}")
    @Pattern(regexp = ONE_LINE, message = "{document.form.keywords.control}")
    private String keywords = "";
    @NotNull(message = "{document.form.attribute.required}")
    private DisclosureAttribute attribute = DisclosureAttribute.PROACTIVE;
    @Size(max = 500, message = "{document.form.attributeBasis.size}")
    @Pattern(regexp = ONE_LINE, message = "{document.form.attributeBasis.control}")
    private String attributeBasis = "";
    @Size(max = 200, message = "{document.form.scope.size}")
    @Pattern(regexp = ONE_LINE, message = "{document.form.scope.control}")
    private String scope = "";
    @NotEmpty(message = "{document.form.channels.required}")
    private Set<Channel> channels = EnumSet.of(Channel.WEBSITE);
    @NotNull(message = "{document.form.secrecyLevel.required}")
    private SecrecyLevel secrecyLevel = SecrecyLevel.NONE;
    @Size(max = 50, message = "{document.form.secrecyTerm.size}")
    @Pattern(regexp = ONE_LINE, message = "{document.form.secrecyTerm.control}")
    private String secrecyTerm = "";
    private boolean thirdPartyInvolved;
    private boolean otherAgenciesInvolved;
    @Size(max = 300, message = "{document.form.otherAgencies.size}")
    @Pattern(regexp = ONE_LINE, message = "{document.form.otherAgencies.control}")
    private String otherAgencies = "";
    private Set<Long> coProducers = new LinkedHashSet<>();
    /** 重要政策 (三同步 三): needs an interpretation plan whatever its genre. */
    private boolean importantPolicy;
    /** An interpretation material: the policy item it explains (its genre is then 政策解读) and its form. */
    private Long interprets;
    private cn.gongkai.interpretation.InterpretationForm interpretationForm;
    /** An interpretation's recording (音视频, 在线访谈): an http or https address, nothing else. */
    @Size(max = 500, message = "{document.form.mediaUrl.size}")
    @Pattern(regexp = "|https?://[^\\s<>\"']+", message = "{document.form.mediaUrl.pattern}")
    private String mediaUrl = "";

    /** 政府信息公开条例 第十四、十五、十六条: a non-proactive attribute states its legal basis. */
    @AssertTrue(message = "{document.form.attributeBasis.required}")
    public boolean isAttributeBasisGivenWhenNotProactive() {
        return attribute == null || attribute == DisclosureAttribute.PROACTIVE
                || (attributeBasis != null && !attributeBasis.isBlank());
    }

    @AssertTrue(message = "{document.form.secrecyTerm.required}")
    public boolean isSecrecyTermGivenWhenMarked() {
        return secrecyLevel == null || secrecyLevel == SecrecyLevel.NONE
                || (secrecyTerm != null && !secrecyTerm.isBlank());
    }

    @AssertTrue(message = "{document.form.otherAgencies.required}")
    public boolean isOtherAgenciesNamedWhenInvolved() {
        return !otherAgenciesInvolved || (otherAgencies != null && !otherAgencies.isBlank());
    }

    /**
     * The checks that need more than the form: the formation date is not before {@link #EARLIEST_CREATED_ON}, and
     * every co-producer is a department of the agency. {@code reject} receives the field and the message key.
     */
    void checkAgainst(Set<Long> departments, BiConsumer<String, String> reject) {
        if (createdOn != null && createdOn.isBefore(EARLIEST_CREATED_ON)) {
            reject.accept("createdOn", "document.form.createdOn.range");
        }
        if (coProducers.stream().anyMatch(d -> d == null || !departments.contains(d))) {
            reject.accept("coProducers", "document.form.coProducers.unknown");
        }
    }

    /** The draft, filed under the topic this form's label was resolved to. */
    Draft toDraft(TopicChoice topicChoice) {
        return new Draft(title, documentNumber, summary, body, createdOn, topicChoice.topic(),
                topicChoice.subtopicId(), interprets != null ? cn.gongkai.interpretation.Interpretations.GENRE : genre,
                keywords, attribute, attributeBasis, scope, channels, secrecyLevel, secrecyTerm, thirdPartyInvolved,
                otherAgenciesInvolved, otherAgencies, coProducers, importantPolicy && interprets == null, interprets,
                interprets == null ? null : interpretationForm, interprets == null ? null : mediaUrl);
    }

    static ItemForm of(Draft d, String topicLabel) {
        ItemForm f = new ItemForm();
        f.title = d.title();
        f.documentNumber = nz(d.documentNumber());
        f.summary = d.summary();
        f.body = d.body();
        f.createdOn = d.createdOn();
        f.topic = topicLabel;
        f.genre = d.genre();
        f.keywords = nz(d.keywords());
        f.attribute = d.attribute();
        f.attributeBasis = nz(d.attributeBasis());
        f.scope = nz(d.scope());
        f.channels = d.channels().isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(d.channels());
        f.secrecyLevel = d.secrecyLevel();
        f.secrecyTerm = nz(d.secrecyTerm());
        f.thirdPartyInvolved = d.thirdPartyInvolved();
        f.otherAgenciesInvolved = d.otherAgenciesInvolved();
        f.otherAgencies = nz(d.otherAgencies());
        f.coProducers = new LinkedHashSet<>(d.coProducers());
        f.importantPolicy = d.importantPolicy();
        f.interprets = d.interpretsItemId();
        f.interpretationForm = d.interpretationForm();
        f.mediaUrl = nz(d.mediaUrl());
        return f;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // getters and setters for form binding

    public String getTitle() { return title; }
    public void setTitle(String v) { title = v == null ? "" : v.trim(); }
    public String getDocumentNumber() { return documentNumber; }
    public void setDocumentNumber(String v) { documentNumber = v == null ? "" : v.trim(); }
    public String getSummary() { return summary; }
    public void setSummary(String v) { summary = v == null ? "" : v.trim(); }
    public String getBody() { return body; }
    public void setBody(String v) { body = v == null ? "" : v; }
    public LocalDate getCreatedOn() { return createdOn; }
    public void setCreatedOn(LocalDate v) { createdOn = v; }
    public String getTopic() { return topic; }
    public void setTopic(String v) { topic = v == null ? "" : v; }
    public String getGenre() { return genre; }
    public void setGenre(String v) { genre = v == null ? "" : v; }
    public String getKeywords() { return keywords; }
    public void setKeywords(String v) { keywords = v == null ? "" : v.trim(); }
    public DisclosureAttribute getAttribute() { return attribute; }
    public void setAttribute(DisclosureAttribute v) { attribute = v; }
    public String getAttributeBasis() { return attributeBasis; }
    public void setAttributeBasis(String v) { attributeBasis = v == null ? "" : v.trim(); }
    public String getScope() { return scope; }
    public void setScope(String v) { scope = v == null ? "" : v.trim(); }
    public Set<Channel> getChannels() { return channels; }
    public void setChannels(Set<Channel> v) { channels = v == null ? EnumSet.noneOf(Channel.class) : v; }
    public SecrecyLevel getSecrecyLevel() { return secrecyLevel; }
    public void setSecrecyLevel(SecrecyLevel v) { secrecyLevel = v; }
    public String getSecrecyTerm() { return secrecyTerm; }
    public void setSecrecyTerm(String v) { secrecyTerm = v == null ? "" : v.trim(); }
    public boolean isThirdPartyInvolved() { return thirdPartyInvolved; }
    public void setThirdPartyInvolved(boolean v) { thirdPartyInvolved = v; }
    public boolean isOtherAgenciesInvolved() { return otherAgenciesInvolved; }
    public void setOtherAgenciesInvolved(boolean v) { otherAgenciesInvolved = v; }
    public String getOtherAgencies() { return otherAgencies; }
    public void setOtherAgencies(String v) { otherAgencies = v == null ? "" : v.trim(); }
    public Set<Long> getCoProducers() { return coProducers; }
    public void setCoProducers(Set<Long> v) { coProducers = v == null ? new LinkedHashSet<>() : v; }
    public String getMediaUrl() { return mediaUrl; }
    public void setMediaUrl(String v) { mediaUrl = v == null ? "" : v.strip(); }
    public boolean isImportantPolicy() { return importantPolicy; }
    public void setImportantPolicy(boolean v) { importantPolicy = v; }
    public Long getInterprets() { return interprets; }
    public void setInterprets(Long v) { interprets = v; }
    public cn.gongkai.interpretation.InterpretationForm getInterpretationForm() { return interpretationForm; }
    public void setInterpretationForm(cn.gongkai.interpretation.InterpretationForm v) { interpretationForm = v; }

    /** An interpretation material names its form (三同步 四). */
    @AssertTrue(message = "{document.form.interpretationForm.required}")
    public boolean isInterpretationFormGivenForInterpretation() {
        return interprets == null || interpretationForm != null;
    }
}
