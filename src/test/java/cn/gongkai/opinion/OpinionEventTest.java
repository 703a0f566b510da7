package cn.gongkai.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import cn.gongkai.worklist.Worklist;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 政务舆情回应 through the API: the level decides the clock-hour deadlines (1-hour report, 5-hour information, 24-hour
 * press conference for 重大 and 特别重大; the 48-hour answer for all), counted through nights and holidays; the
 * report, a published statement and a press conference meet them; a statement is only ever a published item.
 */
@GongkaiAppTest
class OpinionEventTest {

    static final String PASSWORD = "Gongkai@2026";
    static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired Worklist worklist;
    @Autowired UserDetailsService accounts;

    private ResultActions postJson(String path, String user, String json) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private long record(String user, String foundAt, String level, String content) throws Exception {
        String out = postJson("/api/v1/opinion/events", user, """
                {"source":"WEIBO","url":"https://weibo.example.cn/1","content":"%s","foundAt":"%s","level":"%s"}"""
                .formatted(content, foundAt, level)).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(out, "$.id")).longValue();
    }

    private long planning() {
        return jdbc.queryForObject("select department_id from user_account where username = 'depthead'", Long.class);
    }

    private List<String> openWork(String user) {
        return worklist.openFor((StaffPrincipal) accounts.loadUserByUsername(user)).stream()
                .map(Worklist.OpenWork::title).toList();
    }

    @Test
    void aMajorEventFoundLateAtNightOnAHolidayIsDueInClockHoursThroughTheNight() throws Exception {
        // 2026-10-02 and 10-03 are National Day holidays; clock hours do not wait for a working day.
        postJson("/api/v1/opinion/events", "staff", """
                {"source":"WEIBO","url":"https://weibo.example.cn/2","content":"网传某路段塌陷致多车受损",
                 "foundAt":"2026-10-02T23:30:00+08:00","level":"MAJOR"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.level").value("MAJOR"))
                .andExpect(jsonPath("$.deadlines[*].kind").value(contains("REPORT", "INFORM", "PRESS", "ANSWER")))
                .andExpect(jsonPath("$.deadlines[0].dueAt").value("2026-10-03T00:30:00+08:00"))
                .andExpect(jsonPath("$.deadlines[1].dueAt").value("2026-10-03T04:30:00+08:00"))
                .andExpect(jsonPath("$.deadlines[2].dueAt").value("2026-10-03T23:30:00+08:00"))
                .andExpect(jsonPath("$.deadlines[3].dueAt").value("2026-10-04T23:30:00+08:00"));
    }

    @Test
    void aGeneralEventGetsOnlyTheFortyEightHourAnswerAndTriageToMajorStartsTheReportFromWhenItWasFound()
            throws Exception {
        String found = OFFSET.format(OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(20));
        String out = postJson("/api/v1/opinion/events", "staff", """
                {"source":"FORUM","content":"论坛帖子质疑统计数据口径","foundAt":"%s","level":"GENERAL"}"""
                .formatted(found)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.deadlines[*].kind").value(contains("ANSWER")))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(out, "$.id")).longValue();

        // 谁主管谁发声: only the office triages; the department head cannot.
        String triage = """
                {"level":"MAJOR","departmentId":%d,"analysis":"转发量快速上升，涉及统计数据公信力","plan":"1小时内报告分管领导，5小时内发布数据说明"}"""
                .formatted(planning());
        postJson("/api/v1/opinion/events/" + id + "/triage", "depthead", triage).andExpect(status().isForbidden());
        postJson("/api/v1/opinion/events/" + id + "/triage", "office", triage).andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("MAJOR"))
                .andExpect(jsonPath("$.status").value("TRIAGED"))
                .andExpect(jsonPath("$.deadlines[*].kind").value(contains("REPORT", "INFORM", "PRESS", "ANSWER")))
                .andExpect(jsonPath("$.deadlines[0].dueAt").value(OFFSET.format(OffsetDateTime.parse(found)
                        .plusHours(1))));

        // The 1-hour report is the responsible department head's work; the 5-hour information is the office's.
        await().atMost(Duration.ofSeconds(10)).until(() -> openWork("depthead").stream()
                .anyMatch(t -> t.startsWith("重大舆情1小时内报告领导：论坛帖子质疑统计数据口径")));
        assertThat(openWork("office")).anyMatch(t -> t.startsWith("5小时内发布权威信息：论坛帖子质疑统计数据口径"));

        // A major event is not closed before it is reported.
        postJson("/api/v1/opinion/events/" + id + "/close", "office", "{\"summary\":\"已平息\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("opinion.error.closeUnreported"));

        postJson("/api/v1/opinion/events/" + id + "/report", "depthead",
                "{\"text\":\"论坛帖子质疑统计口径，已核实数据无误，拟5小时内发布说明。\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.deadlines[0].doneAt").isNotEmpty())
                .andExpect(jsonPath("$.deadlines[0].late").value(false));
        await().atMost(Duration.ofSeconds(10)).until(() -> openWork("depthead").stream()
                .noneMatch(t -> t.startsWith("重大舆情1小时内报告领导：论坛帖子质疑统计数据口径")));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList("select n.title from notification n "
                + "join user_account u on u.id = n.user_id where u.username = 'leader'", String.class).stream()
                .anyMatch(t -> t.startsWith("【舆情报告】重大：论坛帖子质疑统计数据口径")));
        postJson("/api/v1/opinion/events/" + id + "/report", "depthead", "{\"text\":\"再报\"}")
                .andExpect(status().isConflict());

        // Downgraded again: the clocks a 一般 event does not have, and not yet met, are withdrawn.
        postJson("/api/v1/opinion/events/" + id + "/triage", "office", triage.replace("MAJOR", "GENERAL"))
                .andExpect(jsonPath("$.deadlines[*].kind").value(contains("REPORT", "ANSWER")));
        assertThat(openWork("office")).noneMatch(t -> t.startsWith("5小时内发布权威信息：论坛帖子质疑统计数据口径"));
    }

    @Test
    void aStatementMustBeAPublishedItemAndMeetsTheInformationAndAnswerClocksAndClosureEndsAllWork()
            throws Exception {
        String found = OFFSET.format(OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(2));
        long id = record("staff", found, "ESPECIALLY_MAJOR", "网传统计局数据造假");
        Long agency = jdbc.queryForObject("select id from agency where code = 'SJTJ'", Long.class);
        Long unpublished = jdbc.queryForObject("select min(id) from info_item where agency_id = ? and status <> "
                + "'PUBLISHED'", Long.class, agency);
        Long published = jdbc.queryForObject("select min(id) from info_item where agency_id = ? and status = "
                + "'PUBLISHED'", Long.class, agency);

        postJson("/api/v1/opinion/events/" + id + "/responses", "office",
                "{\"kind\":\"STATEMENT\",\"text\":\"关于网传数据造假的说明\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("itemId"));
        postJson("/api/v1/opinion/events/" + id + "/responses", "office",
                "{\"kind\":\"STATEMENT\",\"text\":\"关于网传数据造假的说明\",\"itemId\":" + unpublished + "}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("opinion.error.itemNotPublished"));
        postJson("/api/v1/opinion/events/" + id + "/responses", "office",
                "{\"kind\":\"STATEMENT\",\"text\":\"关于网传数据造假的说明\",\"itemId\":" + published + "}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.event.status").value("RESPONDING"))
                // Found two hours ago: the 1-hour report is late, the 5-hour information and the answer are met.
                .andExpect(jsonPath("$.event.deadlines[0].kind").value("REPORT"))
                .andExpect(jsonPath("$.event.deadlines[0].late").value(true))
                .andExpect(jsonPath("$.event.deadlines[1].kind").value("INFORM"))
                .andExpect(jsonPath("$.event.deadlines[1].late").value(false))
                .andExpect(jsonPath("$.event.deadlines[1].doneAt").isNotEmpty())
                .andExpect(jsonPath("$.event.deadlines[3].doneAt").isNotEmpty());
        postJson("/api/v1/opinion/events/" + id + "/responses", "office",
                "{\"kind\":\"PRESS_CONFERENCE\",\"text\":\"召开新闻发布会通报核查情况\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.event.deadlines[2].doneAt").isNotEmpty());
        postJson("/api/v1/opinion/events/" + id + "/report", "office", "{\"text\":\"迟报：已核查并发布说明\"}")
                .andExpect(jsonPath("$.deadlines[0].late").value(true));
        postJson("/api/v1/opinion/events/" + id + "/close", "office", "{\"summary\":\"经核查数据无误，舆情平息\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        postJson("/api/v1/opinion/events/" + id + "/responses", "office",
                "{\"kind\":\"FOLLOW_UP\",\"text\":\"再发布\"}").andExpect(status().isConflict());

        // The timeline shows every step with its time.
        mvc.perform(get("/api/v1/opinion/events/" + id).with(httpBasic("office", PASSWORD)))
                .andExpect(jsonPath("$.timeline[*].kind").value(contains("RECORDED", "RESPONSE_STATEMENT",
                        "RESPONSE_PRESS_CONFERENCE", "REPORTED", "CLOSED")))
                .andExpect(jsonPath("$.timeline[0].at").value(containsString("+08:00")));
        await().atMost(Duration.ofSeconds(10)).until(() -> openWork("office").stream()
                .noneMatch(t -> t.contains("网传统计局数据造假")));
    }

    @Test
    void badInputIsRefusedNamingEachFieldAndOtherAgenciesAndTheSecrecyReviewerDoNotSeeTheEvent() throws Exception {
        postJson("/api/v1/opinion/events", "staff", """
                {"source":"TV","url":"javascript:alert(1)","content":"","foundAt":"昨天","level":"HUGE"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(contains("source", "url", "content", "foundAt", "level")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("舆情来源")));
        String future = OFFSET.format(OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(2));
        postJson("/api/v1/opinion/events", "staff", """
                {"source":"WEIBO","content":"未来的舆情","foundAt":"%s"}""".formatted(future))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("foundAt"));
        postJson("/api/v1/opinion/events", "staff", "{\"source\":\"WEIBO\",\"content\":[1]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("content"));

        String found = OFFSET.format(OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(5));
        long id = record("staff", found, "GENERAL", "本局事项");
        mvc.perform(get("/api/v1/opinion/events/" + id).with(httpBasic("zrzy-staff", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/opinion/events/" + id).with(httpBasic("secrecy", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/opinion/events/" + id).with(httpBasic("leader", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content").value("本局事项"));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'OPINION_RECORDED' and "
                + "object_id = ?", Long.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void theSpecialReportAndTheDailyLogAreWordDocumentsAndTheDashboardSummarisesTheMonth() throws Exception {
        java.time.ZonedDateTime foundZ = java.time.ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(30);
        long id = record("staff", OFFSET.format(foundZ), "MAJOR", "专报测试：网传统计口径调整");
        postJson("/api/v1/opinion/events/" + id + "/report", "office", "{\"text\":\"专报测试已报告\"}")
                .andExpect(status().isOk());
        org.springframework.security.core.userdetails.UserDetails office = accounts.loadUserByUsername("office");
        byte[] report = mvc.perform(get("/workbench/opinion/" + id + "/special-report.docx")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .user(office))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = docxText(report);
        assertThat(text).contains("舆情专报", "专报测试：网传统计口径调整", "1小时内报告领导", "按时", "专报测试已报告",
                "报告领导");
        byte[] log = mvc.perform(get("/workbench/opinion/log.docx").param("day", foundZ.toLocalDate().toString())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .user(office))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(docxText(log)).contains("网络舆情日志", "专报测试：网传统计口径调整", "重大");
        mvc.perform(get("/workbench/opinion/log.docx").param("day", "2026-13-40")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .user(office))).andExpect(status().isBadRequest());

        String dashboard = mvc.perform(get("/workbench/dashboard").with(org.springframework.security.test.web.servlet
                .request.SecurityMockMvcRequestPostProcessors.user(office))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        String month = java.time.YearMonth.from(foundZ).toString();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("data-month=\"" + month
                + "\">\\s*<th scope=\"row\">[^<]+</th>\\s*<td>(\\d+)</td>\\s*<td>\\d+</td>\\s*<td>\\d+</td>"
                + "\\s*<td>(\\d+)</td>").matcher(dashboard.substring(dashboard.indexOf("opinion-months")));
        assertThat(row.find()).isTrue();
        Long agency = jdbc.queryForObject("select id from agency where code = 'SJTJ'", Long.class);
        long majorThisMonth = jdbc.queryForObject("select count(*) from opinion_event where agency_id = ? and level ="
                + " 'MAJOR' and to_char(found_at at time zone 'Asia/Shanghai', 'YYYY-MM') = ?", Long.class, agency,
                month);
        assertThat(Long.parseLong(row.group(2))).isEqualTo(majorThisMonth).isPositive();
    }

    private static String docxText(byte[] docx) throws Exception {
        assertThat(docx).startsWith((byte) 'P', (byte) 'K');
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
                var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    @Test
    void screenshotsAndFilesAreCheckedByContentAndAPdfsTextIsPrivacyScanned() throws Exception {
        String found = OFFSET.format(OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(5));
        long id = record("staff", found, "GENERAL", "截图测试：网帖");
        org.springframework.security.core.userdetails.UserDetails staff = accounts.loadUserByUsername("staff");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/workbench/opinion/" + id + "/files")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "微博截图.png", "image/png", png))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .user(staff))).andExpect(status().is3xxRedirection());
        // A text file named .png is refused by its content, and nothing is kept.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/workbench/opinion/" + id + "/files")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "伪装.png", "image/png",
                        "<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .user(staff))).andExpect(status().isBadRequest())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("只接受 PDF、JPEG 或 PNG"));
        // A PDF whose text has a mobile number: kept for staff, with the finding shown.
        byte[] pdf;
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            try (var text = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(50, 700);
                text.showText("Contact 13912345678");
                text.endText();
            }
            doc.save(out);
            pdf = out.toByteArray();
        }
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/workbench/opinion/" + id + "/files")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "网帖.pdf", "application/pdf", pdf))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .user(staff))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("select filename || ' ' || content_type || ' ' || coalesce(findings, '-') from "
                + "opinion_file where event_id = ? order by id", String.class, id))
                .containsExactly("微博截图.png image/png -", "网帖.pdf application/pdf MOBILE ×1");
        String page = mvc.perform(get("/workbench/opinion/" + id).with(org.springframework.security.test.web.servlet
                .request.SecurityMockMvcRequestPostProcessors.user(staff))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("隐私检查发现：手机号码 ×1", "微博截图.png");
    }
}
