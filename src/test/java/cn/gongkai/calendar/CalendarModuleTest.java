package cn.gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/** The calendar module on its own (with what it depends on): every change is announced to the other modules. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = {"logging.file.name=target/test-logs/calendar-module.log",
        // The audit module comes with the calendar's dependencies: a key of this test's own, and an anchor file in target.
        "gongkai.crypto.audit-key=k7Q2sV9xN4mB1cR8tY3wE6uI0oP5aS2dF7gH4jL9zXc=",
        "gongkai.audit.anchor-file=target/test-anchors/calendar-module.log"})
class CalendarModuleTest {

    /** What the platform module gives the application: a database, a clock, a password encoder. */
    @TestConfiguration
    static class Infrastructure {
        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws IOException {
            return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        }

        @Bean
        DataSource dataSource(EmbeddedPostgres pg) {
            return pg.getPostgresDatabase();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }
    }

    @Autowired WorkCalendarStore store;

    // Days before today cannot be changed (issue 9): the days changed here lie far ahead, in 2098 and 2099.

    @Test
    void savingAHolidayAnnouncesTheChangedYear(Scenario scenario) {
        scenario.stimulate(() -> store.save(new CalendarDay(LocalDate.of(2098, 12, 30), DayKind.HOLIDAY, "模块测试")))
                .andWaitForEventOfType(WorkCalendarChanged.class)
                .toArriveAndVerify(event -> assertThat(event.years()).containsExactly(2098));
        assertThat(store.current().kindOf(LocalDate.of(2098, 12, 30))).isEqualTo(DayKind.HOLIDAY);
    }

    @Test
    void importingANoticeAnnouncesEveryYearItTouchesAndTheCalendarUsesItAtOnce(Scenario scenario) {
        String notice = """
                {"year": 2099, "days": [
                  {"name": "元旦", "date": "2098-12-31", "isOffDay": true},
                  {"name": "元旦", "date": "2099-01-01", "isOffDay": true},
                  {"name": "春节", "date": "2099-02-07", "isOffDay": false}]}""";
        scenario.stimulate(() -> store.importNotice(notice)).andWaitForEventOfType(WorkCalendarChanged.class)
                .toArriveAndVerify(event -> assertThat(event.years()).containsExactlyInAnyOrder(2098, 2099));
        assertThat(store.current().kindOf(LocalDate.of(2099, 2, 7))).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
        assertThat(store.covers(2099)).isTrue();
    }

    @Test
    void aMalformedNoticeChangesNothing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.importNotice("{\"days\": [{\"date\": \"2027-13-01\", \"isOffDay\": true}]}"))
                .isInstanceOf(InvalidCalendarImport.class).hasMessage("calendar.import.error.day");
        assertThat(store.current().special(LocalDate.of(2027, 1, 1).plusYears(1))).isEmpty();
    }
}
