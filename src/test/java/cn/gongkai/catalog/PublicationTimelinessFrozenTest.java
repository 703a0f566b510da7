package cn.gongkai.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.calendar.CalendarDay;
import cn.gongkai.calendar.DayKind;
import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.org.Role;
import cn.gongkai.org.TestAgency;
import cn.gongkai.platform.PlatformClock;
import cn.gongkai.support.GongkaiAppTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 主动公开制度 五: whether a proactive item was published within 20 working days of its formation is worked out once,
 * at its first publication, and kept: a later calendar change does not flip it on the dashboard or in the entry.
 * Days before today cannot be changed, so the items are published on days of 2096 (the platform clock replays them)
 * whose windows an administrator can still edit; no notice covers that year.
 */
@GongkaiAppTest
class PublicationTimelinessFrozenTest {

    private static final AtomicLong ITEM_IDS = new AtomicLong(9_600_000L + System.nanoTime() % 100_000L);

    @Autowired ApplicationContext context;
    @Autowired Catalog catalog;
    @Autowired CatalogTrends trends;
    @Autowired CatalogEntries entries;
    @Autowired WorkCalendarStore calendar;
    @Autowired TimelinessBackfill backfill;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

    TestAgency agency;
    Long department;
    String departmentName;
    String office;

    @BeforeEach
    void anAgencyOfItsOwn() {
        agency = TestAgency.create(context, "时限测试局");
        departmentName = "规划科" + agency.code();
        department = agency.department(departmentName);
        office = agency.user("office", department, Role.OFFICE);
    }

    CatalogEntry publishOn(LocalDate publishedOn, LocalDate createdOn, String title) {
        Publication p = new Publication(agency.id(), "时限测试局", "000014349", ITEM_IDS.incrementAndGet(), 1, title,
                null, title + "的概述", title + "的正文", createdOn, "工业、交通", "通知", null, department, departmentName,
                DisclosureAttribute.PROACTIVE, "WEBSITE", "吴科员", "DEPT_HEAD 孙科长 同意", List.of());
        PublishedEntry published = PlatformClock.replayOn(publishedOn, () -> catalog.publish(p));
        return entries.findByIdAndAgencyId(published.entryId(), agency.id()).orElseThrow();
    }

