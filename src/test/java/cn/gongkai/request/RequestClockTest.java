package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.calendar.CalendarDay;
import cn.gongkai.calendar.DayKind;
import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.org.Role;
import cn.gongkai.org.TestAgency;
import cn.gongkai.platform.PlatformClock;
import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The reply clock as the Regulations read it (Art. 30–33; 工作职责 五.4), driven through the request API in an agency of
 * its own, on the real calendar; past days are replayed with {@link PlatformClock#replayOn}.
 */
@GongkaiAppTest
class RequestClockTest {

    static final String REQUEST = """
            {"channel":"%s","receivedOn":"%s","applicantKind":"PERSON","name":"李四",
             "idType":"RESIDENT_ID","idNumber":"11010519491231002X","phone":"13800138000",
             "email":"lisi@example.cn","information":{"title":"%s","description":"请提供%s全文"},"delivery":"EMAIL"}""";

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired RequestDesk desk;
    @Autowired WorkCalendarStore calendar;

    TestAgency agency;
    String office;
    String leader;
    String staff;
    String otherStaff;
    Long planning;
    Long roads;

    @BeforeEach
    void anAgencyOfItsOwn() {
        agency = TestAgency.create(context, "期限测试局");
        Long officeDept = agency.department("办公室");
        planning = agency.department("规划科" + agency.code());
        roads = agency.department("公路科" + agency.code());
        office = agency.user("office", officeDept, Role.OFFICE);
        leader = agency.user("leader", officeDept, Role.LEADER);
        staff = agency.user("staff", planning, Role.STAFF);
        otherStaff = agency.user("staff-b", roads, Role.STAFF);
    }

    ResultActions call(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, TestAgency.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(json == null ? "{}" : json));
    }

    String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    String receive(String channel, LocalDate on, String title) throws Exception {
        String body = body(call(office, "/api/v1/requests", REQUEST.formatted(channel, on, title, title))
                .andExpect(status().isCreated()));
        return JsonPath.read(body, "$.trackingNumber");
    }

    <T> T on(LocalDate day, ThrowingSupplier<T> step) {
        return PlatformClock.replayOn(day, () -> {
            try {
                return step.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    String path(String tracking, String step) {
        return "/api/v1/requests/" + tracking + step;
    }

    Long idOf(String tracking) {
        return jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class, tracking);
    }

    LocalDate handlerDue(String tracking) {
        return jdbc.queryForObject("select due_on from work_item where subject_type = 'INFO_REQUEST' and subject_id = ?"
                + " and kind = 'HANDLE'", LocalDate.class, idOf(tracking).toString());
    }

    // ---- receipt by channel (Art. 31) ----------------------------------------------------------------------------

    @Test
    void aRegisteredLetterSignedForOnASaturdayIsReceivedThatDayAndDueFifteenWorkingDaysAfterIt() throws Exception {
        String tracking = receive("LETTER", LocalDate.of(2026, 11, 21), "2026年城市道路养护计划");
        String record = body(mvc.perform(get(path(tracking, "/record")).with(httpBasic(office, TestAgency.PASSWORD)))
                .andExpect(status().isOk()));
        assertThat((String) JsonPath.read(record, "$.receivedOn")).isEqualTo("2026-11-21");
        assertThat((String) JsonPath.read(record, "$.dueOn")).isEqualTo("2026-12-11");
        List<String> publicTexts = JsonPath.read(record, "$.timeline[?(@.step=='RECEIVED')].publicText");
        assertThat(publicTexts.getFirst()).contains("2026年11月21日（星期六）").contains("2026年12月11日");
    }

    @Test
    void anOnlineRequestSentOnASaturdayIsReceivedOnTheNextWorkingDay() throws Exception {
        String tracking = receive("ONLINE", LocalDate.of(2026, 11, 21), "2026年公交票价调整");
        String record = body(mvc.perform(get(path(tracking, "/record")).with(httpBasic(office, TestAgency.PASSWORD))));
        assertThat((String) JsonPath.read(record, "$.submittedOn")).isEqualTo("2026-11-21");
        assertThat((String) JsonPath.read(record, "$.receivedOn")).isEqualTo("2026-11-23");
        assertThat((String) JsonPath.read(record, "$.dueOn")).isEqualTo("2026-12-14");
        List<String> publicTexts = JsonPath.read(record, "$.timeline[?(@.step=='RECEIVED')].publicText");
        assertThat(publicTexts.getFirst()).contains("2026年11月21日（星期六）提交").contains("2026年11月23日");
    }

    // ---- extension (Art. 33; 工作职责 五.4) -----------------------------------------------------------------------

    @Test
    void anExtensionLongerThanTheAgencysLimitIsRefusedNamingTheLimitAndAnApprovedOneIsDatedBeforeTheOriginalDue()
            throws Exception {
        LocalDate received = LocalDate.of(2025, 6, 3);
        String tracking = on(received, () -> receive("LETTER", received, "2025年出租车运力规划"));
        on(received, () -> call(office, path(tracking, "/assign"), "{\"departmentId\":" + planning + "}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ASSIGNED")));
        // 2025-06-03 + 15 working days (端午 was 31 May – 2 June) = 2025-06-24.
        on(received, () -> call(staff, path(tracking, "/extension"), "{\"days\":16,\"reason\":\"需要调取档案\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("days"))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("15"))));
        on(received, () -> call(staff, path(tracking, "/extension"), "{\"days\":10,\"reason\":\"需要调取档案\"}")
                .andExpect(status().isOk()));
        LocalDate afterDue = LocalDate.of(2025, 6, 25);
        on(afterDue, () -> call(leader, path(tracking, "/extension/approve"), null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("request.error.extensionLate")));
        LocalDate decided = LocalDate.of(2025, 6, 20);
        String state = on(decided, () -> body(call(leader, path(tracking, "/extension/approve"), null)
                .andExpect(status().isOk())));
        assertThat((String) JsonPath.read(state, "$.dueOn")).isEqualTo("2025-07-08");
        String record = body(mvc.perform(get(path(tracking, "/record")).with(httpBasic(office, TestAgency.PASSWORD))));
        assertThat((String) JsonPath.read(record, "$.extension.approvedOn")).isEqualTo("2025-06-20");
        assertThat((String) JsonPath.read(record, "$.extension.originalDueOn")).isEqualTo("2025-06-24");
        List<String> extended = JsonPath.read(record, "$.timeline[?(@.step=='EXTENDED')].publicText");
        assertThat(extended.getFirst()).contains("10个工作日").contains("2025年7月8日").contains("需要调取档案");
    }

    @Test
    void theAgencysExtensionLimitMayNotExceedTheRegulationsTwentyWorkingDays() {
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new RequestDesk(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, 15, 15, 21)).getMessage()).contains("max-extension");
    }

    // ---- amendment (Art. 30) -------------------------------------------------------------------------------------

    @Test
    void anAmendmentNoticeListsEverythingAtOnceAndTheAmendedDateIsNeitherInTheFutureNorBeforeTheNotice()
            throws Exception {
        LocalDate received = LocalDate.of(2025, 3, 3);
        String tracking = on(received, () -> receive("LETTER", received, "某路段改造"));
        LocalDate noticed = LocalDate.of(2025, 3, 5);
        String notice = on(noticed, () -> body(call(office, path(tracking, "/amendment-notice"),
                "{\"items\":[\"请写明路段名称\",\"请写明所需文件的年份\"],\"days\":10}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AMENDMENT_REQUESTED"))));
        assertThat(notice).isNotBlank();
        String record = body(mvc.perform(get(path(tracking, "/record")).with(httpBasic(office, TestAgency.PASSWORD))));
        assertThat((String) JsonPath.read(record, "$.amendment.items")).contains("1. 请写明路段名称")
                .contains("2. 请写明所需文件的年份");
        assertThat((String) JsonPath.read(record, "$.amendment.dueOn")).isEqualTo("2025-03-19");
        on(noticed, () -> call(office, path(tracking, "/amendment-notice"), "{\"items\":[\"再补一项\"]}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("request.error.amendmentOnce")));

        on(LocalDate.of(2025, 3, 10), () -> call(office, path(tracking, "/amendment"),
                "{\"receivedOn\":\"2025-03-11\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("receivedOn")));
        on(LocalDate.of(2025, 3, 10), () -> call(office, path(tracking, "/amendment"),
                "{\"receivedOn\":\"2025-03-04\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("receivedOn"))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("补正通知"))));
        on(LocalDate.of(2025, 3, 10), () -> call(office, path(tracking, "/amendment"),
                "{\"receivedOn\":\"2025-03-07\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.dueOn").value("2025-03-28")));
    }

    @Test
    void unclearAfterAmendmentIsRefusedUnlessANoticeWasGivenAndTheAmendedRequestReceived() throws Exception {
        LocalDate day = LocalDate.of(2025, 4, 7);
        String tracking = on(day, () -> receive("LETTER", day, "某项目批复"));
        on(day, () -> call(office, path(tracking, "/assign"), "{\"departmentId\":" + planning + "}"));
        String unclear = "{\"outcome\":\"UNABLE_UNCLEAR\",\"replyForm\":\"UNCLEAR_AFTER_AMENDMENT\",\"text\":\"补正后仍不明确\"}";
        on(day, () -> call(staff, path(tracking, "/reply"), unclear).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("request.error.unclearNeedsAmendment")));

        String second = on(day, () -> receive("LETTER", day, "另一项目批复"));
        on(day, () -> call(office, path(second, "/amendment-notice"), "{\"items\":[\"请写明项目名称\"]}"));
        on(day.plusDays(2), () -> call(office, path(second, "/amendment"), "{\"receivedOn\":\"2025-04-09\"}"));
        on(day.plusDays(2), () -> call(office, path(second, "/assign"), "{\"departmentId\":" + planning + "}"));
        on(day.plusDays(3), () -> call(staff, path(second, "/reply"), unclear).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("UNABLE_UNCLEAR")));
    }

    // ---- consultations (Art. 32, 33; 协调 三) --------------------------------------------------------------------

    @Test
    void whileAConsultationRunsTheRequestAndTheHandlersWorkItemShowTheSameDueDateDayAfterDay() throws Exception {
        // Across 国庆节、中秋节 2025: 1–8 October off, Sunday 28 September and Saturday 11 October worked.
        LocalDate received = LocalDate.of(2025, 9, 22);
        String tracking = on(received, () -> receive("LETTER", received, "2025年客运站搬迁方案"));
        on(received, () -> call(office, path(tracking, "/assign"), "{\"departmentId\":" + planning + "}"));
        assertThat(on(received, () -> handlerDue(tracking))).isEqualTo(LocalDate.of(2025, 10, 17));
        LocalDate started = LocalDate.of(2025, 9, 25);
        String consulted = on(started, () -> body(call(staff, path(tracking, "/consultations"),
                "{\"party\":\"某客运有限公司\",\"kind\":\"THIRD_PARTY\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CONSULTING"))));
        assertThat((String) JsonPath.read(consulted, "$.consultation.dueOn")).isEqualTo("2025-10-22");
        Integer consultationId = JsonPath.read(consulted, "$.consultation.id");
        String other = on(started, () -> body(call(staff, path(tracking, "/consultations"),
                "{\"party\":\"市住房和城乡建设局\",\"kind\":\"OTHER_AGENCY\"}").andExpect(status().isCreated())));
        assertThat((String) JsonPath.read(other, "$.consultation.dueOn")).isEqualTo("2025-10-15");
        Integer otherId = JsonPath.read(other, "$.consultation.id");
        assertThat(jdbc.queryForObject("select due_on from work_item where subject_type = 'INFO_REQUEST' and kind = ?",
                LocalDate.class, "CONSULTATION-" + consultationId)).isEqualTo(LocalDate.of(2025, 10, 22));
        assertThat(jdbc.queryForObject("select owner_department_id from work_item where subject_type = 'INFO_REQUEST'"
                + " and kind = ?", Long.class, "CONSULTATION-" + otherId)).isEqualTo(planning);

        LocalDate previous = null;
        for (LocalDate day = started; !day.isAfter(LocalDate.of(2025, 10, 14)); day = day.plusDays(1)) {
            LocalDate d = day;
            on(d, () -> desk.refreshPausedClocks());
            String record = on(d, () -> body(mvc.perform(get(path(tracking, "/record"))
                    .with(httpBasic(staff, TestAgency.PASSWORD)))));
            LocalDate requestDue = LocalDate.parse(JsonPath.read(record, "$.dueOn"));
            assertThat(handlerDue(tracking)).as("work item on %s", d).isEqualTo(requestDue);
            if (previous != null) {
                assertThat(requestDue).as("due date on %s", d).isAfterOrEqualTo(previous);
            }
            previous = requestDue;
        }
        on(LocalDate.of(2025, 10, 13), () -> call(staff, path(tracking, "/consultations/" + otherId + "/close"),
                "{\"answer\":\"同意公开\",\"answeredOn\":\"2025-10-13\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONSULTING")));
        String closed = on(LocalDate.of(2025, 10, 14), () -> body(call(staff,
                path(tracking, "/consultations/" + consultationId + "/close"),
                "{\"answer\":\"第三方同意公开\",\"answeredOn\":\"2025-10-14\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ASSIGNED"))));
        // Not counted: 26, 28, 29, 30 September, 9, 10, 11, 13, 14 October = 9 working days.
        assertThat((String) JsonPath.read(closed, "$.dueOn")).isEqualTo("2025-10-30");
        assertThat(handlerDue(tracking)).isEqualTo(LocalDate.of(2025, 10, 30));
        assertThat(jdbc.queryForObject("select count(*) from work_item where subject_type = 'INFO_REQUEST' and "
                + "subject_id = ? and kind like 'CONSULTATION-%' and closed_at is null", Integer.class,
                idOf(tracking).toString())).isZero();
        // A day later, the clock runs again: the due date no longer moves.
        String after = on(LocalDate.of(2025, 10, 20), () -> body(mvc.perform(get(path(tracking, "/record"))
                .with(httpBasic(staff, TestAgency.PASSWORD)))));
        assertThat((String) JsonPath.read(after, "$.dueOn")).isEqualTo("2025-10-30");
    }

    @Test
    void aConsultedPartysSilenceStopsTheClockOnlyUntilItsOwnDueDate() throws Exception {
        LocalDate received = LocalDate.of(2025, 11, 3);
        String tracking = on(received, () -> receive("LETTER", received, "2025年停车场收费"));
        on(received, () -> call(office, path(tracking, "/assign"), "{\"departmentId\":" + planning + "}"));
        String c = on(received, () -> body(call(staff, path(tracking, "/consultations"),
                "{\"party\":\"市发展改革委\",\"kind\":\"OTHER_AGENCY\"}")));
        assertThat((String) JsonPath.read(c, "$.consultation.dueOn")).isEqualTo("2025-11-17");
        // 2025-11-03 + 15 = 11-24, + 10 not counted (the other agency's 10 working days) = 12-08, whenever it is asked.
        for (LocalDate day : List.of(LocalDate.of(2025, 11, 20), LocalDate.of(2025, 12, 1))) {
            String record = on(day, () -> body(mvc.perform(get(path(tracking, "/record"))
                    .with(httpBasic(staff, TestAgency.PASSWORD)))));
            assertThat((String) JsonPath.read(record, "$.dueOn")).as("on %s", day).isEqualTo("2025-12-08");
        }
    }

    @Test
    void aConsultationNeedsAKnownKindAndAParty() throws Exception {
        LocalDate day = LocalDate.of(2025, 5, 6);
        String tracking = on(day, () -> receive("LETTER", day, "某规划"));
        on(day, () -> call(office, path(tracking, "/assign"), "{\"departmentId\":" + planning + "}"));
        on(day, () -> call(staff, path(tracking, "/consultations"), "{\"party\":\"某公司\",\"kind\":\"NEIGHBOUR\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind")));
        on(day, () -> call(staff, path(tracking, "/consultations"), "{\"kind\":\"THIRD_PARTY\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("party")));
        on(day, () -> call(otherStaff, path(tracking, "/consultations"), "{\"party\":\"某公司\",\"kind\":\"THIRD_PARTY\"}")
                .andExpect(status().isNotFound()));
    }

    // ---- calendar changes move open work only ---------------------------------------------------------------------

    @Test
    void aCalendarChangeMovesAnOpenRequestsDueDateButNotAnAnsweredOnesNorItsOnTimeResult() throws Exception {
        LocalDate today = desk.today();
        String open = receive("LETTER", today, "未答复的申请");
        String answered = receive("LETTER", today, "已答复的申请");
        for (String t : List.of(open, answered)) {
            call(office, path(t, "/assign"), "{\"departmentId\":" + planning + "}").andExpect(status().isOk());
        }
        call(staff, path(answered, "/reply"), "{\"outcome\":\"DISCLOSED\",\"replyForm\":\"DISCLOSE\",\"text\":\"予以公开\"}")
                .andExpect(status().isOk());
        call(office, path(answered, "/reply/review"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPLIED"));
        LocalDate openDue = LocalDate.parse(JsonPath.read(body(mvc.perform(get(path(open, "/record"))
                .with(httpBasic(office, TestAgency.PASSWORD)))), "$.dueOn"));
        String before = body(mvc.perform(get(path(answered, "/record")).with(httpBasic(office, TestAgency.PASSWORD))));
        LocalDate holiday = calendarWorkingDayBetween(today, openDue);
        calendar.save(new CalendarDay(holiday, DayKind.HOLIDAY, "测试假日"));
        try {
            String openAfter = body(mvc.perform(get(path(open, "/record")).with(httpBasic(office, TestAgency.PASSWORD))));
            assertThat(LocalDate.parse(JsonPath.read(openAfter, "$.dueOn"))).isAfter(openDue);
            String after = body(mvc.perform(get(path(answered, "/record")).with(httpBasic(office, TestAgency.PASSWORD))));
            assertThat((String) JsonPath.read(after, "$.dueOn")).isEqualTo(JsonPath.read(before, "$.dueOn"));
            assertThat((Boolean) JsonPath.read(after, "$.reply.onTime")).isTrue();
        } finally {
            calendar.remove(holiday);
        }
    }

    private LocalDate calendarWorkingDayBetween(LocalDate from, LocalDate to) {
        LocalDate d = from.plusDays(1);
        while (!calendar.current().isWorkingDay(d) && d.isBefore(to)) {
            d = d.plusDays(1);
        }
        return d;
    }

    // ---- 一事一申请 -------------------------------------------------------------------------------------------------

    @Test
    void theOfficeSplitsARequestForUnrelatedThingsIntoRequestsWithTheirOwnNumbersCodesAndClocks() throws Exception {
        LocalDate received = LocalDate.of(2026, 11, 21);
        String tracking = receive("LETTER", received, "多项信息");
        String split = body(call(office, path(tracking, "/split"), """
                {"parts":[{"title":"道路养护计划","description":"请提供2026年道路养护计划"},
                          {"title":"公交补贴","description":"请提供2025年公交补贴发放明细"},
                          {"title":"执法统计","description":"请提供2025年交通执法统计"}]}""")
                .andExpect(status().isCreated()));
        List<String> numbers = JsonPath.read(split, "$.created[*].trackingNumber");
        List<String> codes = JsonPath.read(split, "$.created[*].queryCode");
        assertThat(numbers).hasSize(2).doesNotContain(tracking).doesNotHaveDuplicates();
        assertThat(codes).hasSize(2);
        assertThat(JsonPath.<List<String>>read(split, "$.created[*].receivedOn")).containsOnly("2026-11-21");
        assertThat(JsonPath.<List<String>>read(split, "$.created[*].dueOn")).containsOnly("2026-12-11");
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/api/v1/requests/" + numbers.get(i)).header("X-Query-Code", codes.get(i))
                    .param("code", codes.get(i))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.receivedOn").value("2026-11-21"));
        }
        String record = body(mvc.perform(get(path(tracking, "/record")).with(httpBasic(office, TestAgency.PASSWORD))));
        assertThat((String) JsonPath.read(record, "$.information.title")).isEqualTo("道路养护计划");
        List<String> splitTexts = JsonPath.read(record, "$.timeline[?(@.step=='SPLIT')].publicText");
        assertThat(splitTexts.getFirst()).contains(numbers.get(0)).contains(numbers.get(1)).contains("3件");
        String part = body(mvc.perform(get(path(numbers.get(1), "/record")).with(httpBasic(office, TestAgency.PASSWORD))));
        assertThat((String) JsonPath.read(part, "$.splitFrom")).isEqualTo(tracking);
        assertThat((String) JsonPath.read(part, "$.information.description")).isEqualTo("请提供2025年交通执法统计");
        assertThat((String) JsonPath.read(part, "$.applicant.idNumber")).isEqualTo("110105********002X");

        call(office, path(tracking, "/split"), "{\"parts\":[{\"description\":\"只有一项\"}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("parts"));
        call(staff, path(tracking, "/split"), "{\"parts\":[{\"description\":\"a\"},{\"description\":\"b\"}]}")
                .andExpect(status().isNotFound());
    }

    // ---- the API's contract -----------------------------------------------------------------------------------------

    @Test
    void theRequestApiTakesARequestFromReceiptToDeliveryAndAnswersItsStateAtEveryStep() throws Exception {
        String tracking = receive("IN_PERSON", desk.today(), "全流程申请");
        call(staff, path(tracking, "/assign"), "{\"departmentId\":" + planning + "}").andExpect(status().isNotFound());
        call(leader, path(tracking, "/assign"), "{\"departmentId\":" + planning + "}").andExpect(status().isForbidden());
        call(office, path(tracking, "/assign"), "{\"departmentId\":999999}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("departmentId"));
        call(office, path(tracking, "/assign"), "{\"departmentId\":\"规划科\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("departmentId"));
        call(office, path(tracking, "/assign"), "{\"departmentId\":" + planning + "}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ASSIGNED")).andExpect(jsonPath("$.receivedOn").exists())
                .andExpect(jsonPath("$.dueOn").exists());
        call(staff, path(tracking, "/reply"), "{\"outcome\":\"PARTIAL\",\"replyForm\":\"DISCLOSE\",\"text\":\"部分公开\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REPLY_DRAFTED"));
        call(office, path(tracking, "/reply/review"), "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AWAITING_LEADER"));
        call(office, path(tracking, "/reply/approve"), "{}").andExpect(status().isForbidden());
        call(leader, path(tracking, "/reply/approve"), "{\"approve\":false}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ASSIGNED"));
        call(staff, path(tracking, "/reply"), "{\"outcome\":\"PARTIAL\",\"replyForm\":\"DISCLOSE\",\"text\":\"部分公开\"}");
        call(office, path(tracking, "/reply/review"), null);
        call(leader, path(tracking, "/reply/approve"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPLIED"));
        call(office, path(tracking, "/deliver"), "{\"deliveredOn\":\"2099-01-01\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deliveredOn"));
        call(office, path(tracking, "/deliver"), "{\"deliveredOn\":\"12月1日\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deliveredOn"));
        call(office, path(tracking, "/deliver"), "{\"note\":\"电子邮件送达\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));

        mvc.perform(get("/api/v1/requests").with(httpBasic(office, TestAgency.PASSWORD)).param("status", "CLOSED"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].trackingNumber",
                        Matchers.hasItem(tracking)));
        mvc.perform(get("/api/v1/requests").with(httpBasic(otherStaff, TestAgency.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/requests").with(httpBasic(office, TestAgency.PASSWORD)).param("status", "DONE"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/v1/requests").with(httpBasic(office, TestAgency.PASSWORD)).param("size", "1000"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/requests")).andExpect(status().isUnauthorized());
        mvc.perform(get(path(tracking, "/record")).with(httpBasic(otherStaff, TestAgency.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get(path(tracking, "/record")).with(httpBasic("office", "Gongkai@2026")))
                .andExpect(status().isNotFound());
    }

    @Test
    void everyStepOfTheRequestApiIsInTheOpenApiDescription() throws Exception {
        String docs = body(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()));
        for (String step : List.of("", "/{trackingNumber}/record", "/{trackingNumber}/assign",
                "/{trackingNumber}/amendment-notice", "/{trackingNumber}/amendment", "/{trackingNumber}/consultations",
                "/{trackingNumber}/consultations/{consultationId}/close", "/{trackingNumber}/extension",
                "/{trackingNumber}/extension/approve", "/{trackingNumber}/reply", "/{trackingNumber}/reply/review",
                "/{trackingNumber}/reply/approve", "/{trackingNumber}/deliver", "/{trackingNumber}/split")) {
            assertThat(docs).contains("\"/api/v1/requests" + step + "\"");
        }
    }

    @Test
    void theOverdueFilterListsOpenRequestsPastTheirDueDate() throws Exception {
        LocalDate longAgo = LocalDate.of(2025, 2, 10);
        String late = on(longAgo, () -> receive("LETTER", longAgo, "逾期未答复的申请"));
        String fresh = receive("LETTER", desk.today(), "刚收到的申请");
        String overdue = body(mvc.perform(get("/api/v1/requests").with(httpBasic(office, TestAgency.PASSWORD))
                .param("overdue", "true")).andExpect(status().isOk()));
        assertThat(JsonPath.<List<String>>read(overdue, "$.items[*].trackingNumber")).contains(late)
                .doesNotContain(fresh);
        assertThat(JsonPath.<List<Boolean>>read(overdue, "$.items[*].overdue")).containsOnly(true);
    }
}
