package cn.gongkai.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.gongkai.org.Role;
import cn.gongkai.security.AuthorizationMatrixTest.Scope;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The matrix's fixtures, each reached as its users would reach it: over the API and the workbench, as the demo
 * agency's staff (own department: 综合规划科, another: 运输管理科) and as a second agency's staff.
 */
final class Fixtures {

    static final String NONE = "999999999";
    static final int ANY = -1;

    private final AuthorizationMatrixTest t;
    private Long planning;
    private Long transport;
    private Long otherA;
    private Long otherB;
    private final Map<String, String> otherUsers = new LinkedHashMap<>();

    Fixtures(AuthorizationMatrixTest t) {
        this.t = t;
    }

    void make() throws Exception {
        planning = t.jdbc.queryForObject("select department_id from user_account where username = 'staff'", Long.class);
        transport = t.jdbc.queryForObject("select department_id from user_account where username = 'yunshu'",
                Long.class);
        otherA = t.other.department("业务科" + t.other.code());
        otherB = t.other.department("综合科" + t.other.code());
        otherUsers.put("staff", t.other.user("staff", otherA, Role.STAFF));
        otherUsers.put("yunshu", t.other.user("clerk", otherB, Role.STAFF));
        otherUsers.put("depthead", t.other.user("head", otherA, Role.DEPT_HEAD));
        otherUsers.put("secrecy", t.other.user("secrecy", otherA, Role.SECRECY_REVIEWER));
        otherUsers.put("leader", t.other.user("leader", otherA, Role.LEADER));
        otherUsers.put("office", t.other.user("office", otherA, Role.OFFICE));

        t.common.put("year", "2098");
        t.common.put("date", "2098-10-10");
        t.common.put("version", "1");
        t.common.put("section", "guide");
        t.common.put("kind", "third-party-consent");
        t.common.put("fileId", NONE);
        t.common.put("challengeId", NONE);
        t.common.put("consultationId", NONE);
        t.common.put("findingId", NONE);
        t.common.put("departmentId", String.valueOf(planning));
        t.common.put("yesterday", LocalDate.now().minusDays(1).toString());

        for (Scope s : Scope.values()) {
            t.put("item", s, item(s));
            t.put("request", s, request(s));
            t.put("entry", s, entry(s));
            t.put("user", s, Map.of("id", matrixUser(s)));
            t.put("department", s, Map.of("id", String.valueOf(department(s))));
        }
        for (Scope s : Scope.values()) {
            t.put("publicfile", s, Map.of("id", t.fixtures.get("entry").get(s).get("fileId")));
        }
        Map<String, String> ownEntry = t.fixtures.get("entry").get(Scope.OWN);
        t.common.put("indexNumber", ownEntry.get("indexNumber"));
        t.common.put("publicFileId", ownEntry.get("fileId"));
        Map<String, String> topic = topic("office", t.demoAgency);
        Map<String, String> otherTopic = topic(otherUsers.get("office"), t.other.id());
        t.put("topic", Scope.OWN, topic);
        t.put("topic", Scope.OTHER_DEPT, topic);
        t.put("topic", Scope.OTHER_AGENCY, otherTopic);
        Map<String, String> report = report("office", t.demoAgency);
        t.put("report", Scope.OWN, report);
        t.put("report", Scope.OTHER_DEPT, report);
        t.put("report", Scope.OTHER_AGENCY, report(otherUsers.get("office"), t.other.id()));
        Map<String, String> filing = filing("office", t.demoAgency);
        t.put("filing", Scope.OWN, filing);
        t.put("filing", Scope.OTHER_DEPT, filing);
        t.put("filing", Scope.OTHER_AGENCY, filing(otherUsers.get("office"), t.other.id()));
        t.put("notification", Scope.OWN, Map.of("id", notification(t.demoAgency)));
        t.put("notification", Scope.OTHER_DEPT, Map.of("id", notification(t.demoAgency)));
        t.put("notification", Scope.OTHER_AGENCY, Map.of("id", notification(t.other.id())));
        for (Scope s : Scope.values()) {
            t.put("coordination", s, Map.of("id", coordination(s)));
            t.put("transfer", s, Map.of("id", transfer(s)));
            t.put("opinion", s, Map.of("id", opinion(s)));
            t.put("call", s, Map.of("id", call(s)));
        }
        Map<Scope, String> tokens = new java.util.EnumMap<>(Scope.class);
        for (Scope s : Scope.values()) {
            tokens.put(s, messageForm(s));
        }
        Thread.sleep(3_100);
        for (Scope s : Scope.values()) {
            t.put("message", s, Map.of("id", message(s, tokens.get(s))));
        }
    }

