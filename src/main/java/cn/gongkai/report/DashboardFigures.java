package cn.gongkai.report;

import cn.gongkai.catalog.CatalogTrends;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.request.Outcome;
import cn.gongkai.request.RequestTrends;
import cn.gongkai.worklist.WorkloadFigures;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.stereotype.Service;

/**
 * Gathers the dashboard's figures from the modules that own them, each an SQL aggregate behind the module's public
 * API ({@link RequestTrends}, {@link CatalogTrends}, {@link WorkloadFigures}); this module reads no other module's
 * tables.
 */
@Service
class DashboardFigures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final RequestTrends requests;
    private final CatalogTrends catalog;
    private final WorkloadFigures workload;
    private final OrgDirectory org;
    private final Clock clock;

    DashboardFigures(RequestTrends requests, CatalogTrends catalog, WorkloadFigures workload, OrgDirectory org,
            Clock clock) {
        this.requests = requests;
        this.catalog = catalog;
        this.workload = workload;
        this.org = org;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    Dashboard of(Long agencyId, DashboardPeriod period) {
        LocalDate from = period.firstDay();
        LocalDate to = period.lastDay();
        Map<Long, String> departments = org.departmentNames(agencyId);
        Instant now = Instant.now(clock);
        Instant endOfPeriod = to.plusDays(1).atStartOfDay(ZONE).toInstant();
        Instant at = endOfPeriod.isBefore(now) ? endOfPeriod : now;
        return new Dashboard(period, outcomes(agencyId, period),
                rates(departments, requests.onTimeByDepartment(agencyId, from, to),
                        (name, t) -> new Dashboard.RateRow(name, t.replied(), t.onTime(), t.rate())),
                rates(departments, catalog.timelinessByDepartment(agencyId, from, to),
                        (name, t) -> new Dashboard.RateRow(name, t.published(), t.inTime(), t.rate())),
                load(departments, workload.byDepartment(agencyId, at)), growth(agencyId, period),
                at.equals(endOfPeriod) ? to : LocalDate.ofInstant(at, ZONE));
    }

    private List<Dashboard.OutcomeRow> outcomes(Long agencyId, DashboardPeriod period) {
        Map<YearMonth, Map<Outcome.Category, Long>> byMonth = requests.repliesByMonth(agencyId, period.firstDay(),
                period.lastDay());
        List<Dashboard.OutcomeRow> rows = new ArrayList<>();
        for (YearMonth month : period.months()) {
            Map<Outcome.Category, Long> counts = byMonth.getOrDefault(month, Map.of());
            List<Long> row = new ArrayList<>();
            for (Outcome.Category c : Outcome.Category.values()) {
                row.add(counts.getOrDefault(c, 0L));
            }
            rows.add(new Dashboard.OutcomeRow(month, row, row.stream().mapToLong(Long::longValue).sum()));
        }
        return rows;
    }

    private List<Dashboard.GrowthRow> growth(Long agencyId, DashboardPeriod period) {
        CatalogTrends.Growth growth = catalog.growth(agencyId, period.firstDay(), period.lastDay());
        YearMonth now = YearMonth.from(today());
        return period.months().stream().map(m -> new Dashboard.GrowthRow(m, growth.byMonth().getOrDefault(m, 0L),
                m.isAfter(now) ? null : growth.cumulative(m))).toList();
    }

    private static <T> List<Dashboard.RateRow> rates(Map<Long, String> departments, Map<Long, T> figures,
            BiFunction<String, T, Dashboard.RateRow> row) {
        return inDepartmentOrder(departments, figures).stream().map(e -> row.apply(e.getKey(), e.getValue()))
                .toList();
    }

    private static List<Dashboard.LoadRow> load(Map<Long, String> departments,
            Map<Long, WorkloadFigures.Load> figures) {
        List<Dashboard.LoadRow> rows = new ArrayList<>();
        inDepartmentOrder(departments, figures).forEach(e -> rows.add(new Dashboard.LoadRow(e.getKey(),
                e.getValue().open(), e.getValue().overdue())));
        WorkloadFigures.Load agencyWide = figures.get(WorkloadFigures.AGENCY_WIDE);
        if (agencyWide != null) {
            rows.add(new Dashboard.LoadRow(null, agencyWide.open(), agencyWide.overdue()));
        }
        return rows;
    }

    /** (department name, figures) in the agency's department order; an unlisted department last, by its id. */
    private static <T> List<Map.Entry<String, T>> inDepartmentOrder(Map<Long, String> departments,
            Map<Long, T> figures) {
        List<Map.Entry<String, T>> ordered = new ArrayList<>();
        departments.forEach((id, name) -> {
            if (figures.containsKey(id)) {
                ordered.add(Map.entry(name, figures.get(id)));
            }
        });
        figures.keySet().stream().filter(id -> !departments.containsKey(id) && id != WorkloadFigures.AGENCY_WIDE)
                .sorted().forEach(id -> ordered.add(Map.entry("#" + id, figures.get(id))));
        return ordered;
    }
}
