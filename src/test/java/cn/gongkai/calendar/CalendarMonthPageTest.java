package cn.gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** 工作日历 opens on this month in China (Asia/Shanghai, by the platform clock) and marks today. */
@GongkaiAppTest
class CalendarMonthPageTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

    String page(String month) throws Exception {
        var request = get("/workbench/calendar").with(user(accounts.loadUserByUsername("staff")));
        if (month != null) {
            request.param("month", month);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theCalendarOpensOnTodaysMonthInChinaAndMarksToday() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String month = page(null);
        assertThat(month).contains(today.getYear() + "年" + today.getMonthValue() + "月工作日历");
        String cell = month.substring(month.lastIndexOf("<td", month.indexOf("data-date=\"" + today + "\"")));
        cell = cell.substring(0, cell.indexOf("</td>"));
        assertThat(cell).contains("today").contains("aria-current=\"date\"").contains("今天");
        assertThat(month).containsOnlyOnce("aria-current=\"date\"");
    }

    @Test
    void anotherMonthHasNoTodayMark() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String other = page(today.minusMonths(2).toString().substring(0, 7));
        assertThat(other).doesNotContain("aria-current=\"date\"").contains("回到本月");
    }
}
