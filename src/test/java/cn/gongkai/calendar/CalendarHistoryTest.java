package cn.gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Days before today cannot be changed in the calendar: the notices of past years are history (issue 9). Today and
 * later stay editable; the days changed here lie in May 2095, far ahead and covered by no notice.
 */
@GongkaiAppTest
class CalendarHistoryTest {

    @Autowired WorkCalendarStore store;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

    UserDetails admin() {
        return accounts.loadUserByUsername("admin");
    }

    @Test
    void aDayBeforeTodayCannotBeMadeAHolidayOrResetAndTheRefusalNamesTheDate() {
        LocalDate yesterday = store.today().minusDays(1);
        assertThatThrownBy(() -> store.save(new CalendarDay(yesterday, DayKind.HOLIDAY, "补假")))
                .isInstanceOfSatisfying(CalendarDayInPast.class, e -> assertThat(e.date()).isEqualTo(yesterday));
        assertThatThrownBy(() -> store.remove(LocalDate.of(2025, 10, 1))).isInstanceOf(CalendarDayInPast.class);
        assertThat(store.current().kindOf(LocalDate.of(2025, 10, 1))).isEqualTo(DayKind.HOLIDAY);
    }

    @Test
    void theYearPageRefusesAPastDayWithAMessageNamingItAndOffersNoDeleteForPastDays() throws Exception {
        String page = mvc.perform(post("/workbench/calendar/years/2025/days").with(csrf()).with(user(admin()))
                .param("date", "2025-10-13").param("kind", "HOLIDAY").param("name", "补假"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("2025-10-13 早于今天，不能修改");
        assertThat(store.current().kindOf(LocalDate.of(2025, 10, 13))).isEqualTo(DayKind.WORKDAY);

        mvc.perform(post("/workbench/calendar/years/2025/days/2025-10-01/delete").with(csrf()).with(user(admin())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("pastDay", LocalDate.of(2025, 10, 1)));
        assertThat(store.current().kindOf(LocalDate.of(2025, 10, 1))).isEqualTo(DayKind.HOLIDAY);

        String year = mvc.perform(get("/workbench/calendar/years/2025").with(user(admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(year).doesNotContain("/days/2025-10-01/delete").contains("已过去，不可修改");
    }

    @Test
    void todayAndLaterDaysRemainEditable() {
        store.save(new CalendarDay(LocalDate.of(2095, 5, 2), DayKind.HOLIDAY, "历史测试"));
        assertThat(store.current().kindOf(LocalDate.of(2095, 5, 2))).isEqualTo(DayKind.HOLIDAY);
        store.remove(LocalDate.of(2095, 5, 2));
        assertThat(store.current().kindOf(LocalDate.of(2095, 5, 2))).isEqualTo(DayKind.WORKDAY);

        // Today itself: set to what it is (no change to the calendar other tests count on), and accepted.
        LocalDate today = store.today();
        CalendarDay asItIs = store.current().day(today);
        if (asItIs.kind() == DayKind.HOLIDAY || asItIs.kind() == DayKind.ADJUSTED_WORKING_DAY) {
            store.save(asItIs);
        } else {
            store.remove(today);
        }
        assertThat(store.current().day(today)).isEqualTo(asItIs);
    }

    @Test
    void anImportLeavesPastDaysItWouldChangeAsTheyWereSaysWhichAndImportsTheRest() throws Exception {
        String notice = """
                {"year": 2095, "days": [
                  {"name": "历史测试", "date": "2025-10-13", "isOffDay": true},
                  {"name": "历史测试", "date": "2095-05-03", "isOffDay": true}]}""";
        try {
            mvc.perform(post("/workbench/calendar/import").with(csrf()).with(user(admin())).param("json", notice))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("pastDays", "2025-10-13"))
                    .andExpect(flash().attribute("importedCount", 1));
            assertThat(store.current().kindOf(LocalDate.of(2025, 10, 13))).isEqualTo(DayKind.WORKDAY);
            assertThat(store.current().kindOf(LocalDate.of(2095, 5, 3))).isEqualTo(DayKind.HOLIDAY);
        } finally {
            store.remove(LocalDate.of(2095, 5, 3));
        }
    }

    @Test
    void reimportingAShippedNoticeOfAPastYearIsNoChangeAndNothingIsRefused() throws IOException {
        String notice = new ClassPathResource("calendar/holidays-cn/2025.json").getContentAsString(StandardCharsets.UTF_8);
        WorkCalendarStore.ImportResult result = store.importNotice(notice);
        assertThat(result.refusedPastDays()).isEmpty();
        assertThat(result.imported()).isPositive();
    }

    @Test
    void theCalendarSeededAtFirstStartHoldsThePastYearsOfTheShippedNotices() {
        // Seeding an empty calendar is not an administrator's change: the past years are in.
        assertThat(store.covers(2019)).isTrue();
        assertThat(store.covers(2025)).isTrue();
        assertThat(store.current().kindOf(LocalDate.of(2025, 10, 11))).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
    }
}
