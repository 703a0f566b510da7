package cn.gongkai.report;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.catalog.CatalogYearFigures;
import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.request.RequestYearFigures;
import cn.gongkai.worklist.Deadline;
import cn.gongkai.worklist.WorkItemDone;
import cn.gongkai.worklist.WorkItemRequested;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's annual-report desk: generate the report for a year from the records, edit its text, enter the figures
 * the records cannot give, submit it to the leader, publish it once approved. Every step is audited and moves the
 * work items: the office's deadline (31 January or 31 March of the next year by agency kind, Regulations Art. 49)
 * stays open until the report is published; a submitted report waits in the leaders' list.
 */
@Service
public class AnnualReportDesk {

    static final String SUBJECT = "ANNUAL_REPORT";
    static final String DEADLINE = "ANNUAL_REPORT_DEADLINE";
    static final String APPROVAL = "ANNUAL_REPORT_APPROVAL";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AnnualReports reports;
    private final AnnualReportVersions versions;
    private final RequestYearFigures requestFigures;
    private final CatalogYearFigures catalogFigures;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final Map<String, MonthDay> deadlines;

    AnnualReportDesk(AnnualReports reports, AnnualReportVersions versions, RequestYearFigures requestFigures,
            CatalogYearFigures catalogFigures, OrgDirectory org, AuditTrail audit, ApplicationEventPublisher publisher,
            Clock clock,
            @Value("${gongkai.report.deadlines:AGENCY=01-31,DISCLOSURE_AUTHORITY=03-31,SECRECY_BUREAU=01-31}")
            String deadlines) {
        this.reports = reports;
        this.versions = versions;
        this.requestFigures = requestFigures;
        this.catalogFigures = catalogFigures;
        this.org = org;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
        this.deadlines = parse(deadlines);
    }

