package cn.gongkai.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.PlatformClock;
import cn.gongkai.support.GongkaiAppTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Clock-hour deadlines (舆情 五: a major event is reported within 1 hour): they run through nights, weekends and
 * holidays, turn yellow at half their time and red at their minute, and the deadline job escalates them.
 */
@GongkaiAppTest
class HourClocksTest {

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired WorkItems items;
    @Autowired Worklist worklist;
    @Autowired WorkCalendarStore calendar;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;

    private Long id(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private void open(String subject, String title, Deadline deadline) {
        Long agency = id("select id from agency where code='SJTJ'");
        Long planning = id("select department_id from user_account where username = 'depthead'");
        tx.executeWithoutResult(s -> events.publishEvent(new WorkItemRequested(agency, "TEST", subject, "REPORT",
                title, "/workbench", planning, "DEPT_HEAD", null, deadline, List.of(), true)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> items.findBySubjectTypeAndSubjectIdAndKind("TEST", subject, "REPORT").isPresent());
    }

    private List<String> inbox(String username) {
        return jdbc.queryForList("select n.title from notification n join user_account u on u.id = n.user_id "
                + "where u.username = ? order by n.id", String.class, username);
    }

    @Test
    void aOneHourClockStartedBeforeMidnightOnAHolidayIsDueAnHourLaterOnTheHoliday() {
        // 2026-10-01 is National Day; 2026-10-02 a holiday too: clock hours do not wait for a working day.
        Instant found = OffsetDateTime.parse("2026-10-01T23:30:00+08:00").toInstant();
        Deadline oneHour = Deadline.clockHours(found, 1);
        assertThat(calendar.current().isWorkingDay(LocalDate.of(2026, 10, 2))).isFalse();
        assertThat(oneHour.dueAt(calendar.current())).isEqualTo(OffsetDateTime.parse("2026-10-02T00:30:00+08:00")
                .toInstant());
        assertThat(oneHour.dueOn(calendar.current())).isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(Deadline.label(oneHour.dueOn(calendar.current()), oneHour.dueAt(calendar.current())))
                .isEqualTo("2026-10-02 00:30");
        Deadline fortyEight = Deadline.clockHours(found, 48);
        assertThat(fortyEight.dueAt(calendar.current())).isEqualTo(OffsetDateTime.parse("2026-10-03T23:30:00+08:00")
                .toInstant());
    }

    @Test
    void aOneHourItemIsGreenThenYellowAtHalfTimeThenRedAndEscalatedToTheLeaderWhenItsMinutePasses() {
        Instant found = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        open("hour-clock", "重大舆情1小时报告", Deadline.clockHours(found, 1));
        StaffPrincipal head = (StaffPrincipal) accounts.loadUserByUsername("depthead");

        assertThat(light(head, found.plus(Duration.ofMinutes(29)))).isEqualTo(Light.GREEN);
        assertThat(light(head, found.plus(Duration.ofMinutes(30)))).isEqualTo(Light.YELLOW);
        assertThat(light(head, found.plus(Duration.ofMinutes(59)))).isEqualTo(Light.YELLOW);
        assertThat(light(head, found.plus(Duration.ofMinutes(60)))).isEqualTo(Light.RED);

        // At half time the deadline job reminds the owner once, naming the due minute.
        PlatformClock.replayAt(found.plus(Duration.ofMinutes(35)), () -> {
            worklist.checkDeadlines();
            worklist.checkDeadlines();
            return null;
        });
        String dueMinute = Deadline.label(null, found.plus(Duration.ofHours(1)));
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox("depthead").contains("【即将到期】重大舆情1小时报告"));
        assertThat(inbox("depthead").stream().filter(t -> t.equals("【即将到期】重大舆情1小时报告"))).hasSize(1);
        assertThat(jdbc.queryForList("select n.body from notification n join user_account u on u.id = n.user_id "
                + "where u.username = 'depthead' and n.title = '【即将到期】重大舆情1小时报告'", String.class))
                .allMatch(body -> body.contains(dueMinute));

        // The deadline job at 59 minutes escalates nothing; one pass after the minute escalates the report once.
        PlatformClock.replayAt(found.plus(Duration.ofMinutes(59)), () -> {
            worklist.checkDeadlines();
            return null;
        });
        assertThat(items.findBySubjectTypeAndSubjectIdAndKind("TEST", "hour-clock", "REPORT").orElseThrow()
                .isEscalated()).isFalse();
        PlatformClock.replayAt(found.plus(Duration.ofMinutes(61)), () -> {
            worklist.checkDeadlines();
            return null;
        });
        assertThat(items.findBySubjectTypeAndSubjectIdAndKind("TEST", "hour-clock", "REPORT").orElseThrow()
                .isEscalated()).isTrue();
        String due = Deadline.label(null, found.plus(Duration.ofHours(1)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(inbox("depthead")).contains("【已超期】重大舆情1小时报告");
            assertThat(inbox("leader")).contains("【督办】重大舆情1小时报告");
        });
        assertThat(jdbc.queryForList("select n.body from notification n join user_account u on u.id = n.user_id "
                + "where u.username = 'depthead' and n.title = '【已超期】重大舆情1小时报告'", String.class))
                .anyMatch(body -> body.contains(due));
    }

    @Test
    void theShippedDeadlineJobIntervalIsAtMostFiveMinutesSoAOneHourItemTurnsRedInTime() {
        // The test profile slows the job down; what ships is application.yml's interval.
        var yaml = new org.springframework.beans.factory.config.YamlPropertiesFactoryBean();
        yaml.setResources(new org.springframework.core.io.ClassPathResource("application.yml"));
        String interval = yaml.getObject().getProperty("gongkai.worklist.check-interval");
        assertThat(org.springframework.boot.convert.DurationStyle.detectAndParse(interval))
                .isLessThanOrEqualTo(Duration.ofMinutes(5));
    }

    private Light light(StaffPrincipal me, Instant at) {
        return PlatformClock.replayAt(at, () -> worklist.openFor(me).stream()
                .filter(w -> w.title().equals("重大舆情1小时报告")).findFirst().orElseThrow().light());
    }
}
