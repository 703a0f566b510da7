package cn.gongkai.bench;

import cn.gongkai.calendar.CalendarDay;
import cn.gongkai.calendar.ShippedNotices;
import cn.gongkai.calendar.WorkCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Working-day arithmetic on the real calendar (every shipped State Council notice). Target: one million additions
 * of 20 working days well under one second.
 *
 * <p>Run: {@code ./mvnw -B -Pbench test-compile exec:exec} (see docs/benchmarks.md), or {@link #main} from an IDE.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WorkCalendarBenchmark {

    static final int MILLION = 1_000_000;
    static final int WORKING_DAYS = 20;

    private WorkCalendar calendar;
    private List<CalendarDay> seededDays;
    /** A million start dates spread over 2019–2026, fixed seed so that every run adds from the same dates. */
    private LocalDate[] starts;
    private int next;

    @Setup
    public void setUp() {
        seededDays = ShippedNotices.days();
        calendar = WorkCalendar.of(seededDays);
        long first = LocalDate.of(2019, 1, 1).toEpochDay();
        long span = LocalDate.of(2026, 12, 31).toEpochDay() - first + 1;
        SplittableRandom random = new SplittableRandom(20251001L);
        starts = new LocalDate[MILLION];
        for (int i = 0; i < MILLION; i++) {
            starts[i] = LocalDate.ofEpochDay(first + random.nextLong(span));
        }
    }

    /** One operation = one million additions of 20 working days over the varied start dates. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void millionAdditionsOf20WorkingDays(Blackhole bh) {
        WorkCalendar c = calendar;
        LocalDate[] s = starts;
        for (int i = 0; i < s.length; i++) {
            bh.consume(c.plusWorkingDays(s[i], WORKING_DAYS));
        }
    }

    /** One operation = one addition of 20 working days, the start date taken round-robin from the million. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public LocalDate singleAdditionOf20WorkingDays() {
        int i = next;
        next = i + 1 == MILLION ? 0 : i + 1;
        return calendar.plusWorkingDays(starts[i], WORKING_DAYS);
    }

    /** One operation = building the calendar (1990–2100 precomputed) from the seeded holidays and adjusted days. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public WorkCalendar buildFromSeededDays() {
        return WorkCalendar.of(seededDays);
    }

    /** Runs this benchmark with the settings above; any arguments are passed to JMH instead (e.g. {@code -h}). */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args
                : new String[] {WorkCalendarBenchmark.class.getName().replace(".", "\\.")});
    }
}