    /** A public-opinion event recorded by the scope's drafter for the scope's department. */
    private String opinion(Scope s) throws Exception {
        String json = "{\"source\":\"WEIBO\",\"content\":\"矩阵测试舆情" + s + "\",\"foundAt\":\""
                + java.time.OffsetDateTime.now().minusMinutes(10) + "\",\"level\":\"GENERAL\",\"departmentId\":"
                + department(s) + "}";
        String res = body(call(drafter(s), post("/api/v1/opinion/events").contentType(MediaType.APPLICATION_JSON)
                .content(json), 201));
        return String.valueOf(((Number) JsonPath.read(res, "$.id")).longValue());
    }

    /** A 96128 call logged by the scope's drafter for the scope's department. */
    private String call(Scope s) throws Exception {
        String subject = "矩阵测试来电" + t.other.code() + s;
        call(drafter(s), post("/workbench/hotline").param("calledAt", java.time.LocalDateTime.now(
                java.time.ZoneId.of("Asia/Shanghai")).minusHours(1).withNano(0).toString()).param("subject", subject)
                .param("content", "矩阵测试").param("departmentId", String.valueOf(department(s))), 302);
        return String.valueOf(t.jdbc.queryForObject("select max(id) from hotline_call where subject = ?",
                Long.class, subject));
    }

    private String portal(Scope s) {
        return s == Scope.OTHER_AGENCY ? "/agencies/" + t.other.code() + "/portal/messages" : "/portal/messages";
    }

