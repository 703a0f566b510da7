package cn.gongkai.report;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKey;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 政府信息公开工作年度报告 of one agency for one year. Its figures are computed from the records and may be corrected
 * or supplied by hand (each such figure says who entered it); its sections 一, 五 and 六 are the office's text.
 * Regenerating replaces the computed figures and keeps the text and the hand-entered figures. The office submits it
 * only when table 三 balances and every figure the records cannot give has been entered; the leader approves or
 * returns it; the office publishes it, after which nothing changes.
 */
@Entity
@Table(name = "annual_report")
class AnnualReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    @Column(name = "\"year\"")
    private int year;
    @Enumerated(EnumType.STRING)
    private ReportStatus status;
    private String sectionOverview;
    private String sectionProblems;
    private String sectionOther;
    private int version;
    private Instant generatedAt;
    private String createdBy;
    private String submittedBy;
    private Instant submittedAt;
    private String decidedBy;
    private Instant decidedAt;
    private String returnReason;
    private String publishedBy;
    private Instant publishedAt;

    @OneToMany(fetch = FetchType.EAGER, cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "report_id", nullable = false)
    @MapKey(name = "cell")
    private Map<String, Figure> figures = new HashMap<>();

    protected AnnualReport() {
    }

    AnnualReport(Long agencyId, int year, String by, Instant now) {
        this.agencyId = agencyId;
        this.year = year;
        this.status = ReportStatus.DRAFT;
        this.sectionOverview = "";
        this.sectionProblems = "";
        this.sectionOther = "";
        this.createdBy = by;
        this.generatedAt = now;
    }

    /** New computed figures from the records; hand-entered figures and the text stay. */
    void regenerate(Map<String, BigDecimal> computed, Instant now) {
        requireDraft();
        for (String cell : ReportTables.CELLS) {
            figures.computeIfAbsent(cell, c -> new Figure(c, null)).compute(computed.get(cell));
        }
        this.generatedAt = now;
    }

    void edit(String overview, String problems, String other) {
        requireDraft();
        this.sectionOverview = clean(overview);
        this.sectionProblems = clean(problems);
        this.sectionOther = clean(other);
    }

    /** A figure entered by hand; {@code null} goes back to the computed figure. */
    void enter(String cell, BigDecimal value, String by, Instant now) {
        requireDraft();
        if (!ReportTables.CELLS.contains(cell)) {
            throw new ReportRuleViolation("report.error.unknownCell", "cell");
        }
        if (value != null && (value.signum() < 0 || !ReportTables.isMoney(cell) && value.stripTrailingZeros().scale() > 0)) {
            throw new ReportRuleViolation(ReportTables.isMoney(cell) ? "report.error.amount" : "report.error.count",
                    "cell");
        }
        figures.computeIfAbsent(cell, c -> new Figure(c, null)).enter(value, by, now);
    }

    BigDecimal value(String cell) {
        Figure f = figures.get(cell);
        return f == null ? null : f.value();
    }

    Figure figure(String cell) {
        return figures.get(cell);
    }

    List<ReportTables.Mismatch> check() {
        return ReportTables.check(this::value);
    }

    /** Cells that only a hand entry can fill and that are still empty. */
    List<String> missing() {
        return ReportTables.HAND_ONLY.stream().filter(c -> value(c) == null).toList();
    }

    void submit(String by, Instant now) {
        requireDraft();
        if (!check().isEmpty()) {
            throw new ReportRuleViolation("report.error.unbalanced", null);
        }
        if (!missing().isEmpty()) {
            throw new ReportRuleViolation("report.error.missing", missing().getFirst());
        }
        this.status = ReportStatus.SUBMITTED;
        this.submittedBy = by;
        this.submittedAt = now;
        this.returnReason = null;
    }

    void approve(String leader, Instant now) {
        require(ReportStatus.SUBMITTED);
        this.status = ReportStatus.APPROVED;
        this.decidedBy = leader;
        this.decidedAt = now;
    }

    void sendBack(String leader, String reason, Instant now) {
        require(ReportStatus.SUBMITTED);
        if (reason == null || reason.isBlank()) {
            throw new ReportRuleViolation("report.error.reasonRequired", "reason");
        }
        this.status = ReportStatus.DRAFT;
        this.decidedBy = leader;
        this.decidedAt = now;
        this.returnReason = reason.strip();
    }

    void publish(String by, Instant now) {
        require(ReportStatus.APPROVED);
        this.status = ReportStatus.PUBLISHED;
        this.publishedBy = by;
        this.publishedAt = now;
    }

    int nextVersion() {
        return ++version;
    }

    private void requireDraft() {
        require(ReportStatus.DRAFT);
    }

    private void require(ReportStatus expected) {
        if (status != expected) {
            throw new ReportRuleViolation("report.error.state." + status, null);
        }
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip().replace("\r\n", "\n");
    }

    public Long getId() { return id; }
    public Long getAgencyId() { return agencyId; }
    public int getYear() { return year; }
    public ReportStatus getStatus() { return status; }
    public String getSectionOverview() { return sectionOverview; }
    public String getSectionProblems() { return sectionProblems; }
    public String getSectionOther() { return sectionOther; }
    public int getVersion() { return version; }
    public Instant getGeneratedAt() { return generatedAt; }
    public String getSubmittedBy() { return submittedBy; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getReturnReason() { return returnReason; }
    public String getPublishedBy() { return publishedBy; }
    public Instant getPublishedAt() { return publishedAt; }

    /** When the figures were last generated, in China time. */
    public String getGeneratedLabel() {
        return ReportTimes.minute(generatedAt);
    }

    /** The day it was published, in China time. */
    public String getPublishedLabel() {
        return publishedAt == null ? null : ReportTimes.day(publishedAt);
    }
}
