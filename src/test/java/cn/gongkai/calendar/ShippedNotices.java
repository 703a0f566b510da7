package cn.gongkai.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Test fixture: the State Council notices shipped in {@code classpath:calendar/holidays-cn/*.json}, read the way
 * {@link CalendarSeeder} reads them (file-name order, a later notice replacing a day of the same date). Public so
 * that the JMH benchmark in another package can build the real calendar.
 */
public final class ShippedNotices {

    private static final List<CalendarDay> DAYS = load();
    private static final WorkCalendar CALENDAR = WorkCalendar.of(DAYS);

    private ShippedNotices() {
    }

    /** Every holiday and adjusted working day in the shipped notices. */
    public static List<CalendarDay> days() {
        return DAYS;
    }

    /** The calendar built from {@link #days()}. */
    public static WorkCalendar calendar() {
        return CALENDAR;
    }

    private static List<CalendarDay> load() {
        try {
            Resource[] notices = new PathMatchingResourcePatternResolver()
                    .getResources("classpath:calendar/holidays-cn/*.json");
            Arrays.sort(notices, Comparator.comparing(Resource::getFilename));
            if (notices.length == 0) {
                throw new IllegalStateException("no holiday notices on the classpath");
            }
            Map<LocalDate, CalendarDay> all = new LinkedHashMap<>();
            for (Resource notice : notices) {
                try (InputStream in = notice.getInputStream()) {
                    HolidayNotice.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .forEach(d -> all.put(d.date(), d));
                }
            }
            return List.copyOf(all.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
