package cn.gongkai.opinion;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One public-opinion event (政务舆情) from the moment staff find it to its closure: triage (level, responsible
 * department, analysis, plan), the report to the leaders, responses, closure with a summary. It owns its lifecycle:
 * a closed event takes no further step.
 */
@Entity
@Table(name = "opinion_event")
public class OpinionEvent {

    public enum Status {
        /** Recorded, not yet triaged. */
        OPEN,
        /** Level, department and plan settled. */
        TRIAGED,
        /** At least one response out. */
        RESPONDING,
        CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    @Enumerated(EnumType.STRING)
    private OpinionSource source;
    private String url;
    private String content;
    private Instant foundAt;
    private Instant recordedAt;
    private String recordedBy;
    private Long recorderDepartmentId;
    @Enumerated(EnumType.STRING)
    private RiskLevel level;
    private Long departmentId;
    private String analysis;
    private String plan;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant triagedAt;
    private String triagedBy;
    private Instant reportedAt;
    private String reportedBy;
    private String reportText;
    private String summary;
    private Instant closedAt;
    private String closedBy;

    protected OpinionEvent() {
    }

    OpinionEvent(Long agencyId, OpinionSource source, String url, String content, Instant foundAt, RiskLevel level,
            Long departmentId, String by, Long byDepartment, Instant now) {
        this.agencyId = agencyId;
        this.source = source;
        this.url = url;
        this.content = content;
        this.foundAt = foundAt;
        this.level = level;
        this.departmentId = departmentId;
        this.recordedBy = by;
        this.recorderDepartmentId = byDepartment;
        this.recordedAt = now;
        this.status = Status.OPEN;
    }

    void triage(RiskLevel level, Long departmentId, String analysis, String plan, String by, Instant now) {
        open();
        this.level = level;
        this.departmentId = departmentId;
        this.analysis = analysis;
        this.plan = plan;
        this.triagedAt = now;
        this.triagedBy = by;
        if (status == Status.OPEN) {
            status = Status.TRIAGED;
        }
    }

    void report(String text, String by, Instant now) {
        open();
        if (reportedAt != null) {
            throw new OpinionRuleViolation("opinion.error.alreadyReported");
        }
        this.reportText = text;
        this.reportedBy = by;
        this.reportedAt = now;
    }

    void responded() {
        open();
        status = Status.RESPONDING;
    }

    void close(String summary, String by, Instant now) {
        open();
        this.summary = summary;
        this.closedBy = by;
        this.closedAt = now;
        this.status = Status.CLOSED;
    }

    private void open() {
        if (status == Status.CLOSED) {
            throw new OpinionRuleViolation("opinion.error.closed");
        }
    }

    /** The department that owns the response (谁主管谁发声), or the recorder's until triage names one. */
    Long owningDepartment() {
        return departmentId != null ? departmentId : recorderDepartmentId;
    }

    public Long getId() {
        return id;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public OpinionSource getSource() {
        return source;
    }

    public String getUrl() {
        return url;
    }

    public String getContent() {
        return content;
    }

    public Instant getFoundAt() {
        return foundAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Long getRecorderDepartmentId() {
        return recorderDepartmentId;
    }

    public RiskLevel getLevel() {
        return level;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public String getAnalysis() {
        return analysis;
    }

    public String getPlan() {
        return plan;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getTriagedAt() {
        return triagedAt;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public String getReportedBy() {
        return reportedBy;
    }

    public String getReportText() {
        return reportText;
    }

    public String getSummary() {
        return summary;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }
}
