package cn.gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.Role;
import cn.gongkai.support.GongkaiAppTest;
import cn.gongkai.worklist.Deadline;
import cn.gongkai.worklist.WorkItemRequested;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar API, on the calendar seeded from the State Council notices. Days set through it lie in June 2097: far
 * enough ahead to stay editable (days before today cannot be changed), and no notice covers that year.
 */
@GongkaiAppTest
class CalendarApiTest {

    static final String PASSWORD = "Gongkai@2026";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;

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

    ResultActions setDay(String username, String date, String json) throws Exception {
        var request = put("/api/v1/calendar/days/" + date).contentType(MediaType.APPLICATION_JSON).content(json);
        return mvc.perform(username == null ? request : request.with(httpBasic(username, PASSWORD)));
    }

    @Test
    void anAdministratorMakesAFutureDayAHolidayAndResetsItToAWorkdayAnsweredAsGetAnswers() throws Exception {
        setDay("admin", "2097-06-03", "{\"kind\":\"HOLIDAY\",\"name\":\" 接口测试假日 \"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.date").value("2097-06-03"))
                .andExpect(jsonPath("$.workingDay").value(false)).andExpect(jsonPath("$.kind").value("HOLIDAY"))
                .andExpect(jsonPath("$.name").value("接口测试假日"));
        mvc.perform(get("/api/v1/calendar/days/2097-06-03")).andExpect(jsonPath("$.kind").value("HOLIDAY"))
                .andExpect(jsonPath("$.name").value("接口测试假日"));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where object_type = 'CALENDAR' "
                + "and object_id = '2097-06-03' and action = 'CALENDAR_DAY_SAVED'", Integer.class)).isEqualTo(1);

        setDay("admin", "2097-06-03", "{\"kind\":\"WORKDAY\",\"name\":\"\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("WORKDAY")).andExpect(jsonPath("$.workingDay").value(true))
                .andExpect(jsonPath("$.name").value(""));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where object_type = 'CALENDAR' "
                + "and object_id = '2097-06-03' and action = 'CALENDAR_DAY_REMOVED'", Integer.class)).isEqualTo(1);
    }

    @Test
    void aSaturdayBecomesAnAdjustedWorkingDayAndIsResetToAWeekend() throws Exception {
        setDay("admin", "2097-06-08", "{\"kind\":\"ADJUSTED_WORKING_DAY\",\"name\":\"接口测试调休\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("ADJUSTED_WORKING_DAY"))
                .andExpect(jsonPath("$.workingDay").value(true));
        setDay("admin", "2097-06-08", "{\"kind\":\"WEEKEND\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("WEEKEND")).andExpect(jsonPath("$.workingDay").value(false));
    }

    @Test
    void aDaySetThroughTheApiMovesTheDeadlinesOfOpenWork() throws Exception {
        Long agency = jdbc.queryForObject("select id from agency where code = 'SJTJ'", Long.class);
        // 2097-06-03 (Mon) + 10 working days = 2097-06-17.
        tx.executeWithoutResult(s -> events.publishEvent(new WorkItemRequested(agency, "TEST", "api-day-1", "REPLY",
                "答复申请 api-day-1", null, null, Role.OFFICE.name(), null,
                Deadline.workingDays(LocalDate.of(2097, 6, 3), 10))));
        String due = "select due_on from work_item where subject_type = 'TEST' and subject_id = 'api-day-1'";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.queryForObject(due, LocalDate.class)).isEqualTo(LocalDate.of(2097, 6, 17)));

        setDay("admin", "2097-06-10", "{\"kind\":\"HOLIDAY\",\"name\":\"接口测试假日\"}").andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.queryForObject(due, LocalDate.class)).isEqualTo(LocalDate.of(2097, 6, 18)));

        setDay("admin", "2097-06-10", "{\"kind\":\"WORKDAY\"}").andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.queryForObject(due, LocalDate.class)).isEqualTo(LocalDate.of(2097, 6, 17)));
    }

    @Test
    void aBadDateKindOrNameIsRefusedNamingTheField() throws Exception {
        setDay("admin", "2097-02-30", "{\"kind\":\"HOLIDAY\",\"name\":\"节日\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        setDay("admin", "2101-01-03", "{\"kind\":\"HOLIDAY\",\"name\":\"节日\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        setDay("admin", "2097-06-04", "{\"kind\":\"SUNNY\",\"name\":\"节日\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("HOLIDAY")));
        setDay("admin", "2097-06-04", "{\"name\":\"节日\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        // A Tuesday is reset with WORKDAY, not WEEKEND.
        setDay("admin", "2097-06-04", "{\"kind\":\"WEEKEND\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        setDay("admin", "2097-06-04", "{\"kind\":\"HOLIDAY\",\"name\":\" \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("名称")));
        setDay("admin", "2097-06-04", "{\"kind\":\"HOLIDAY\",\"name\":\"" + "节".repeat(101) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("100")));
        setDay("admin", "2097-06-04", "{\"kind\":\"WORKDAY\",\"name\":\"节日\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        setDay("admin", "2097-06-04", "{kind: HOLIDAY").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(get("/api/v1/calendar/days/2097-06-04")).andExpect(jsonPath("$.kind").value("WORKDAY"));
    }

    @Test
    void aDayBeforeTodayIsRefusedWith409AndTheRulesMessageNamingTheDate() throws Exception {
        setDay("admin", "2025-10-13", "{\"kind\":\"HOLIDAY\",\"name\":\"补假\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("calendar.day.error.past"))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("2025-10-13")))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("早于今天")));
        setDay("admin", "2025-10-01", "{\"kind\":\"WORKDAY\"}").andExpect(status().isConflict());
        mvc.perform(get("/api/v1/calendar/days/2025-10-13")).andExpect(jsonPath("$.kind").value("WORKDAY"));
        mvc.perform(get("/api/v1/calendar/days/2025-10-01")).andExpect(jsonPath("$.kind").value("HOLIDAY"));
    }

    @Test
    void onlyAnAdministratorSetsADayAndTheRefusalIsJson() throws Exception {
        setDay("staff", "2097-06-05", "{\"kind\":\"HOLIDAY\",\"name\":\"越权\"}").andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.status").value(403));
        setDay("office", "2097-06-05", "{\"kind\":\"HOLIDAY\",\"name\":\"越权\"}").andExpect(status().isForbidden());
        setDay(null, "2097-06-05", "{\"kind\":\"HOLIDAY\",\"name\":\"越权\"}").andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        mvc.perform(get("/api/v1/calendar/days/2097-06-05")).andExpect(jsonPath("$.kind").value("WORKDAY"));
    }

    @Test
    void theOpenApiDocumentDescribesSettingADayAndItsAnswers() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Map<String, Object> day = JsonPath.read(doc, "$.paths['/api/v1/calendar/days/{date}']");
        assertThat(day).containsKeys("get", "put");
        Map<String, Object> responses = JsonPath.read(doc, "$.paths['/api/v1/calendar/days/{date}'].put.responses");
        assertThat(responses).containsKeys("200", "400", "403", "409");
    }
}