    static Map<String, MonthDay> parse(String spec) {
        Map<String, MonthDay> map = new HashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.strip().split("=");
            if (kv.length != 2) {
                throw new IllegalStateException("gongkai.report.deadlines: expected KIND=MM-DD, got '" + part + "'");
            }
            map.put(kv[0].strip(), MonthDay.parse("--" + kv[1].strip()));
        }
        return map;
    }

    /** The day by which the agency's report for the year must be out (the next year's 31 January or 31 March). */
    public LocalDate deadline(Agency agency, int year) {
        MonthDay day = deadlines.getOrDefault(agency.getKind().name(), MonthDay.of(1, 31));
        return day.atYear(year + 1);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<AnnualReport> reports(Long agencyId) {
        return reports.findByAgencyIdOrderByYearDesc(agencyId);
    }

    @Transactional(readOnly = true)
    AnnualReport get(StaffPrincipal me, Long id) {
        return reports.findByIdAndAgencyId(id, me.agencyId()).orElseThrow(ReportNotFound::new);
    }

    @Transactional(readOnly = true)
    List<AnnualReport> published(Long agencyId) {
        return reports.findByAgencyIdAndStatusOrderByYearDesc(agencyId, ReportStatus.PUBLISHED);
    }

    /** The year of the agency's latest published report, for the portal home; empty before the first one. */
    @Transactional(readOnly = true)
    public java.util.OptionalInt latestPublishedYear(Long agencyId) {
        return published(agencyId).stream().mapToInt(AnnualReport::getYear).findFirst();
    }

    @Transactional(readOnly = true)
    Optional<AnnualReport> published(Long agencyId, int year) {
        return reports.findByAgencyIdAndYear(agencyId, year).filter(r -> r.getStatus() == ReportStatus.PUBLISHED);
    }

    @Transactional(readOnly = true)
    List<AnnualReportVersion> versions(Long reportId) {
        return versions.findByReportIdOrderByVersionDesc(reportId);
    }

    @Transactional(readOnly = true)
    Optional<AnnualReportVersion> version(Long reportId, int version) {
        return versions.findByReportIdAndVersion(reportId, version);
    }

    /** Facts the records know about the year, offered for insertion into section 一. */
    @Transactional(readOnly = true)
    CatalogYearFigures.YearFacts facts(Long agencyId, int year) {
        return catalogFigures.facts(agencyId, year);
    }

    // ---- the office's steps -----------------------------------------------------------------------------------

    /** Creates the year's report, or regenerates a draft's figures from the records (text and hand entries kept). */
    @Transactional
    public AnnualReport generate(StaffPrincipal me, int year) {
        requireRole(me, Role.OFFICE);
        int current = today().getYear();
        if (year < 2008 || year > current) {
            throw new ReportRuleViolation("report.error.year", "year");
        }
        Optional<AnnualReport> existing = reports.findByAgencyIdAndYear(me.agencyId(), year);
        AnnualReport report = existing.orElseGet(() -> reports.save(new AnnualReport(me.agencyId(), year,
                me.getUsername(), now())));
        report.regenerate(computed(me.agencyId(), year), now());
        saveVersion(report, existing.isPresent() ? "REGENERATED" : "GENERATED", me);
        audit.record(AuditRecord.of(me.agencyId(), existing.isPresent() ? "REPORT_REGENERATED" : "REPORT_GENERATED",
                SUBJECT, year, null));
        openDeadline(report);
        return report;
    }

    /** The figures the records give for the year, by cell. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> computed(Long agencyId, int year) {
        Map<String, BigDecimal> cells = new HashMap<>();
        catalogFigures.disclosures(agencyId, year).forEach((k, v) -> cells.put("t2." + k, BigDecimal.valueOf(v)));
        requestFigures.applications(agencyId, year).forEach((row, columns) -> columns
                .forEach((column, n) -> cells.put(ReportTables.t3(row, column), BigDecimal.valueOf(n))));
        requestFigures.challenges(agencyId, year).forEach((k, v) -> cells.put("t4." + k, BigDecimal.valueOf(v)));
        return cells;
    }

    @Transactional
    public AnnualReport edit(StaffPrincipal me, Long id, String overview, String problems, String other) {
        requireRole(me, Role.OFFICE);
        AnnualReport report = get(me, id);
        report.edit(overview, problems, other);
        saveVersion(report, "EDITED", me);
        audit.record(AuditRecord.of(me.agencyId(), "REPORT_EDITED", SUBJECT, report.getYear(), null));
        return report;
    }

    /** Enters a figure by hand (blank returns the cell to its computed figure). */
    @Transactional
    public AnnualReport enter(StaffPrincipal me, Long id, String cell, String value) {
        requireRole(me, Role.OFFICE);
        AnnualReport report = get(me, id);
        BigDecimal number = null;
        if (value != null && !value.isBlank()) {
            try {
                number = new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                throw new ReportRuleViolation(ReportTables.isMoney(cell) ? "report.error.amount"
                        : "report.error.count", "cell");
            }
        }
        BigDecimal before = report.value(cell);
        report.enter(cell, number, me.getUsername(), now());
        saveVersion(report, "FIGURE_ENTERED", me);
        audit.record(AuditRecord.of(me.agencyId(), "REPORT_FIGURE_ENTERED", SUBJECT, report.getYear(), cell)
                .withChange(before == null ? null : before.toPlainString(),
                        number == null ? null : number.toPlainString()));
        return report;
    }

    @Transactional
    public AnnualReport submit(StaffPrincipal me, Long id) {
        requireRole(me, Role.OFFICE);
        AnnualReport report = get(me, id);
        report.submit(me.getUsername(), now());
        saveVersion(report, "SUBMITTED", me);
        audit.record(AuditRecord.of(me.agencyId(), "REPORT_SUBMITTED", SUBJECT, report.getYear(), null));
        Agency agency = org.agency(me.agencyId()).orElseThrow();
        publisher.publishEvent(new WorkItemRequested(me.agencyId(), SUBJECT, report.getId().toString(), APPROVAL,
                "审批" + report.getYear() + "年度政府信息公开工作年度报告", "/workbench/reports/" + report.getId(), null,
                Role.LEADER.name(), null, Deadline.fixedDate(deadline(agency, report.getYear()))));
        return report;
    }

    @Transactional
    public AnnualReport decide(StaffPrincipal me, Long id, boolean approve, String reason) {
        requireRole(me, Role.LEADER);
        AnnualReport report = get(me, id);
        if (approve) {
            report.approve(me.getUsername(), now());
        } else {
            report.sendBack(me.getUsername(), reason, now());
        }
        saveVersion(report, approve ? "APPROVED" : "RETURNED", me);
        audit.record(AuditRecord.of(me.agencyId(), approve ? "REPORT_APPROVED" : "REPORT_RETURNED", SUBJECT,
                report.getYear(), reason));
        publisher.publishEvent(new WorkItemDone(SUBJECT, report.getId().toString(), APPROVAL));
        return report;
    }

    @Transactional
    public AnnualReport publish(StaffPrincipal me, Long id) {
        requireRole(me, Role.OFFICE);
        AnnualReport report = get(me, id);
        report.publish(me.getUsername(), now());
        saveVersion(report, "PUBLISHED", me);
        audit.record(AuditRecord.of(me.agencyId(), "REPORT_PUBLISHED", SUBJECT, report.getYear(), null));
        publisher.publishEvent(new WorkItemDone(SUBJECT, deadlineSubject(report.getAgencyId(), report.getYear()),
                DEADLINE));
        return report;
    }

    // ---- the deadline ---------------------------------------------------------------------------------------------

    /**
     * Opens the office's work item for last year's report unless it is published (run daily and at start-up, so the
     * item appears on 1 January and turns red when the day passes).
     */
    @Transactional
    public void openDeadlines() {
        int year = today().getYear() - 1;
        for (Agency agency : org.agencies()) {
            if (agency.getKind() == cn.gongkai.org.AgencyKind.SECRECY_BUREAU) {
                continue;
            }
            boolean done = reports.findByAgencyIdAndYear(agency.getId(), year)
                    .filter(r -> r.getStatus() == ReportStatus.PUBLISHED).isPresent();
            if (!done) {
                open(agency, year);
            }
        }
    }

    private void openDeadline(AnnualReport report) {
        if (report.getYear() < today().getYear()) {
            org.agency(report.getAgencyId()).ifPresent(a -> open(a, report.getYear()));
        }
    }

    private void open(Agency agency, int year) {
        publisher.publishEvent(new WorkItemRequested(agency.getId(), SUBJECT, deadlineSubject(agency.getId(), year),
                DEADLINE, "编制并公开" + year + "年度政府信息公开工作年度报告", "/workbench/reports", null,
                Role.OFFICE.name(), null, Deadline.fixedDate(deadline(agency, year)), List.of(10, 5, 1)));
    }

    static String deadlineSubject(Long agencyId, int year) {
        return agencyId + "-" + year;
    }

    private void saveVersion(AnnualReport report, String action, StaffPrincipal me) {
        versions.save(new AnnualReportVersion(report, action, me.getUsername(), now()));
    }

    private static void requireRole(StaffPrincipal me, Role role) {
        if (!me.has(role)) {
            throw new org.springframework.security.access.AccessDeniedException(role.name());
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** A report that does not exist in the user's agency. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    static class ReportNotFound extends RuntimeException {
    }
}
