package cn.gongkai.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * On first start, fills the empty calendar from the State Council notices shipped in
 * {@code classpath:calendar/holidays-cn/} (2019–2026). Later years are imported by an administrator.
 */
@Component
@Order(-10)
class CalendarSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarSeeder.class);

    private final WorkCalendarStore store;
    private final boolean enabled;

    CalendarSeeder(WorkCalendarStore store, @Value("${gongkai.calendar.seed-from-classpath:true}") boolean enabled) {
        this.store = store;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled || !store.isEmpty()) {
            store.reload();
            return;
        }
        Map<java.time.LocalDate, CalendarDay> all = new LinkedHashMap<>();
        Resource[] notices = new PathMatchingResourcePatternResolver()
                .getResources("classpath:calendar/holidays-cn/*.json");
        java.util.Arrays.sort(notices, java.util.Comparator.comparing(Resource::getFilename));
        for (Resource notice : notices) {
            try (InputStream in = notice.getInputStream()) {
                HolidayNotice.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .forEach(d -> all.put(d.date(), d));
            }
        }
        store.seed(all.values());
        log.info("Working-day calendar seeded with {} holidays and adjusted working days from {} notices", all.size(),
                notices.length);
    }
}
