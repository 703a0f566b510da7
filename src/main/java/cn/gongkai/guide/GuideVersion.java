package cn.gongkai.guide;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of an agency's 政府信息公开指南, and its way from draft through the leader's approval to the portal. */
@Entity
@Table(name = "guide_version")
public class GuideVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private int version;
    @Enumerated(EnumType.STRING)
    private GuideStatus status;
    private String proactiveScope;
    private String proactiveChannels;
    private String proactiveTimeLimits;
    private String requestHow;
    private String requestForms;
    private String requestReceipt;
    private String requestTimeLimits;
    private String requestFees;
    private String officeAddress;
    private String officeHours;
    private String officeTelephone;
    private String officeFax;
    private String officeEmail;
    private String officePostcode;
    private String remedies;
    private String draftedBy;
    private Instant updatedAt;
    private Instant submittedAt;
    private String decidedBy;
    private Instant decidedAt;
    private String leaderOpinion;
    private Instant publishedAt;

    protected GuideVersion() {
    }

    GuideVersion(Long agencyId, int version, GuideContent content, String by, Instant now) {
        this.agencyId = agencyId;
        this.version = version;
        this.status = GuideStatus.DRAFT;
        this.draftedBy = by;
        apply(content, now);
    }

    void edit(GuideContent content, Instant now) {
        require(GuideStatus.DRAFT);
        apply(content, now);
    }

    private void apply(GuideContent c, Instant now) {
        proactiveScope = c.proactiveScope();
        proactiveChannels = c.proactiveChannels();
        proactiveTimeLimits = c.proactiveTimeLimits();
        requestHow = c.requestHow();
        requestForms = c.requestForms();
        requestReceipt = c.requestReceipt();
        requestTimeLimits = c.requestTimeLimits();
        requestFees = c.requestFees();
        officeAddress = c.officeAddress();
        officeHours = c.officeHours();
        officeTelephone = c.officeTelephone();
        officeFax = c.officeFax();
        officeEmail = c.officeEmail();
        officePostcode = c.officePostcode();
        remedies = c.remedies();
        updatedAt = now;
    }

    void submit(Instant now) {
        require(GuideStatus.DRAFT);
        status = GuideStatus.SUBMITTED;
        submittedAt = now;
        decidedBy = null;
        decidedAt = null;
        leaderOpinion = null;
    }

    void decide(boolean approve, String by, String opinion, Instant now) {
        require(GuideStatus.SUBMITTED);
        status = approve ? GuideStatus.APPROVED : GuideStatus.DRAFT;
        decidedBy = by;
        decidedAt = now;
        leaderOpinion = opinion;
    }

    void publish(Instant now) {
        require(GuideStatus.APPROVED);
        status = GuideStatus.PUBLISHED;
        publishedAt = now;
        updatedAt = now;
    }

    private void require(GuideStatus expected) {
        if (status != expected) {
            throw new GuideRuleViolation(expected == GuideStatus.APPROVED ? "guide.error.notApproved"
                    : "guide.error.notInState." + expected.name());
        }
    }

    public GuideContent content() {
        return new GuideContent(proactiveScope, proactiveChannels, proactiveTimeLimits, requestHow, requestForms,
                requestReceipt, requestTimeLimits, requestFees, officeAddress, officeHours, officeTelephone, officeFax,
                officeEmail, officePostcode, remedies);
    }

    public Long getId() {
        return id;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public int getVersion() {
        return version;
    }

    public GuideStatus getStatus() {
        return status;
    }

    public String getDraftedBy() {
        return draftedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getLeaderOpinion() {
        return leaderOpinion;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    /** 2026年1月5日: the day of publication, China time. */
    public String getPublishedLabel() {
        if (publishedAt == null) {
            return "";
        }
        java.time.LocalDate d = publishedAt.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
