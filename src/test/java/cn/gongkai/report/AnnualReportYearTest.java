package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.PlatformClock;
import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The independent check of issue 5: a year (2024) of requests, reviews, lawsuits and normative documents is built
 * through the real workflows (the JSON APIs and workbench forms, on the dates they happen), the expected tables are
 * computed here from the scenario itself, and the generated report must equal them cell by cell, including
 * 一 + 二 = （七）总计 + 四 in every column. Then the report goes through approval and publication.
 */
@GongkaiAppTest
class AnnualReportYearTest {

    static final int YEAR = 2024;
    static final List<String> COLUMNS = List.of("PERSON", "COMMERCIAL_ENTERPRISE", "RESEARCH_INSTITUTION",
            "PUBLIC_INTEREST_ORGANISATION", "LAW_SERVICE", "OTHER");

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;
    @Autowired AnnualReportDesk desk;
    @Autowired cn.gongkai.request.RequestTrends trends;

    StaffPrincipal as(String username) {
        return (StaffPrincipal) accounts.loadUserByUsername(username);
    }

    static <T> T on(LocalDate day, Callable<T> step) {
        return PlatformClock.replayOn(day, () -> {
            try {
                return step.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    String perform(String username, MockHttpServletRequestBuilder request, int expected) throws Exception {
        var response = mvc.perform(request.with(user(as(username))).with(csrf())).andReturn().getResponse();
        String body = response.getContentAsString();
        assertThat(response.getStatus()).as(body.length() > 600 ? body.substring(0, 600) : body).isEqualTo(expected);
        return body;
    }

    // ---- applicants: valid identity numbers (GB 11643, GB 32100) ------------------------------------------------

    static int serial = 100;

    static String residentId() {
        return cn.gongkai.platform.ResidentId.withCheckCharacter("110105" + "19800101"
                + String.format("%03d", serial++ % 1000));
    }

    static String creditCode() {
        return cn.gongkai.org.CreditCode.withCheckCharacter("91350100MA" + String.format("%07d", serial++));
    }

    static String applicant(String column, String id) {
        if ("PERSON".equals(column)) {
            return """
                    "applicantKind":"PERSON","name":"张三","idType":"RESIDENT_ID","idNumber":"%s",""".formatted(id);
        }
        return """
                "applicantKind":"ORGANISATION","organisationKind":"%s","name":"某单位","creditCode":"%s",
                "legalRepresentative":"李四","contactPerson":"王五",""".formatted(column, creditCode());
    }

    // ---- one request through its real life ------------------------------------------------------------------

    /** What the scenario says about a request: its column, received and replied dates, outcome. */
    record Planned(String column, LocalDate received, LocalDate replied, String outcome) {
    }

    final List<Planned> planned = new ArrayList<>();

    String receive(String column, String id, LocalDate on) throws Exception {
        String json = "{\"channel\":\"LETTER\",\"receivedOn\":\"" + on + "\"," + applicant(column, id) + """
                "phone":"13800138000","email":"a@example.cn","address":"示例市中山路1号","postcode":"650000",
                "information":{"description":"请提供2024年度有关政府信息"},"delivery":"EMAIL"}""";
        String body = on(on, () -> perform("office", post("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
                .content(json), 201));
        String tracking = JsonPath.read(body, "$.trackingNumber");
        action("office", tracking, on, "{\"action\":\"assign\",\"departmentId\":" + as("staff").departmentId() + "}");
        return tracking;
    }

    String action(String username, String tracking, LocalDate on, String json) {
        return on(on, () -> perform(username, post("/api/v1/requests/" + tracking + "/actions")
                .contentType(MediaType.APPLICATION_JSON).content(json), 200));
    }

    /** A reply form that fits the outcome (cn.gongkai.request.ReplyForms). */
    static String form(String outcome) {
        return switch (outcome) {
            case "DISCLOSED", "PARTIAL" -> "DISCLOSE";
            case "REFUSED_INQUIRY" -> "SPECIAL_LAW";
            case "UNABLE_NOT_HELD" -> "NOT_EXIST";
            case "UNABLE_NEEDS_CREATION" -> "NEEDS_CREATION";
            case "UNABLE_UNCLEAR" -> "UNCLEAR_AFTER_AMENDMENT";
            case "NOT_PROCESSED_PETITION" -> "PETITION";
            case "NOT_PROCESSED_DUPLICATE" -> "REPEATED";
            case "NOT_PROCESSED_PUBLICATION" -> "PUBLICATION";
            case "NOT_PROCESSED_EXCESSIVE" -> "EXCESSIVE";
            case "NOT_PROCESSED_CONFIRMATION" -> "CONFIRMATION";
            case "OTHER" -> "OTHER";
            default -> "REFUSE";
        };
    }

    /** Department drafts, office reviews, the leader approves where needed: replied on {@code on}. */
    void reply(String tracking, LocalDate on, String outcome) {
        action("staff", tracking, on, "{\"action\":\"reply\",\"outcome\":\"" + outcome + "\",\"replyForm\":\""
                + form(outcome) + "\",\"text\":\"经审查，依法作出答复。\"}");
        String status = JsonPath.read(action("office", tracking, on,
                "{\"action\":\"office-review\",\"approve\":true}"), "$.status");
        if (outcome.startsWith("REFUSED") || outcome.equals("PARTIAL")) {
            assertThat(status).isEqualTo("AWAITING_LEADER");
            status = JsonPath.read(action("leader", tracking, on, "{\"action\":\"leader-decision\",\"approve\":true}"),
                    "$.status");
        }
        assertThat(status).isEqualTo("REPLIED");
    }

    String request(String column, LocalDate received, LocalDate replied, String outcome) throws Exception {
        String tracking = receive(column, residentId(), received);
        if ("UNABLE_UNCLEAR".equals(outcome)) {
            // Art. 30: 补正后申请内容仍不明确 only after a notice and the amended request.
            action("office", tracking, received, "{\"action\":\"amendment\",\"text\":\"请写明所需信息的名称\"}");
            action("office", tracking, received, "{\"action\":\"amended\",\"date\":\"" + received + "\"}");
        }
        if (replied != null) {
            reply(tracking, replied, outcome);
        }
        // A letter received on a holiday counts from the next working day (the API moved it).
        LocalDate effective = jdbc.queryForObject("select received_on from info_request where tracking_number = ?",
                LocalDate.class, tracking);
        planned.add(new Planned(column, effective, replied, outcome));
        return tracking;
    }

    Long idOf(String tracking) {
        return jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class, tracking);
    }

    void challenge(String tracking, String kind, LocalDate filed, String result) throws Exception {
        perform("office", post("/workbench/requests/" + idOf(tracking) + "/challenges").param("kind", kind)
                .param("filedOn", filed.toString()).param("result", result).param("text", "复议、诉讼记录"), 302);
    }

    // ---- normative documents and decisions through the publishing workflow ---------------------------------------

    long publish(String title, String genre, LocalDate formed, LocalDate published) throws Exception {
        String json = """
                {"title":"%s","summary":"年度报告测试","body":"正文","createdOn":"%s","topic":"工业、交通","genre":"%s",
                 "attribute":"PROACTIVE","channels":["WEBSITE","GAZETTE"],"secrecyLevel":"NONE","thirdPartyInvolved":false}"""
                .formatted(title, formed, genre);
        long id = on(published, () -> ((Number) JsonPath.read(perform("staff", post("/api/v1/items")
                .contentType(MediaType.APPLICATION_JSON).content(json), 201), "$.id")).longValue());
        if (List.of("规章", "行政规范性文件", "规划").contains(genre)) {
            // 三同步 三: a rule or normative document goes with its interpretation plan.
            long department = jdbc.queryForObject("select department_id from user_account where username = 'staff'",
                    Long.class);
            on(published, () -> perform("staff", put("/api/v1/items/" + id + "/interpretation-plan")
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"outline":"解读要点","forms":["TEXT"],"channels":["PORTAL"],"departmentId":%d,
                             "responsiblePerson":"张科员","timing":"同步发布"}""".formatted(department)), 200));
        }
        on(published, () -> perform("staff", post("/api/v1/items/" + id + "/submit"), 200));
        decide("depthead", id, published, "{\"decision\":\"APPROVED\",\"opinion\":\"同意\"}");
        decide("secrecy", id, published, "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}");
        decide("leader", id, published, "{\"decision\":\"APPROVED\"}");
        String index = JsonPath.read(on(published, () -> perform("office", post("/api/v1/items/" + id + "/publish"),
                200)), "$.indexNumber");
        return jdbc.queryForObject("select id from catalog_entry where index_number = ?", Long.class, index);
    }

    void decide(String username, long id, LocalDate on, String json) {
        on(on, () -> perform(username, post("/api/v1/items/" + id + "/decision")
                .contentType(MediaType.APPLICATION_JSON).content(json), 200));
    }

    void repeal(long entryId, LocalDate on) {
        on(on, () -> perform("office", post("/api/v1/catalog/entries/" + entryId + "/repeal")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"已被新文件替代\"}"), 200));
    }

    // ---- the expected tables, computed from the scenario ------------------------------------------------------

    Map<String, BigDecimal> expected(Map<String, BigDecimal> baseline, Map<String, Long> catalogDelta,
            Map<String, Long> challengeDelta) {
        Map<String, BigDecimal> cells = new HashMap<>(baseline);
        LocalDate first = LocalDate.of(YEAR, 1, 1);
        LocalDate last = LocalDate.of(YEAR, 12, 31);
        for (Planned p : planned) {
            boolean answeredBefore = p.replied() != null && p.replied().isBefore(first);
            if (p.received().isAfter(last) || answeredBefore) {
                continue;
            }
            if (p.received().isBefore(first)) {
                add(cells, "t3.CARRIED_IN." + p.column(), 1);
            } else {
                add(cells, "t3.NEW." + p.column(), 1);
            }
            if (p.replied() != null && !p.replied().isAfter(last)) {
                add(cells, "t3." + p.outcome() + "." + p.column(), 1);
            } else {
                add(cells, "t3.CARRIED_OUT." + p.column(), 1);
            }
        }
        catalogDelta.forEach((cell, n) -> add(cells, cell, n));
        challengeDelta.forEach((cell, n) -> add(cells, cell, n));
        return cells;
    }

    static void add(Map<String, BigDecimal> cells, String cell, long n) {
        cells.merge(cell, BigDecimal.valueOf(n), BigDecimal::add);
    }

    // ---- the test ------------------------------------------------------------------------------------------------

    @Test
    void theReportOfAYearBuiltThroughTheWorkflowsEqualsTheTablesComputedIndependentlyAndIsApprovedAndPublished()
            throws Exception {
        Long agency = as("office").agencyId();
        Map<String, BigDecimal> baseline = desk.computed(agency, YEAR);

        // Every outcome once, applicants cycling through all six columns, received and answered within the year.
        String[] outcomes = {"DISCLOSED", "PARTIAL", "REFUSED_STATE_SECRET", "REFUSED_LAW", "REFUSED_THREE_SECURITY",
            "REFUSED_THIRD_PARTY", "REFUSED_INTERNAL", "REFUSED_PROCESS", "REFUSED_ENFORCEMENT", "REFUSED_INQUIRY",
            "UNABLE_NOT_HELD", "UNABLE_NEEDS_CREATION", "UNABLE_UNCLEAR", "NOT_PROCESSED_PETITION",
            "NOT_PROCESSED_DUPLICATE", "NOT_PROCESSED_PUBLICATION", "NOT_PROCESSED_EXCESSIVE",
            "NOT_PROCESSED_CONFIRMATION", "OTHER"};
        List<String> trackings = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            LocalDate received = LocalDate.of(YEAR, 2 + i % 9, 5 + i);
            trackings.add(request(COLUMNS.get(i % COLUMNS.size()), received, received.plusDays(14), outcomes[i]));
        }
        // A few more of the common outcomes, so that columns hold more than one.
        trackings.add(request("PERSON", LocalDate.of(YEAR, 3, 4), LocalDate.of(YEAR, 3, 15), "DISCLOSED"));
        trackings.add(request("LAW_SERVICE", LocalDate.of(YEAR, 6, 3), LocalDate.of(YEAR, 6, 20), "PARTIAL"));
        trackings.add(request("COMMERCIAL_ENTERPRISE", LocalDate.of(YEAR, 9, 2), LocalDate.of(YEAR, 9, 12),
                "UNABLE_NOT_HELD"));

        // 其他处理 1: the amendment notice goes out within 7 working days and the amendment never comes.
        String silent = receive("PERSON", residentId(), LocalDate.of(YEAR, 4, 8));
        action("office", silent, LocalDate.of(YEAR, 4, 9), "{\"action\":\"amendment\",\"text\":\"请补充所需信息的名称\"}");
        action("office", silent, LocalDate.of(YEAR, 6, 3), "{\"action\":\"abandon\"}");
        planned.add(new Planned("PERSON", LocalDate.of(YEAR, 4, 8), LocalDate.of(YEAR, 6, 3), "OTHER_NO_AMENDMENT"));

        // 其他处理 2: one applicant's eleventh request in a month is charged, and the fee is never paid.
        String frequent = residentId();
        int sent = 0;
        for (int day = 6; day <= 16; day++) {
            LocalDate received = LocalDate.of(YEAR, 5, day);
            if (received.getDayOfWeek().getValue() > 5) {
                continue;
            }
            String tracking = receive("PERSON", frequent, received);
            planned.add(new Planned("PERSON", received, LocalDate.of(YEAR, 5, 31), "DISCLOSED"));
            reply(tracking, LocalDate.of(YEAR, 5, 31), "DISCLOSED");
            sent++;
        }
        for (int n = sent; n < 10; n++) { // make up ten in May, so that the next one is the eleventh
            String tracking = receive("PERSON", frequent, LocalDate.of(YEAR, 5, 17));
            planned.add(new Planned("PERSON", LocalDate.of(YEAR, 5, 17), LocalDate.of(YEAR, 5, 31), "DISCLOSED"));
            reply(tracking, LocalDate.of(YEAR, 5, 31), "DISCLOSED");
        }
        String charged = receive("PERSON", frequent, LocalDate.of(YEAR, 5, 20));
        action("office", charged, LocalDate.of(YEAR, 5, 21), "{\"action\":\"fee\"}");
        action("office", charged, LocalDate.of(YEAR, 7, 1), "{\"action\":\"fee-unpaid\"}");
        planned.add(new Planned("PERSON", LocalDate.of(YEAR, 5, 20), LocalDate.of(YEAR, 7, 1), "OTHER_FEE_UNPAID"));

        // Across the year boundaries: answered last year (not counted), carried in, carried out.
        request("PERSON", LocalDate.of(YEAR - 1, 11, 6), LocalDate.of(YEAR - 1, 11, 20), "DISCLOSED");
        request("RESEARCH_INSTITUTION", LocalDate.of(YEAR - 1, 12, 20), LocalDate.of(YEAR, 1, 10), "DISCLOSED");
        request("PERSON", LocalDate.of(YEAR - 1, 12, 27), null, null);
        request("PUBLIC_INTEREST_ORGANISATION", LocalDate.of(YEAR, 12, 20), LocalDate.of(YEAR + 1, 1, 8), "PARTIAL");
        request("OTHER", LocalDate.of(YEAR, 12, 25), null, null);

        // Table 四: reviews and lawsuits filed in the year, by result; one filed next year does not count.
        challenge(trackings.get(2), "REVIEW", LocalDate.of(YEAR, 4, 1), "MAINTAINED");
        challenge(trackings.get(3), "REVIEW", LocalDate.of(YEAR, 5, 1), "CORRECTED");
        challenge(trackings.get(4), "REVIEW", LocalDate.of(YEAR, 11, 1), "PENDING");
        challenge(trackings.get(5), "LAWSUIT_DIRECT", LocalDate.of(YEAR, 6, 1), "PENDING");
        challenge(trackings.get(6), "LAWSUIT_AFTER_REVIEW", LocalDate.of(YEAR, 7, 1), "OTHER");
        challenge(trackings.get(7), "REVIEW", LocalDate.of(YEAR + 1, 2, 1), "MAINTAINED");
        Map<String, Long> challengeDelta = Map.of("t4.REVIEW.MAINTAINED", 1L, "t4.REVIEW.CORRECTED", 1L,
                "t4.REVIEW.PENDING", 1L, "t4.LAWSUIT_DIRECT.PENDING", 1L, "t4.LAWSUIT_AFTER_REVIEW.OTHER", 1L);

        // Table 二: rules and normative documents issued, repealed, in force; licensing and penalty decisions.
        publish("示例市交通运输行政执法程序规定", "规章", LocalDate.of(YEAR, 3, 1), LocalDate.of(YEAR, 3, 5));
        long old = publish("关于加强道路运输管理的通知（2023）", "行政规范性文件", LocalDate.of(YEAR - 1, 6, 1),
                LocalDate.of(YEAR - 1, 6, 9));
        repeal(old, LocalDate.of(YEAR, 8, 1));
        publish("出租汽车经营服务管理办法", "行政规范性文件", LocalDate.of(YEAR, 2, 1), LocalDate.of(YEAR, 2, 6));
        long later = publish("网络预约出租汽车管理实施细则", "行政规范性文件", LocalDate.of(YEAR, 5, 6),
                LocalDate.of(YEAR, 5, 10));
        repeal(later, LocalDate.of(YEAR + 1, 3, 3));
        publish("道路运输经营许可决定（一）", "行政许可", LocalDate.of(YEAR, 4, 1), LocalDate.of(YEAR, 4, 3));
        publish("道路运输经营许可决定（二）", "行政许可", LocalDate.of(YEAR, 10, 8), LocalDate.of(YEAR, 10, 9));
        publish("无证从事道路货运经营行政处罚决定", "行政处罚", LocalDate.of(YEAR, 7, 1), LocalDate.of(YEAR, 7, 2));
        Map<String, Long> catalogDelta = Map.of("t2.RULES.ISSUED", 1L, "t2.RULES.IN_FORCE", 1L,
                "t2.NORMATIVE.ISSUED", 2L, "t2.NORMATIVE.REPEALED", 1L, "t2.NORMATIVE.IN_FORCE", 2L,
                "t2.LICENSING", 2L, "t2.PENALTY", 1L);

        Map<String, BigDecimal> expected = expected(baseline, catalogDelta, challengeDelta);

        // The office generates the report on 10 January of the next year.
        AnnualReport report = on(LocalDate.of(YEAR + 1, 1, 10), () -> desk.generate(as("office"), YEAR));
        for (String cell : ReportTables.CELLS) {
            if (cell.equals("t2.FEES")) {
                assertThat(report.value(cell)).as("fees cannot be computed").isNull();
                continue;
            }
            BigDecimal want = expected.getOrDefault(cell, BigDecimal.ZERO);
            assertThat(report.value(cell)).as(cell).isEqualByComparingTo(want);
        }
        // Totals and the check, computed here as well.
        for (String column : COLUMNS) {
            long handled = planned.stream().filter(p -> p.column().equals(column) && p.replied() != null
                    && p.replied().getYear() == YEAR).count();
            assertThat(ReportTables.table3(report::value, "HANDLED", column)).as("（七）总计 " + column)
                    .isEqualByComparingTo(BigDecimal.valueOf(handled).add(baselineHandled(baseline, column)));
        }
        assertThat(report.check()).isEmpty();
        assertThat(ReportTables.table3(report::value, "NEW", "TOTAL").add(
                ReportTables.table3(report::value, "CARRIED_IN", "TOTAL"))).isEqualByComparingTo(
                ReportTables.table3(report::value, "HANDLED", "TOTAL").add(
                        ReportTables.table3(report::value, "CARRIED_OUT", "TOTAL")));

        // The dashboard's replies by month and outcome add up to the report's table 三 for the year.
        Map<cn.gongkai.request.Outcome.Category, Long> dashboard = new HashMap<>();
        trends.repliesByMonth(agency, LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31)).values()
                .forEach(m -> m.forEach((category, n) -> dashboard.merge(category, n, Long::sum)));
        for (cn.gongkai.request.Outcome.Category category : cn.gongkai.request.Outcome.Category.values()) {
            BigDecimal inReport = BigDecimal.ZERO;
            for (cn.gongkai.request.Outcome o : cn.gongkai.request.Outcome.values()) {
                if (o.category() == category) {
                    inReport = inReport.add(ReportTables.table3(report::value, o.name(), "TOTAL"));
                }
            }
            assertThat(BigDecimal.valueOf(dashboard.getOrDefault(category, 0L))).as("dashboard " + category)
                    .isEqualByComparingTo(inReport);
        }

        Long id = report.getId();
        // The deadline (31 January for an agency) is an open work item of the office.
        assertThat(jdbc.queryForObject("select due_on from work_item where subject_type = 'ANNUAL_REPORT' and "
                + "kind = 'ANNUAL_REPORT_DEADLINE' and subject_id = ?", LocalDate.class, agency + "-" + YEAR))
                .isEqualTo(LocalDate.of(YEAR + 1, 1, 31));

        // Submission waits for the hand-entered fee amount.
        assertThatThrownBy(() -> desk.submit(as("office"), id)).hasMessage("report.error.missing");
        perform("office", post("/workbench/reports/" + id + "/figures").param("cell", "t2.FEES").param("value", "12.5"),
                302);
        perform("office", post("/workbench/reports/" + id + "/texts").param("overview", "本年度，本机关认真贯彻《条例》。")
                .param("problems", "公开质量有待提高。").param("other", "无。"), 302);
        perform("office", post("/workbench/reports/" + id + "/submit"), 302);
        // The leader returns it; the text stays.
        String page = perform("leader", post("/workbench/reports/" + id + "/decision").param("approve", "false")
                .param("reason", ""), 200);
        assertThat(page).contains("请填写退回理由");
        perform("leader", post("/workbench/reports/" + id + "/decision").param("approve", "false")
                .param("reason", "请补充培训情况"), 302);
        assertThat(desk.get(as("office"), id).getStatus()).isEqualTo(ReportStatus.DRAFT);

        // Late data: a letter received in November is registered in January; regenerating counts it, and keeps the
        // text and the fee entered by hand.
        request("PERSON", LocalDate.of(YEAR, 11, 11), null, null);
        perform("office", post("/workbench/reports/" + id + "/regenerate"), 302);
        AnnualReport regenerated = desk.get(as("office"), id);
        assertThat(regenerated.value("t3.NEW.PERSON")).isEqualByComparingTo(
                expected.get("t3.NEW.PERSON").add(BigDecimal.ONE));
        assertThat(regenerated.value("t3.CARRIED_OUT.PERSON")).isEqualByComparingTo(
                expected.getOrDefault("t3.CARRIED_OUT.PERSON", BigDecimal.ZERO).add(BigDecimal.ONE));
        assertThat(regenerated.getSectionOverview()).isEqualTo("本年度，本机关认真贯彻《条例》。");
        assertThat(regenerated.value("t2.FEES")).isEqualByComparingTo("12.5");
        assertThat(regenerated.figure("t2.FEES").getEnteredBy()).isEqualTo("office");

        // A wrong hand correction breaks the check: submission is refused and the page names the column.
        perform("office", post("/workbench/reports/" + id + "/figures").param("cell", "t3.DISCLOSED.LAW_SERVICE")
                .param("value", "99"), 302);
        page = perform("office", post("/workbench/reports/" + id + "/submit"), 200);
        assertThat(page).contains("表三校验未通过").contains("法律服务机构：一 + 二 =").contains("总计：一 + 二 =");
        assertThat(desk.get(as("office"), id).getStatus()).isEqualTo(ReportStatus.DRAFT);
        perform("office", post("/workbench/reports/" + id + "/figures").param("cell", "t3.DISCLOSED.LAW_SERVICE")
                .param("value", ""), 302);
        assertThat(desk.get(as("office"), id).check()).isEmpty();

        perform("office", post("/workbench/reports/" + id + "/submit"), 302);
        perform("office", post("/workbench/reports/" + id + "/publish"), 200); // not approved yet: refused
        perform("leader", post("/workbench/reports/" + id + "/decision").param("approve", "true"), 302);
        perform("office", post("/workbench/reports/" + id + "/publish"), 302);
        assertThat(desk.get(as("office"), id).getStatus()).isEqualTo(ReportStatus.PUBLISHED);
        assertThat(jdbc.queryForObject("select state from work_item where subject_type = 'ANNUAL_REPORT' and "
                + "kind = 'ANNUAL_REPORT_DEADLINE' and subject_id = ?", String.class, agency + "-" + YEAR))
                .isNotEqualTo("OPEN");
        assertThat(desk.versions(id)).hasSizeGreaterThanOrEqualTo(10);

        // The portal shows it as real tables with the template's labels, and serves DOCX and PDF.
        String html = mvc.perform(get("/portal/annual-report/" + YEAR)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(html).contains("<table").contains("三、本年度办理结果").contains("（七）总计")
                .contains("四、结转下年度继续办理").contains("未经复议直接起诉").contains("第二十条第（八）项")
                .contains("本年收费金额（单位：万元）").contains("12.50").contains("本年度，本机关认真贯彻《条例》。");
        assertThat(mvc.perform(get("/portal/annual-report")).andReturn().getResponse().getContentAsString())
                .contains("/portal/annual-report/" + YEAR);
        byte[] docx = mvc.perform(get("/portal/annual-report/" + YEAR + "/report.docx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(doc.getTables()).hasSize(3);
            assertThat(text.getText()).contains("二、上年结转政府信息公开申请数量").contains("行政规范性文件");
        }
        byte[] pdf = mvc.perform(get("/portal/annual-report/" + YEAR + "/report.pdf")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("三、收到和处理政府信息公开申请情况")
                    .contains("行政复议").contains("12.50*");
        }
    }

    private static BigDecimal baselineHandled(Map<String, BigDecimal> baseline, String column) {
        BigDecimal sum = BigDecimal.ZERO;
        for (cn.gongkai.request.Outcome o : cn.gongkai.request.Outcome.values()) {
            sum = sum.add(baseline.getOrDefault("t3." + o.name() + "." + column, BigDecimal.ZERO));
        }
        return sum;
    }

    @Test
    void onlyTheOfficeAndLeadersReachReportsAndDraftsNeverShowOnThePortal() throws Exception {
        perform("staff", get("/workbench/reports"), 403);
        AnnualReport draft = on(LocalDate.of(2023, 2, 1), () -> desk.generate(as("office"), 2022));
        mvc.perform(get("/portal/annual-report/2022")).andExpect(status().isNotFound());
        mvc.perform(get("/portal/annual-report/2022/report.pdf")).andExpect(status().isNotFound());
        assertThatThrownBy(() -> desk.generate(as("leader"), 2022))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> desk.decide(as("leader"), draft.getId(), true, null))
                .hasMessage("report.error.state.DRAFT");
        String page = perform("leader", get("/workbench/reports/" + draft.getId()), 200);
        assertThat(page).contains("2022年政府信息公开工作年度报告");
    }
}
