package cn.gongkai.calendar;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The public calendar API, on the calendar seeded from the State Council notices. */
@GongkaiAppTest
class CalendarApiTest {

    @Autowired MockMvc mvc;

    @Test
    void anAdjustedWorkingDayIsReportedWithItsHolidaysName() throws Exception {
        mvc.perform(get("/api/v1/calendar/days/2025-10-11")).andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2025-10-11")).andExpect(jsonPath("$.workingDay").value(true))
                .andExpect(jsonPath("$.kind").value("ADJUSTED_WORKING_DAY"))
                .andExpect(jsonPath("$.name").value("国庆节、中秋节"));
    }

    @Test
    void holidaysWeekendsAndWorkdaysAreTold() throws Exception {
        mvc.perform(get("/api/v1/calendar/days/2025-10-01")).andExpect(jsonPath("$.kind").value("HOLIDAY"))
                .andExpect(jsonPath("$.workingDay").value(false));
        mvc.perform(get("/api/v1/calendar/days/2025-11-22")).andExpect(jsonPath("$.kind").value("WEEKEND"));
        mvc.perform(get("/api/v1/calendar/days/2025-11-24")).andExpect(jsonPath("$.kind").value("WORKDAY"));
    }

    @Test
    void fifteenWorkingDaysFromTheEveOfNationalDayEndOnTheTwentyEighthOfOctober() throws Exception {
        mvc.perform(get("/api/v1/calendar/plus-working-days").param("from", "2025-09-30").param("days", "15"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.from").value("2025-09-30"))
                .andExpect(jsonPath("$.days").value(15)).andExpect(jsonPath("$.due").value("2025-10-28"));
    }

    @Test
    void aMalformedDateOrANegativeCountIsRefusedWithAMessage() throws Exception {
        mvc.perform(get("/api/v1/calendar/days/2025-13-45")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("日期格式不正确")));
        mvc.perform(get("/api/v1/calendar/plus-working-days").param("from", "2025-09-30").param("days", "-1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("days"));
        mvc.perform(get("/api/v1/calendar/plus-working-days").param("from", "yesterday").param("days", "3"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
    }
}
