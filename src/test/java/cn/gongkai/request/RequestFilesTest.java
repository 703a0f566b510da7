package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Files exchanged with one applicant: the identity scan on the portal form and the counter registration, and the files
 * released with the reply. The portal form is driven over real HTTP (Tomcat's multipart limits included), with the
 * form's minimum age lowered to one second and the per-address limit raised, as in the browser tests.
 */
@GongkaiAppTest
@TestPropertySource(properties = {"gongkai.requests.form-minimum-seconds=1",
        "gongkai.requests.portal-limit-per-hour=1000"})
class RequestFilesTest {

    static final int MB = 1024 * 1024;
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
            'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, (byte) 0x90, 'w', 'S', (byte) 0xde};
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
    static final Pattern TRACKING = Pattern.compile("id=\"tracking-number\">([^<]+)<");
    static final Pattern QUERY_CODE = Pattern.compile("id=\"query-code\">([^<]+)<");

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired RequestDesk desk;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    StaffPrincipal as(String u) {
        return (StaffPrincipal) accounts.loadUserByUsername(u);
    }

    /** A PNG of exactly {@code size} bytes: the signature and header, then a recognisable filler. */
    static byte[] png(int size) {
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) 'Q');
        System.arraycopy(PNG_SIGNATURE, 0, data, 0, PNG_SIGNATURE.length);
        return data;
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A Windows program: the MZ header and a PE signature. */
    static byte[] exe() {
        byte[] data = new byte[1024];
        data[0] = 'M';
        data[1] = 'Z';
        data[0x3c] = (byte) 0x80;
        data[0x80] = 'P';
        data[0x81] = 'E';
        return data;
    }

    static byte[] docx(String text) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        }
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    // ---- the portal form over HTTP ----------------------------------------------------------------------------------

    /** The portal form as a browser has it: the session cookie, the CSRF token and the signed form token. */
    record OpenForm(String cookie, String csrf, String formToken) {
    }

    OpenForm openForm() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/portal/apply")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String cookie = page.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0])
                .reduce((a, b) -> a + "; " + b).orElseThrow();
        return new OpenForm(cookie, find(CSRF, page.body()), find(FORM_TOKEN, page.body()));
    }

    static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in the page", pattern).isTrue();
        return m.group(1).replace("&#45;", "-").replace("&amp;", "&");
    }

    static Map<String, String> person(String name, String description) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("applicantKind", "PERSON");
        fields.put("name", name);
        fields.put("idType", "RESIDENT_ID");
        fields.put("idNumber", "11010519491231002X");
        fields.put("phone", "13800138000");
        fields.put("email", "");
        fields.put("address", "示例市中山路1号");
        fields.put("postcode", "650000");
        fields.put("title", "");
        fields.put("documentNumber", "");
        fields.put("description", description);
        fields.put("purpose", "");
        fields.put("delivery", "ONLINE");
        return fields;
    }

    /** Posts the form as multipart/form-data, with the identity scan when {@code scanName} is given. */
    HttpResponse<String> submit(OpenForm form, Map<String, String> fields, String scanName, byte[] scan)
            throws Exception {
        String boundary = "----gongkai" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", form.csrf());
        all.put("formToken", form.formToken());
        all.put("website", "");
        for (var f : all.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"identityScan\"; filename=\""
                + (scanName == null ? "" : scanName) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(scan == null ? new byte[0] : scan);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/portal/apply")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", form.cookie()).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString());
        return posted.statusCode() == 303 ? followRedirect(form, posted) : posted;
    }

    /** Post/redirect/get: the browser follows the 303 to the receipt with its session cookie. */
    HttpResponse<String> followRedirect(OpenForm form, HttpResponse<String> posted) throws Exception {
        String location = posted.headers().firstValue("location").orElseThrow();
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port).resolve(location))
                .header("Cookie", form.cookie()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the form and waits out its minimum age, as a person typing would. */
    OpenForm openFormAndType() throws Exception {
        OpenForm form = openForm();
        Thread.sleep(1_100);
        return form;
    }

    int requestsDescribed(String description) {
        return jdbc.queryForObject("select count(*) from info_request where info_description = ?", Integer.class,
                description);
    }

    Long idOf(String trackingNumber) {
        return jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class,
                trackingNumber);
    }

    // ---- identity scan ----------------------------------------------------------------------------------------------

    @Test
    void anIdentityScanOfTenMegabytesPassesAndIsStoredEncryptedNeverAsItsPlaintext() throws Exception {
        byte[] scan = png(10 * MB);
        HttpResponse<String> response = submit(openFormAndType(), person("赵敏", "请提供2025年出租车运力投放方案（附证件）"),
                "赵敏身份证.png", scan);
        assertThat(response.statusCode()).isEqualTo(200);
        String tracking = find(TRACKING, response.body());

        Map<String, Object> row = jdbc.queryForMap("select f.kind, f.content_type, f.size_bytes, f.filename_cipher, "
                + "f.data_cipher from request_file f join info_request r on r.id = f.request_id "
                + "where r.tracking_number = ?", tracking);
        assertThat(row.get("kind")).isEqualTo("IDENTITY_SCAN");
        assertThat(row.get("content_type")).isEqualTo("image/png");
        assertThat(((Number) row.get("size_bytes")).longValue()).isEqualTo(10L * MB);
        assertThat((String) row.get("filename_cipher")).startsWith("v1:").doesNotContain("赵敏").doesNotContain("png");
        byte[] stored = (byte[]) row.get("data_cipher");
        assertThat(new String(stored, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("v1:");
        assertThat(contains(stored, Arrays.copyOf(PNG_SIGNATURE, 8))).isFalse();
        assertThat(contains(stored, "QQQQQQQQQQQQQQQQ".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void anIdentityScanOverTenMegabytesIsRefusedByNameWithEverythingElseKeptAndNothingSaved() throws Exception {
        String description = "请提供2025年城市道路挖掘许可清单（超大附件）";
        HttpResponse<String> response = submit(openFormAndType(), person("钱多多", description), "scan.png",
                png(10 * MB + 1));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("“身份证明扫描件”不能超过 10 MB").contains("value=\"钱多多\"")
                .contains(description).contains("value=\"11010519491231002X\"").contains("value=\"650000\"")
                .doesNotContain("id=\"tracking-number\"");
        assertThat(requestsDescribed(description)).isZero();
    }

    @Test
    void theScanTypeComesFromTheContentAPngNamedPdfIsAPngAndAProgramNamedPdfIsRefused() throws Exception {
        HttpResponse<String> png = submit(openFormAndType(), person("孙立", "请提供公交专用道设置方案（PNG 扫描件）"),
                "scan.pdf", png(4096));
        String tracking = find(TRACKING, png.body());
        String code = find(QUERY_CODE, png.body());
        assertThat(jdbc.queryForObject("select content_type from request_file where request_id = ?", String.class,
                idOf(tracking))).isEqualTo("image/png");

        String description = "请提供公交专用道设置方案（可执行文件）";
        HttpResponse<String> program = submit(openFormAndType(), person("孙立", description), "scan.pdf", exe());
        assertThat(program.statusCode()).isEqualTo(200);
        assertThat(program.body()).contains("“身份证明扫描件”只能是 PDF、JPG、PNG 或 OFD 文件").contains("value=\"孙立\"")
                .contains(description);
        assertThat(requestsDescribed(description)).isZero();

        // The scan never reaches the applicant's tracking page or API, even after the reply.
        Long id = idOf(tracking);
        desk.assign(as("office"), id, as("staff").departmentId());
        desk.draftReply(as("staff"), id, Outcome.DISCLOSED, ReplyForm.DISCLOSE, "予以公开，见附件。", null);
        desk.officeReview(as("office"), id, true);
        Long scanId = jdbc.queryForObject("select id from request_file where request_id = ?", Long.class, id);
        mvc.perform(get("/api/v1/requests/" + tracking).header("X-Query-Code", code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.files").isEmpty());
        mvc.perform(get("/api/v1/requests/" + tracking + "/files/" + scanId).header("X-Query-Code", code))
                .andExpect(status().isNotFound());
        mvc.perform(get("/portal/track/files/" + scanId).session(PortalSessions.track(mvc, tracking, code)))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyTheHandlingDepartmentAndTheOfficeOpenTheIdentityScanAndEveryViewIsAudited() throws Exception {
        byte[] jpeg = new byte[2048];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        jpeg[3] = (byte) 0xE0;
        jpeg[6] = 'J';
        jpeg[7] = 'F';
        jpeg[8] = 'I';
        jpeg[9] = 'F';
        // The office registers a letter with the copy of the ID card that came in the envelope.
        String description = "请提供2024年度治超站执法统计（信函附身份证复印件）";
        mvc.perform(multipart("/workbench/requests").file(new MockMultipartFile("identityScan", "身份证.jpg",
                "image/jpeg", jpeg)).with(csrf()).with(user(as("office"))).param("channel", "LETTER")
                .param("receivedOn", "2025-09-30").param("applicantKind", "PERSON").param("name", "周芷若")
                .param("idType", "RESIDENT_ID").param("idNumber", "11010519491231002X").param("phone", "13800138000")
                .param("description", description).param("delivery", "ONLINE"))
                .andExpect(status().is3xxRedirection());
        Long id = jdbc.queryForObject("select id from info_request where info_description = ?", Long.class,
                description);
        desk.assign(as("office"), id, as("staff").departmentId());

        String page = mvc.perform(get("/workbench/requests/" + id).with(user(as("staff")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/workbench/requests/" + id + "/identity-scan").doesNotContain("身份证.jpg");
        byte[] opened = mvc.perform(get("/workbench/requests/" + id + "/identity-scan").with(user(as("staff"))))
                .andExpect(status().isOk()).andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                                .contentType("image/jpeg"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(opened).isEqualTo(jpeg);
        mvc.perform(get("/workbench/requests/" + id + "/identity-scan").with(user(as("office"))))
                .andExpect(status().isOk());
        mvc.perform(get("/workbench/requests/" + id + "/identity-scan").with(user(as("yunshu"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/workbench/requests/" + id + "/identity-scan").with(user(as("leader"))))
                .andExpect(status().isForbidden());
        String tracking = jdbc.queryForObject("select tracking_number from info_request where id = ?", String.class,
                id);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'IDENTITY_SCAN_VIEWED' "
                + "and object_id = ?", Integer.class, tracking)).isEqualTo(2);
    }

    @Test
    void theCounterRegistrationRefusesABadScanByNameAndKeepsWhatWasTyped() throws Exception {
        String description = "请提供2024年度治超站执法统计（错误附件）";
        String page = mvc.perform(multipart("/workbench/requests").file(new MockMultipartFile("identityScan",
                "身份证.pdf", "application/pdf", exe())).with(csrf()).with(user(as("office")))
                .param("channel", "LETTER").param("receivedOn", "2025-09-30").param("applicantKind", "PERSON")
                .param("name", "张无忌").param("idType", "RESIDENT_ID").param("idNumber", "11010519491231002X")
                .param("phone", "13800138000").param("description", description).param("delivery", "ONLINE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("“身份证明扫描件”只能是 PDF、JPG、PNG 或 OFD 文件").contains("value=\"张无忌\"")
                .contains(description);
        assertThat(requestsDescribed(description)).isZero();
    }

    // ---- files released to the applicant ----------------------------------------------------------------------------

    Receipt assigned(String description) {
        Receipt receipt = desk.receive(as("office").agencyId(), RequestChannel.ONLINE, null, new Applicant(
                ApplicantKind.PERSON, null, "吴用", IdType.RESIDENT_ID, "11010519491231002X", "13600136000", null, null,
                null, null, null, null), new Sought(null, null, description, null, Delivery.ONLINE), "applicant");
        desk.assign(as("office"), idOf(receipt.trackingNumber()), as("staff").departmentId());
        return receipt;
    }

    org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder replyWithFiles(
            String tracking, String actionJson, MockMultipartFile... files) {
        var builder = multipart("/api/v1/requests/" + tracking + "/actions").file(new MockMultipartFile("action", "",
                MediaType.APPLICATION_JSON_VALUE, actionJson.getBytes(StandardCharsets.UTF_8)));
        for (MockMultipartFile f : files) {
            builder.file(f);
        }
        return builder;
    }

    @Test
    void releasedFilesAreHiddenUntilTheReplyThenListedForTheApplicantWithTheCodeAndEveryDownloadIsAudited()
            throws Exception {
        Receipt r = assigned("请提供2025年第二季度出租车服务质量考核结果");
        String tracking = r.trackingNumber();
        byte[] docx = docx("2025年第二季度出租车服务质量考核结果：全部合格。");
        byte[] table = pdf();
        String body = mvc.perform(replyWithFiles(tracking, """
                {"action":"reply","outcome":"DISCLOSED","replyForm":"DISCLOSE","text":"予以公开，见所附文件。"}""",
                new MockMultipartFile("files", "考核结果.docx", "application/octet-stream", docx),
                new MockMultipartFile("files", "考核明细.pdf", "application/pdf", table))
                .with(httpBasic("staff", "Gongkai@2026"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPLY_DRAFTED")).andExpect(jsonPath("$.files.length()").value(2))
                .andReturn().getResponse().getContentAsString();
        Integer docxId = JsonPath.read(body, "$.files[0].id");
        assertThat((String) JsonPath.read(body, "$.files[0].contentType"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        byte[] stored = jdbc.queryForObject("select data_cipher from request_file where id = ?", byte[].class, docxId);
        assertThat(contains(stored, Arrays.copyOf(docx, 30))).isFalse();

        // Before the reply: nothing for the applicant.
        mvc.perform(get("/api/v1/requests/" + tracking).header("X-Query-Code", r.queryCode()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.files").doesNotExist());
        mvc.perform(get("/api/v1/requests/" + tracking + "/files/" + docxId).header("X-Query-Code", r.queryCode()))
                .andExpect(status().isNotFound());
        MockHttpSession citizen = PortalSessions.track(mvc, tracking, r.queryCode());
        assertThat(PortalSessions.page(mvc, citizen)).contains("id=\"status\"").doesNotContain("考核结果.docx");
        // Staff who see the request may open it; another department may not.
        mvc.perform(get("/workbench/requests/" + idOf(tracking) + "/files/" + docxId).with(user(as("office"))))
                .andExpect(status().isOk());
        mvc.perform(get("/workbench/requests/" + idOf(tracking) + "/files/" + docxId).with(user(as("yunshu"))))
                .andExpect(status().isNotFound());

        desk.officeReview(as("office"), idOf(tracking), true);

        String tracked = mvc.perform(get("/api/v1/requests/" + tracking).header("X-Query-Code", r.queryCode()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.files.length()").value(2))
                .andExpect(jsonPath("$.files[0].name").value("考核结果.docx"))
                .andReturn().getResponse().getContentAsString();
        String url = JsonPath.read(tracked, "$.files[0].url");
        assertThat(url).isEqualTo("/api/v1/requests/" + tracking + "/files/" + docxId);
        assertThat(mvc.perform(get(URI.create(url)).header("X-Query-Code", r.queryCode())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(docx);
        mvc.perform(get("/api/v1/requests/" + tracking + "/files/" + docxId).header("X-Query-Code", "WRONG999"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/requests/" + tracking + "/files/" + docxId)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/requests/" + tracking).header("X-Query-Code", "WRONG999"))
                .andExpect(status().isNotFound());

        String trackPage = PortalSessions.page(mvc, citizen);
        assertThat(trackPage).contains("考核结果.docx", "考核明细.pdf", "href=\"/portal/track/files/" + docxId + "\"")
                .doesNotContain(r.queryCode());
        assertThat(mvc.perform(get("/portal/track/files/" + docxId).session(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(docx);
        mvc.perform(get("/portal/track/files/" + docxId).session(PortalSessions.track(mvc, tracking, "WRONG999")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/portal/track/files/" + docxId)).andExpect(status().isNotFound());

        // Another request's code does not open this request's file.
        Receipt other = assigned("请提供其他信息");
        mvc.perform(get("/api/v1/requests/" + other.trackingNumber() + "/files/" + docxId)
                .header("X-Query-Code", other.queryCode())).andExpect(status().isNotFound());
        mvc.perform(get("/portal/track/files/" + docxId).session(PortalSessions.track(mvc, other.trackingNumber(),
                other.queryCode()))).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'REQUEST_FILE_DOWNLOADED' "
                + "and object_id = ?", Integer.class, tracking)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from catalog_entry where title like '%考核结果%'",
                Integer.class)).isZero();
    }

    @Test
    void aReleasedFileOverFiftyMegabytesOrNotADocumentIsRefusedNamingTheFieldAndNothingChanges() throws Exception {
        Receipt r = assigned("请提供2025年道路运输行政处罚决定书");
        String reply = """
                {"action":"reply","outcome":"DISCLOSED","replyForm":"DISCLOSE","text":"予以公开。"}""";
        mvc.perform(replyWithFiles(r.trackingNumber(), reply,
                new MockMultipartFile("files", "决定书.pdf", "application/pdf", exe()))
                .with(httpBasic("staff", "Gongkai@2026"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("files"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("按文件内容判断")));
        mvc.perform(replyWithFiles(r.trackingNumber(), reply,
                new MockMultipartFile("files", "决定书.pdf", "application/pdf", png(50 * MB + 1)))
                .with(httpBasic("staff", "Gongkai@2026"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("“向申请人提供的文件”每个不能超过 50 MB。"));
        mvc.perform(replyWithFiles(r.trackingNumber(), "{\"action\":\"extension\",\"days\":5,\"text\":\"x\"}",
                new MockMultipartFile("files", "a.pdf", "application/pdf", pdf()))
                .with(httpBasic("staff", "Gongkai@2026"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("files"));

        // On the workbench page: the refusal names the field and the reply typed is kept.
        Long id = idOf(r.trackingNumber());
        String page = mvc.perform(multipart("/workbench/requests/" + id + "/reply")
                .file(new MockMultipartFile("files", "setup.pdf", "application/pdf", exe())).with(csrf())
                .with(user(as("staff"))).param("outcome", "DISCLOSED").param("replyForm", "DISCLOSE")
                .param("text", "经审查予以公开，所附决定书为全文。")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("“向申请人提供的文件”只能是").contains("经审查予以公开，所附决定书为全文。");
        assertThat(desk.get(as("office"), id).getStatus()).isEqualTo(RequestStatus.ASSIGNED);
        assertThat(jdbc.queryForObject("select count(*) from request_file where request_id = ?", Integer.class, id))
                .isZero();

        // A PNG named .pdf is taken as the PNG it is; the department may take a file back after a return.
        mvc.perform(multipart("/workbench/requests/" + id + "/reply")
                .file(new MockMultipartFile("files", "照片.pdf", "application/pdf", png(1000))).with(csrf())
                .with(user(as("staff"))).param("outcome", "DISCLOSED").param("replyForm", "DISCLOSE")
                .param("text", "予以公开。")).andExpect(status().is3xxRedirection());
        Map<String, Object> file = jdbc.queryForMap("select id, content_type from request_file where request_id = ?",
                id);
        assertThat(file.get("content_type")).isEqualTo("image/png");
        mvc.perform(post("/api/v1/requests/" + r.trackingNumber() + "/actions").with(httpBasic("staff",
                "Gongkai@2026")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"remove-file\",\"fileId\":" + file.get("id") + "}"))
                .andExpect(status().isConflict());
        desk.officeReview(as("office"), id, false);
        mvc.perform(post("/api/v1/requests/" + r.trackingNumber() + "/actions").with(httpBasic("staff",
                "Gongkai@2026")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"remove-file\",\"fileId\":" + file.get("id") + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.files").isEmpty());
    }

    // ---- 200 concurrent submissions through the portal form -------------------------------------------------------

    @Test
    void twoHundredConcurrentValidSubmissionsThroughThePortalFormAllPersistWithDistinctTrackingNumbers()
            throws Exception {
        int n = 200;
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<OpenForm>> opening = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                opening.add(pool.submit(this::openForm));
            }
            List<OpenForm> forms = new ArrayList<>();
            for (Future<OpenForm> f : opening) {
                forms.add(f.get());
            }
            Thread.sleep(1_100); // the form's minimum age
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> submitting = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                OpenForm form = forms.get(i);
                Map<String, String> fields = person("并发" + i, "并发申请 " + run + " " + i);
                submitting.add(pool.submit(() -> {
                    start.await();
                    return submit(form, fields, null, null);
                }));
            }
            start.countDown();
            Set<String> numbers = new HashSet<>();
            for (Future<HttpResponse<String>> f : submitting) {
                HttpResponse<String> response = f.get();
                assertThat(response.statusCode()).isEqualTo(200);
                numbers.add(find(TRACKING, response.body()));
            }
            assertThat(numbers).hasSize(n);
        }
        assertThat(jdbc.queryForObject("select count(distinct tracking_number) from info_request "
                + "where info_description like ?", Integer.class, "并发申请 " + run + " %")).isEqualTo(n);
    }
}
