package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Hostile input on the request side: dates no office could have received a request on, and zip bombs offered as an
 * identity scan or as a file released to the applicant. Each is refused with 400 (or the form again) naming the field,
 * and nothing is saved.
 */
@GongkaiAppTest
class RequestHostileInputTest {

    static final String LETTER = """
            {"channel":"LETTER","receivedOn":"%s","applicantKind":"PERSON","name":"张三",
             "idType":"RESIDENT_ID","idNumber":"11010519491231002X","phone":"13800138000",
             "information":{"description":"%s"},"delivery":"EMAIL","email":"zhang@example.cn"}""";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired RequestDesk desk;
    @Autowired UserDetailsService accounts;

    StaffPrincipal as(String u) {
        return (StaffPrincipal) accounts.loadUserByUsername(u);
    }

    int requestsDescribed(String description) {
        return jdbc.queryForObject("select count(*) from info_request where info_description = ?", Integer.class,
                description);
    }

    /**
     * An OFD-looking zip (OFD.xml at its root) whose one page inflates to 150 MB of zeros from a few hundred KB: past
     * the per-entry ceiling and a thousand times its own size.
     */
    static byte[] ofdBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("OFD.xml"));
            zip.write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("Doc_0/Pages/Page_0/Content.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 150; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void aReceivedDateFromLongBeforeTheWorkCalendarIsRefusedNamingTheFieldNotAServerError() throws Exception {
        String description = "请提供1900年的档案（日期攻击）";
        mvc.perform(post("/api/v1/requests").with(httpBasic("office", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content(LETTER.formatted("1900-01-01", description)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("receivedOn"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("收到日期")));
        mvc.perform(post("/api/v1/requests").with(httpBasic("office", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content(LETTER.formatted("0001-01-01", description)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("receivedOn"));

        String page = mvc.perform(multipart("/workbench/requests").with(csrf()).with(user(as("office")))
                .param("channel", "LETTER").param("receivedOn", "1900-01-01").param("applicantKind", "PERSON")
                .param("name", "张无忌").param("idType", "RESIDENT_ID").param("idNumber", "11010519491231002X")
                .param("phone", "13800138000").param("description", description).param("delivery", "ONLINE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("“收到日期”").contains("value=\"张无忌\"").contains(description);
        assertThat(requestsDescribed(description)).isZero();
    }

    @Test
    void controlCharactersAndOverLongFieldsInARequestAre400NamingTheFieldNeverAServerError() throws Exception {
        String description = "请提供治超统计（控制字符）";
        mvc.perform(post("/api/v1/requests").with(httpBasic("office", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content(LETTER.formatted("2026-11-02", description + "\\u0000")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("description"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("控制字符")));
        mvc.perform(post("/api/v1/requests").with(httpBasic("office", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content(LETTER.formatted("2026-11-02", description)
                        .replace("\"张三\"", "\"张\\u0007三\""))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(post("/api/v1/requests").with(httpBasic("office", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content(LETTER.formatted("2026-11-02", description)
                        .replace("\"applicantKind\":\"PERSON\"", "\"applicantKind\":\"ORGANISATION\","
                                + "\"organisationKind\":\"LAW_SERVICE\",\"creditCode\":\"91350100M000100Y44\","
                                + "\"contactPerson\":\"" + "李".repeat(101) + "\""))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItem("contactPerson")));
        // A line break in the description is what people type: accepted.
        mvc.perform(post("/api/v1/requests").with(httpBasic("office", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content(LETTER.formatted("2026-11-02", description
                        + "\\n第二行"))).andExpect(status().isCreated());
        assertThat(requestsDescribed(description)).isZero();
    }

    @Test
    void aZipBombOfferedAsTheIdentityScanIsRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        String description = "请提供2025年治超执法统计（压缩炸弹）";
        String page = mvc.perform(multipart("/workbench/requests").file(new MockMultipartFile("identityScan",
                "身份证.ofd", "application/ofd", ofdBomb())).with(csrf()).with(user(as("office")))
                .param("channel", "LETTER").param("receivedOn", "2026-11-02").param("applicantKind", "PERSON")
                .param("name", "张无忌").param("idType", "RESIDENT_ID").param("idNumber", "11010519491231002X")
                .param("phone", "13800138000").param("description", description).param("delivery", "ONLINE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("“身份证明扫描件”解压后异常膨胀").contains("value=\"张无忌\"");
        assertThat(requestsDescribed(description)).isZero();
    }

    @Test
    void aZipBombOfferedAsAReleasedFileIsRefusedNamingTheFieldAndTheReplyIsNotDrafted() throws Exception {
        Receipt r = desk.receive(as("office").agencyId(), RequestChannel.ONLINE, null, new Applicant(
                ApplicantKind.PERSON, null, "吴用", IdType.RESIDENT_ID, "11010519491231002X", "13600136000", null, null,
                null, null, null, null), new Sought(null, null, "请提供道路运输处罚决定书（压缩炸弹）", null,
                Delivery.ONLINE), "applicant");
        Long id = jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class,
                r.trackingNumber());
        desk.assign(as("office"), id, as("staff").departmentId());
        mvc.perform(multipart("/api/v1/requests/" + r.trackingNumber() + "/actions")
                .file(new MockMultipartFile("action", "", MediaType.APPLICATION_JSON_VALUE,
                        "{\"action\":\"reply\",\"outcome\":\"DISCLOSED\",\"replyForm\":\"DISCLOSE\",\"text\":\"予以公开。\"}"
                                .getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("files", "决定书.ofd", "application/ofd", ofdBomb()))
                .with(httpBasic("staff", "Gongkai@2026")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("files"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("压缩炸弹")));
        assertThat(desk.get(as("office"), id).getStatus()).isEqualTo(RequestStatus.ASSIGNED);
        assertThat(jdbc.queryForObject("select count(*) from request_file where request_id = ?", Integer.class, id))
                .isZero();
    }
}
