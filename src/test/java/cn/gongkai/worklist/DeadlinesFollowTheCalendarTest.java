package cn.gongkai.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.calendar.CalendarDay;
import cn.gongkai.calendar.DayKind;
import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.org.Role;
import cn.gongkai.support.GongkaiAppTest;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Work items are opened and closed by events, and their due dates follow every calendar change. */
@GongkaiAppTest
class DeadlinesFollowTheCalendarTest {

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired WorkItems items;
    @Autowired WorkCalendarStore calendar;
    @Autowired JdbcTemplate jdbc;

    private Long agencyId() {
        return jdbc.queryForObject("select id from agency where code = 'SJTJ'", Long.class);
    }

    private void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    private WorkItem awaitItem(String subject, String kind) {
        await().atMost(Duration.ofSeconds(10)).until(
                () -> items.findBySubjectTypeAndSubjectIdAndKind("TEST", subject, kind).isPresent());
        return items.findBySubjectTypeAndSubjectIdAndKind("TEST", subject, kind).orElseThrow();
    }

    @Test
    void aWorkItemOpenedByAnEventIsDueOnTheWorkingDayTheCalendarGives() {
        publish(new WorkItemRequested(agencyId(), "TEST", "due-1", "REPLY", "答复申请 due-1", null, null,
                Role.OFFICE.name(), null, Deadline.workingDays(LocalDate.of(2025, 9, 30), 15)));
        assertThat(awaitItem("due-1", "REPLY").getDueOn()).isEqualTo(LocalDate.of(2025, 10, 28));
    }

    // Days before today cannot be changed any more (issue 9), so the windows edited here lie in December 2098: far
    // enough ahead to stay editable, and no notice covers that year (weekends only).

    @Test
    void aHolidayAddedInsideAnOpenItemsWindowMovesItsDueDate() {
        // 2098-12-01 (Mon) + 10 working days = 2098-12-15.
        publish(new WorkItemRequested(agencyId(), "TEST", "move-1", "REPLY", "答复申请 move-1", null, null,
                Role.OFFICE.name(), null, Deadline.workingDays(LocalDate.of(2098, 12, 1), 10)));
        assertThat(awaitItem("move-1", "REPLY").getDueOn()).isEqualTo(LocalDate.of(2098, 12, 15));

        calendar.save(new CalendarDay(LocalDate.of(2098, 12, 8), DayKind.HOLIDAY, "测试假日"));
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    items.findBySubjectTypeAndSubjectIdAndKind("TEST", "move-1", "REPLY").orElseThrow().getDueOn())
                    .isEqualTo(LocalDate.of(2098, 12, 16)));
        } finally {
            calendar.remove(LocalDate.of(2098, 12, 8));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                items.findBySubjectTypeAndSubjectIdAndKind("TEST", "move-1", "REPLY").orElseThrow().getDueOn())
                .isEqualTo(LocalDate.of(2098, 12, 15)));
    }

    @Test
    void aCalendarChangeMovesTheDeadlinesOfOpenWorkOnlyAndDoneWorkKeepsItsDueDate() {
        // Two items with the same window, 2098-12-02 (Tue) + 10 working days = 2098-12-16; one is done.
        publish(new WorkItemRequested(agencyId(), "TEST", "open-2", "REPLY", "答复申请 open-2", null, null,
                Role.OFFICE.name(), null, Deadline.workingDays(LocalDate.of(2098, 12, 2), 10)));
        publish(new WorkItemRequested(agencyId(), "TEST", "done-2", "REPLY", "答复申请 done-2", null, null,
                Role.OFFICE.name(), null, Deadline.workingDays(LocalDate.of(2098, 12, 2), 10)));
        assertThat(awaitItem("open-2", "REPLY").getDueOn()).isEqualTo(LocalDate.of(2098, 12, 16));
        assertThat(awaitItem("done-2", "REPLY").getDueOn()).isEqualTo(LocalDate.of(2098, 12, 16));
        publish(new WorkItemDone("TEST", "done-2", "REPLY"));
        await().atMost(Duration.ofSeconds(10)).until(() -> items
                .findBySubjectTypeAndSubjectIdAndKind("TEST", "done-2", "REPLY").orElseThrow()
                .getState() == WorkItem.State.CLOSED);

        calendar.save(new CalendarDay(LocalDate.of(2098, 12, 9), DayKind.HOLIDAY, "测试假日"));
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    items.findBySubjectTypeAndSubjectIdAndKind("TEST", "open-2", "REPLY").orElseThrow().getDueOn())
                    .isEqualTo(LocalDate.of(2098, 12, 17)));
            assertThat(items.findBySubjectTypeAndSubjectIdAndKind("TEST", "done-2", "REPLY").orElseThrow()
                    .getDueOn()).isEqualTo(LocalDate.of(2098, 12, 16));
        } finally {
            calendar.remove(LocalDate.of(2098, 12, 9));
        }
    }

    @Test
    void aFixedDateDeadlineDoesNotMoveWithTheCalendar() {
        publish(new WorkItemRequested(agencyId(), "TEST", "fixed-1", "REPORT", "年度报告", null, null,
                Role.OFFICE.name(), null, Deadline.fixedDate(LocalDate.of(2098, 12, 10))));
        awaitItem("fixed-1", "REPORT");
        calendar.save(new CalendarDay(LocalDate.of(2098, 12, 9), DayKind.HOLIDAY, "测试假日"));
        try {
            assertThat(items.findBySubjectTypeAndSubjectIdAndKind("TEST", "fixed-1", "REPORT").orElseThrow()
                    .getDueOn()).isEqualTo(LocalDate.of(2098, 12, 10));
        } finally {
            calendar.remove(LocalDate.of(2098, 12, 9));
        }
    }

    @Test
    void aDoneEventClosesTheItem() {
        publish(new WorkItemRequested(agencyId(), "TEST", "close-1", "REPLY", "答复申请 close-1", null, null,
                Role.OFFICE.name(), null, Deadline.workingDays(LocalDate.of(2026, 11, 2), 15)));
        awaitItem("close-1", "REPLY");
        publish(new WorkItemDone("TEST", "close-1", "REPLY"));
        await().atMost(Duration.ofSeconds(10)).until(() -> items
                .findBySubjectTypeAndSubjectIdAndKind("TEST", "close-1", "REPLY").orElseThrow()
                .getState() == WorkItem.State.CLOSED);
    }

    @Test
    void everyCalendarChangeIsAudited() {
        calendar.save(new CalendarDay(LocalDate.of(2098, 12, 29), DayKind.HOLIDAY, "审计测试"));
        calendar.remove(LocalDate.of(2098, 12, 29));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where object_type = 'CALENDAR' "
                + "and object_id = '2098-12-29'", Integer.class)).isEqualTo(2);
    }
}
