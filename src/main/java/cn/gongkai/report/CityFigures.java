package cn.gongkai.report;

import cn.gongkai.org.Agency;
import cn.gongkai.org.AgencyKind;
import cn.gongkai.org.OrgDirectory;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 全市情况: what the city's disclosure authority (政务公开主管部门) reads of the agencies that answer to it, and of
 * itself. Each agency's row adds up its own dashboard ({@link DashboardFigures}): publications and how many in time,
 * replies and how many on time, open and overdue work, and whether its annual report for last year is out. Read-only.
 */
@Service
class CityFigures {

    private final DashboardFigures figures;
    private final OrgDirectory org;
    private final AnnualReports reports;

    CityFigures(DashboardFigures figures, OrgDirectory org, AnnualReports reports) {
        this.figures = figures;
        this.org = org;
        this.reports = reports;
    }

    /** One agency's figures for the period; {@code report} is last year's annual report, when one was begun. */
    record AgencyRow(Agency agency, long published, long publishedInTime, long replied, long repliedOnTime,
            long openWork, long overdueWork, int reportYear, Optional<AnnualReport> report) {

        public Double publicationRate() {
            return published == 0 ? null : (double) publishedInTime / published;
        }

        public Double replyRate() {
            return replied == 0 ? null : (double) repliedOnTime / replied;
        }

        public boolean reportOut() {
            return report.map(r -> r.getStatus() == ReportStatus.PUBLISHED).orElse(false);
        }
    }

    /** Whether the agency is a disclosure authority, the only kind that reads the city's figures. */
    boolean isAuthority(Long agencyId) {
        return org.agency(agencyId).map(a -> a.getKind() == AgencyKind.DISCLOSURE_AUTHORITY).orElse(false);
    }

    /** The authority first, then the agencies that answer to it, in the order they were created. */
    @Transactional(readOnly = true)
    List<AgencyRow> of(Long authorityId, DashboardPeriod period) {
        int reportYear = figures.today().getYear() - 1;
        return org.agencies().stream()
                .filter(a -> a.getId().equals(authorityId) || authorityId.equals(a.getParentId()))
                .map(a -> row(a, period, reportYear))
                .toList();
    }

    private AgencyRow row(Agency a, DashboardPeriod period, int reportYear) {
        Dashboard d = figures.of(a.getId(), period);
        long published = d.timeliness().stream().mapToLong(Dashboard.RateRow::count).sum();
        long inTime = d.timeliness().stream().mapToLong(Dashboard.RateRow::inTime).sum();
        long replied = d.onTime().stream().mapToLong(Dashboard.RateRow::count).sum();
        long onTime = d.onTime().stream().mapToLong(Dashboard.RateRow::inTime).sum();
        long open = d.workload().stream().mapToLong(Dashboard.LoadRow::open).sum();
        long overdue = d.workload().stream().mapToLong(Dashboard.LoadRow::overdue).sum();
        return new AgencyRow(a, published, inTime, replied, onTime, open, overdue, reportYear,
                reports.findByAgencyIdAndYear(a.getId(), reportYear));
    }

    LocalDate today() {
        return figures.today();
    }
}