    CatalogTrends.Timeliness figures(int year) {
        return trends.timelinessByDepartment(agency.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .get(department);
    }

    /** The dashboard's row for the department: published, within 20 working days, rate. */
    List<String> dashboardRow(int year) throws Exception {
        String page = mvc.perform(get("/workbench/dashboard").param("year", String.valueOf(year))
                .with(user(accounts.loadUserByUsername(office)))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        String table = page.substring(page.indexOf("id=\"t-timeliness\""));
        table = table.substring(0, table.indexOf("</table>"));
        int start = table.indexOf("<th scope=\"row\">" + departmentName + "</th>");
        assertThat(start).isNotNegative();
        String row = table.substring(start, table.indexOf("</tr>", start));
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row);
        while (m.find()) {
            cells.add(m.group(1));
        }
        return cells;
    }

    @Test
    void anItemPublishedLateStaysLateWhenAHolidayIsLaterAddedInsideItsWindow() throws Exception {
        LocalDate createdOn = LocalDate.of(2096, 3, 5);
        assertThat(createdOn.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        LocalDate due = calendar.current().plusWorkingDays(createdOn, 20);
        LocalDate oneDayLate = calendar.current().plusWorkingDays(createdOn, 21);
        CatalogEntry entry = publishOn(oneDayLate, createdOn, "时限测试：晚一天发布的通知");
        assertThat(entry.getPublishedOnTime()).isFalse();
        assertThat(entry.getPublishDueOn()).isEqualTo(due);
        assertThat(figures(2096)).isEqualTo(new CatalogTrends.Timeliness(1, 0));
        assertThat(dashboardRow(2096)).containsExactly("1", "0", "0.0%");

        LocalDate insideTheWindow = createdOn.plusDays(9);
        calendar.save(new CalendarDay(insideTheWindow, DayKind.HOLIDAY, "时限测试假日"));
        try {
            // On the changed calendar the item would now count as punctual ...
            assertThat(PublicationTimeliness.of(calendar.current(), createdOn, oneDayLate).onTime()).isTrue();
            // ... but its result was fixed when it was published.
            assertThat(figures(2096)).isEqualTo(new CatalogTrends.Timeliness(1, 0));
            assertThat(dashboardRow(2096)).containsExactly("1", "0", "0.0%");
            CatalogEntry kept = entries.findByIdAndAgencyId(entry.getId(), agency.id()).orElseThrow();
            assertThat(kept.getPublishedOnTime()).isFalse();
            assertThat(kept.getPublishDueOn()).isEqualTo(due);
        } finally {
            calendar.remove(insideTheWindow);
        }
    }

    @Test
    void anItemPublishedOnTimeStaysOnTimeWhenAnAdjustedWorkingDayIsLaterAddedInsideItsWindow() throws Exception {
        LocalDate createdOn = LocalDate.of(2096, 9, 3);
        assertThat(createdOn.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        LocalDate due = calendar.current().plusWorkingDays(createdOn, 20);
        CatalogEntry entry = publishOn(due, createdOn, "时限测试：最后一天发布的通知");
        assertThat(entry.getPublishedOnTime()).isTrue();
        assertThat(figures(2096)).isEqualTo(new CatalogTrends.Timeliness(1, 1));

        LocalDate saturdayInTheWindow = createdOn.plusDays(5);
        calendar.save(new CalendarDay(saturdayInTheWindow, DayKind.ADJUSTED_WORKING_DAY, "时限测试调休"));
        try {
            assertThat(PublicationTimeliness.of(calendar.current(), createdOn, due).onTime()).isFalse();
            assertThat(figures(2096)).isEqualTo(new CatalogTrends.Timeliness(1, 1));
            assertThat(dashboardRow(2096)).containsExactly("1", "1", "100.0%");
        } finally {
            calendar.remove(saturdayInTheWindow);
        }
    }

    @Test
    void aNewVersionKeepsTheResultOfTheFirstPublication() {
        LocalDate createdOn = LocalDate.of(2096, 11, 5);
        LocalDate late = calendar.current().plusWorkingDays(createdOn, 25);
        CatalogEntry first = publishOn(late, createdOn, "时限测试：变更前");
        Publication change = new Publication(agency.id(), "时限测试局", "000014349", first.getItemId(), 2,
                "时限测试：变更后", null, "概述", "正文", late, "工业、交通", "通知", null, department, departmentName,
                DisclosureAttribute.PROACTIVE, "WEBSITE", "吴科员", "DEPT_HEAD 孙科长 同意", List.of());
        PlatformClock.replayOn(late.plusDays(1), () -> catalog.publish(change));
        CatalogEntry kept = entries.findByIdAndAgencyId(first.getId(), agency.id()).orElseThrow();
        assertThat(kept.getVersion()).isEqualTo(2);
        assertThat(kept.getPublishedOnTime()).isFalse();
        assertThat(figures(2096)).isEqualTo(new CatalogTrends.Timeliness(1, 0));
    }

    @Test
    void anEntryPublishedBeforeTheResultWasKeptIsCountedAndThenFilledInOnce() {
        LocalDate createdOn = LocalDate.of(2096, 5, 7);
        LocalDate onTime = calendar.current().plusWorkingDays(createdOn, 3);
        CatalogEntry entry = publishOn(onTime, createdOn, "时限测试：V22 之前发布的通知");
        jdbc.update("update catalog_entry set publish_due_on = null, published_on_time = null where id = ?",
                entry.getId());
        // Not yet filled in: the dashboard works it out on the calendar.
        assertThat(figures(2096)).isEqualTo(new CatalogTrends.Timeliness(1, 1));

        assertThat(backfill.fill()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select published_on_time from catalog_entry where id = ?", Boolean.class,
                entry.getId())).isTrue();
        assertThat(jdbc.queryForObject("select publish_due_on from catalog_entry where id = ?", LocalDate.class,
                entry.getId())).isEqualTo(calendar.current().plusWorkingDays(createdOn, 20));
        assertThat(backfill.fill()).isZero();
    }
}