    private String messageForm(Scope s) throws Exception {
        String page = t.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(portal(s)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"")
                .matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no message form at " + portal(s));
        }
        return m.group(1);
    }

    /** A citizen's message left on the scope's agency's portal and assigned by its office to the scope's department. */
    private String message(Scope s, String token) throws Exception {
        String subject = "矩阵测试留言" + t.other.code() + s;
        MockHttpServletResponse res = t.mvc.perform(post(portal(s)).with(csrf()).with(r -> {
            r.setRemoteAddr("10.77.0." + (s.ordinal() + 1));
            return r;
        }).param("formToken", token).param("name", "矩阵").param("contact", "13900000000").param("subject", subject)
                .param("content", "矩阵测试").param("consent", "true")).andReturn().getResponse();
        if (res.getStatus() != 303) {
            throw new IllegalStateException("message: " + res.getStatus() + " " + body(res));
        }
        String id = String.valueOf(t.jdbc.queryForObject("select id from citizen_message where subject = ?",
                Long.class, subject));
        call(as("office", s), post("/workbench/messages/" + id + "/assign").param("departmentId",
                String.valueOf(department(s))), 302);
        return id;
    }

    /** A release coordination the scope's office sent to the land bureau about the scope's draft. */
    private String coordination(Scope s) throws Exception {
        String json = "{\"itemId\":" + t.fixtures.get("item").get(s).get("id")
                + ",\"toAgency\":\"ZRZY\",\"question\":\"矩阵测试\"}";
        String res = body(call(as("office", s), post("/api/v1/coordinations").contentType(MediaType.APPLICATION_JSON)
                .content(json), 201));
        return String.valueOf(((Number) JsonPath.read(res, "$.id")).longValue());
    }

    /** A request of the scope's agency that its office handed to the land bureau, not yet signed for. */
    private String transfer(Scope s) throws Exception {
        String tracking = request(s).get("trackingNumber");
        String res = body(call(as("office", s), post("/api/v1/requests/" + tracking + "/transfer")
                .contentType(MediaType.APPLICATION_JSON).content("{\"toAgency\":\"ZRZY\",\"reason\":\"矩阵测试\"}"),
                201));
        return String.valueOf(((Number) JsonPath.read(res, "$.id")).longValue());
    }

    private String as(String demoUser, Scope s) {
        return s == Scope.OTHER_AGENCY ? otherUsers.get(demoUser) : demoUser;
    }

    private Long department(Scope s) {
        return switch (s) {
            case OWN -> planning;
            case OTHER_DEPT -> transport;
            case OTHER_AGENCY -> otherA;
        };
    }

    private String drafter(Scope s) {
        return s == Scope.OTHER_DEPT ? "yunshu" : as("staff", s);
    }

    private String head(Scope s) {
        return s == Scope.OTHER_DEPT ? "yunshu-head" : as("depthead", s);
    }

    MockHttpServletResponse call(String username, AbstractMockHttpServletRequestBuilder<?> request, int expected)
            throws Exception {
        UserDetails principal = t.accounts.loadUserByUsername(username);
        MockHttpServletResponse res = t.mvc.perform(request.with(csrf()).with(user(principal))).andReturn()
                .getResponse();
        if (expected == ANY ? res.getStatus() >= 400 : res.getStatus() != expected) {
            throw new IllegalStateException(request + " as " + username + ": " + res.getStatus() + " "
                    + res.getContentAsString(StandardCharsets.UTF_8));
        }
        return res;
    }

    String body(MockHttpServletResponse res) throws Exception {
        return res.getContentAsString(StandardCharsets.UTF_8);
    }

    private long draft(String username, String title) throws Exception {
        String json = """
                {"title":"%s","summary":"矩阵测试","body":"矩阵测试正文。","createdOn":"%s","topic":"工业、交通",
                 "genre":"通知","attribute":"PROACTIVE","channels":["WEBSITE"],"secrecyLevel":"NONE"}"""
                .formatted(title, LocalDate.now().minusDays(1));
        String res = body(call(username, post("/api/v1/items").contentType(MediaType.APPLICATION_JSON).content(json),
                201));
        long id = ((Number) JsonPath.read(res, "$.id")).longValue();
        call(username, multipart("/api/v1/items/" + id + "/attachments").file(new MockMultipartFile("file",
                "附件.docx", DOCX, docx("矩阵测试附件正文"))), 200);
        return id;
    }

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static byte[] docx(String text) throws java.io.IOException {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
                var out = new java.io.ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        }
    }

    private Map<String, String> item(Scope s) throws Exception {
        long id = draft(drafter(s), "矩阵测试草稿" + t.other.code() + s);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("id", String.valueOf(id));
        vars.put("attachmentId", String.valueOf(t.jdbc.queryForObject(
                "select min(id) from attachment where item_id = ?", Long.class, id)));
        return vars;
    }

    private void decide(String username, long id, String json) throws Exception {
        call(username, post("/api/v1/items/" + id + "/decision").contentType(MediaType.APPLICATION_JSON)
                .content(json), 200);
    }

    private Map<String, String> entry(Scope s) throws Exception {
        long id = draft(drafter(s), "矩阵测试公开信息" + t.other.code() + s);
        call(drafter(s), post("/api/v1/items/" + id + "/submit"), 200);
        decide(head(s), id, "{\"decision\":\"APPROVED\",\"opinion\":\"同意\"}");
        decide(as("secrecy", s), id, "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}");
        decide(as("leader", s), id, "{\"decision\":\"APPROVED\"}");
        String published = body(call(as("office", s), post("/api/v1/items/" + id + "/publish"), 200));
        String indexNumber = JsonPath.read(published, "$.indexNumber");
        Long entryId = t.jdbc.queryForObject("select id from catalog_entry where index_number = ?", Long.class,
                indexNumber);
        List<Long> files = t.jdbc.queryForList("select id from catalog_attachment where entry_id = ? order by id",
                Long.class, entryId);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("id", String.valueOf(entryId));
        vars.put("indexNumber", indexNumber);
        vars.put("fileId", files.isEmpty() ? NONE : String.valueOf(files.getFirst()));
        return vars;
    }

    static final String LETTER = """
            {"channel":"LETTER","receivedOn":"%s","applicantKind":"PERSON","name":"矩阵测试申请人",
             "idType":"RESIDENT_ID","idNumber":"11010519491231002X","phone":"13800138000",
             "email":"matrix@example.cn","address":"示例市中山路1号","postcode":"650000",
             "information":{"title":"矩阵测试申请","description":"请提供矩阵测试所需信息"},
             "purpose":"测试","delivery":"EMAIL"}""";

    private Map<String, String> request(Scope s) throws Exception {
        String office = as("office", s);
        String res = body(call(office, post("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
                .content(LETTER.formatted(LocalDate.now().minusDays(1))), 201));
        String tracking = JsonPath.read(res, "$.trackingNumber");
        call(office, post("/api/v1/requests/" + tracking + "/assign").contentType(MediaType.APPLICATION_JSON)
                .content("{\"departmentId\":" + department(s) + "}"), 200);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("trackingNumber", tracking);
        vars.put("queryCode", JsonPath.read(res, "$.queryCode"));
        vars.put("id", String.valueOf(t.jdbc.queryForObject("select id from info_request where tracking_number = ?",
                Long.class, tracking)));
        vars.put("departmentId", String.valueOf(department(s)));
        return vars;
    }

    /** Accounts of the matrix's own (an administrator may reset or disable them), not the demo accounts. */
    private String matrixUser(Scope s) throws Exception {
        String username;
        if (s == Scope.OTHER_AGENCY) {
            username = t.other.user("account", otherA, Role.STAFF);
        } else {
            username = "matrix-" + t.other.code().toLowerCase() + "-" + s.name().toLowerCase().replace('_', '-');
            call("admin", post("/workbench/admin/users").param("username", username).param("displayName", "矩阵账号")
                    .param("departmentId", String.valueOf(department(s))).param("password", "Matrix2026x"), 302);
            Long id = t.jdbc.queryForObject("select id from user_account where username = ?", Long.class, username);
            call("secadmin", post("/workbench/security/users/" + id).param("roles", "STAFF"), 302);
        }
        return String.valueOf(t.jdbc.queryForObject("select id from user_account where username = ?", Long.class,
                username));
    }

    /** A fresh record of a kind, for a change that uses its record up. */
    Map<String, String> make(String kind, Scope s) throws Exception {
        return switch (kind) {
            case "item" -> item(s);
            default -> throw new IllegalArgumentException("no fresh fixture of kind " + kind);
        };
    }

    private Map<String, String> topic(String office, Long agency) throws Exception {
        String name = "矩阵子类" + Long.toString(System.nanoTime() % 100000, 36);
        call(office, post("/workbench/catalog/topics").param("topic", "工业、交通").param("name", name), 302);
        return Map.of("id", String.valueOf(t.jdbc.queryForObject(
                "select id from topic_subclass where agency_id = ? and name = ?", Long.class, agency, name)));
    }

    private Map<String, String> report(String office, Long agency) throws Exception {
        // The demo agency's 2025 report may be published already: then that one is the fixture.
        call(office, post("/workbench/reports/generate").param("year", "2025"), ANY);
        return Map.of("id", String.valueOf(t.jdbc.queryForObject(
                "select max(id) from annual_report where agency_id = ?", Long.class, agency)));
    }

    private Map<String, String> filing(String office, Long agency) throws Exception {
        call(office, post("/workbench/catalog/filings"), 302);
        Long id = t.jdbc.queryForObject("select max(id) from filing where agency_id = ?", Long.class, agency);
        return Map.of("id", id == null ? NONE : String.valueOf(id));
    }

    private String notification(Long agency) {
        Long id = t.jdbc.queryForObject("select max(n.id) from notification n join user_account u on u.id = "
                + "n.user_id where u.agency_id = ?", Long.class, agency);
        return id == null ? NONE : String.valueOf(id);
    }
}
