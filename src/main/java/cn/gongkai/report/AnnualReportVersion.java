package cn.gongkai.report;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A saved state of a report: its texts and every figure as shown then, one {@code cell=value} line each, with
 * {@code *who} after a hand-entered figure. Kept for good; later changes never alter it.
 */
@Entity
@Table(name = "annual_report_version")
class AnnualReportVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long reportId;
    private int version;
    @Enumerated(EnumType.STRING)
    private ReportStatus status;
    private String action;
    private String savedBy;
    private Instant savedAt;
    private String sectionOverview;
    private String sectionProblems;
    private String sectionOther;
    private String figures;

    protected AnnualReportVersion() {
    }

    AnnualReportVersion(AnnualReport report, String action, String by, Instant now) {
        this.reportId = report.getId();
        this.version = report.nextVersion();
        this.status = report.getStatus();
        this.action = action;
        this.savedBy = by;
        this.savedAt = now;
        this.sectionOverview = report.getSectionOverview();
        this.sectionProblems = report.getSectionProblems();
        this.sectionOther = report.getSectionOther();
        StringBuilder lines = new StringBuilder();
        for (String cell : ReportTables.CELLS) {
            Figure f = report.figure(cell);
            BigDecimal v = f == null ? null : f.value();
            lines.append(cell).append('=').append(v == null ? "" : v.toPlainString());
            if (f != null && f.isManual()) {
                lines.append(" *").append(f.getEnteredBy());
            }
            lines.append('\n');
        }
        this.figures = lines.toString();
    }

    /** The figures as saved: cell → value (null when empty). */
    Map<String, BigDecimal> values() {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (String line : figures.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String rest = line.substring(eq + 1);
            int mark = rest.indexOf(" *");
            String number = mark < 0 ? rest : rest.substring(0, mark);
            values.put(line.substring(0, eq), number.isEmpty() ? null : new BigDecimal(number));
        }
        return values;
    }

    public Long getId() { return id; }
    public int getVersion() { return version; }
    public ReportStatus getStatus() { return status; }
    public String getAction() { return action; }
    public String getSavedBy() { return savedBy; }
    public Instant getSavedAt() { return savedAt; }
    public String getSectionOverview() { return sectionOverview; }
    public String getSectionProblems() { return sectionProblems; }
    public String getSectionOther() { return sectionOther; }
    public String getFigures() { return figures; }

    public String getSavedLabel() {
        return ReportTimes.minute(savedAt);
    }
}
