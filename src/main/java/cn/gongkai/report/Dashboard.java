package cn.gongkai.report;

import cn.gongkai.request.Outcome;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The statistics dashboard's figures for one agency and period, row by row as its tables show them; the charts are
 * drawn from the same tables.
 *
 * @param outcomes replies per month (by reply date) and outcome category
 * @param onTime per department, requests received in the period and replied, and how many on time
 * @param timeliness per department, proactive items first published in the period, and how many within 20 working
 *     days of formation
 * @param workload per department, work open and overdue at {@code workloadAt}
 * @param growth proactive items first published per month, and the running total
 * @param workloadAt the day whose end (or now, if earlier) the workload is counted at
 */
public record Dashboard(DashboardPeriod period, List<OutcomeRow> outcomes, List<RateRow> onTime,
        List<RateRow> timeliness, List<LoadRow> workload, List<GrowthRow> growth, LocalDate workloadAt) {

    /** The outcome categories in the order of the annual report's table 三 (the columns of the first table). */
    public List<Outcome.Category> categories() {
        return List.of(Outcome.Category.values());
    }

    /** One month: replies per category (in {@link #categories()} order) and their total. */
    public record OutcomeRow(YearMonth month, List<Long> counts, long total) {
    }

    /** One department: how many counted, how many of them in time, and the share in time (0–1). */
    public record RateRow(String department, long count, long inTime, double rate) {
    }

    /** One department ({@code null}: work owned by a role of the whole agency): open items and overdue ones. */
    public record LoadRow(String department, long open, long overdue) {
    }

    /**
     * One month: proactive items first published in it, and all published up to its end ({@code null} for a month
     * still to come, so that the running total does not run ahead of the calendar).
     */
    public record GrowthRow(YearMonth month, long published, Long cumulative) {
    }
}
