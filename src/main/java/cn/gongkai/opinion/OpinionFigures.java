package cn.gongkai.opinion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's monthly summary of public-opinion work (舆情 三.二 及时反馈): events found per month by risk level,
 * and how many 1-hour reports and answers fell due in the month and were met in time; the period's events by source;
 * and the month's hotline calls and citizens' messages.
 */
@Service
public class OpinionFigures {

    private final OpinionEvents events;
    private final OpinionDeadlines deadlines;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final java.time.Clock clock;

    OpinionFigures(OpinionEvents events, OpinionDeadlines deadlines, org.springframework.jdbc.core.JdbcTemplate jdbc,
            java.time.Clock clock) {
        this.clock = clock;
        this.events = events;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
    }

    /**
     * One month: events by level (一般, 较大, 重大, 特别重大 in that order), reports due and made on time, answers due
     * (by the end of the month or already met) and met on time, calls logged and messages received.
     */
    public record MonthRow(YearMonth month, long events, List<Long> byLevel, long reportsDue, long reportsOnTime,
            long answersDue, long answersOnTime, long calls, long messages) {
    }

    public record Summary(List<MonthRow> months, Map<String, Long> bySource) {

        public long events() {
            return months.stream().mapToLong(MonthRow::events).sum();
        }
    }

    @Transactional(readOnly = true)
    public Summary of(Long agencyId, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(OpinionDesk.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(OpinionDesk.ZONE).toInstant();
        List<OpinionEvent> found = events.foundBetween(agencyId, start, end);
        Map<Long, List<OpinionDeadline>> clocks = found.isEmpty() ? Map.of()
                : deadlines.forEvents(found.stream().map(OpinionEvent::getId).toList()).stream()
                        .collect(Collectors.groupingBy(OpinionDeadline::getEventId));
        Instant now = Instant.now(clock);
        List<MonthRow> rows = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            YearMonth month = m;
            List<OpinionEvent> inMonth = found.stream().filter(e -> YearMonth.from(e.getFoundAt()
                    .atZone(OpinionDesk.ZONE)).equals(month)).toList();
            Map<RiskLevel, Long> levels = new EnumMap<>(RiskLevel.class);
            for (RiskLevel l : RiskLevel.values()) {
                levels.put(l, inMonth.stream().filter(e -> e.getLevel() == l).count());
            }
            List<OpinionDeadline> ds = inMonth.stream().flatMap(e -> clocks.getOrDefault(e.getId(), List.of())
                    .stream()).toList();
            long reportsDue = ds.stream().filter(d -> d.kind() == OpinionClock.Kind.REPORT && due(d, now)).count();
            long reportsOnTime = ds.stream().filter(d -> d.kind() == OpinionClock.Kind.REPORT && d.onTime()).count();
            long answersDue = ds.stream().filter(d -> d.kind() == OpinionClock.Kind.ANSWER && due(d, now)).count();
            long answersOnTime = ds.stream().filter(d -> d.kind() == OpinionClock.Kind.ANSWER && d.onTime()).count();
            Instant ms = month.atDay(1).atStartOfDay(OpinionDesk.ZONE).toInstant();
            Instant me = month.plusMonths(1).atDay(1).atStartOfDay(OpinionDesk.ZONE).toInstant();
            Long calls = jdbc.queryForObject("select count(*) from hotline_call where agency_id = ? and called_at >= ?"
                    + " and called_at < ?", Long.class, agencyId, java.sql.Timestamp.from(ms),
                    java.sql.Timestamp.from(me));
            Long messages = jdbc.queryForObject("select count(*) from citizen_message where agency_id = ? and "
                    + "received_at >= ? and received_at < ?", Long.class, agencyId, java.sql.Timestamp.from(ms),
                    java.sql.Timestamp.from(me));
            rows.add(new MonthRow(month, inMonth.size(), List.copyOf(levels.values()), reportsDue, reportsOnTime,
                    answersDue, answersOnTime, calls == null ? 0 : calls, messages == null ? 0 : messages));
        }
        Map<String, Long> bySource = new java.util.LinkedHashMap<>();
        for (OpinionSource s : OpinionSource.values()) {
            long n = found.stream().filter(e -> e.getSource() == s).count();
            if (n > 0) {
                bySource.put(s.name(), n);
            }
        }
        return new Summary(rows, bySource);
    }

    /** A deadline counts once it has passed or been met: one still running is neither on time nor late yet. */
    private static boolean due(OpinionDeadline d, Instant now) {
        return d.getDoneAt() != null || !now.isBefore(d.getDueAt());
    }
}
