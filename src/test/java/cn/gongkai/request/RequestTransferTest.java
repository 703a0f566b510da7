package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.support.GongkaiAppTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 转交 between the demo city's agencies (依申请公开制度 四; 工作职责 五.4; Regulations Art. 36(五)): the receiving office
 * signs for the request, which is then received there on the day of signing with its own clock; the applicant gets
 * the new receipt; both timelines show the handover.
 */
@GongkaiAppTest
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=3025"})
class RequestTransferTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    static final String PASSWORD = "Gongkai@2026";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired WorkCalendarStore calendar;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService accounts;

    private ResultActions postJson(String path, String user, String json) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private String receive(String office, String description, String email) throws Exception {
        String json = """
                {"channel":"LETTER","receivedOn":"%s","applicantKind":"PERSON","name":"郑申请",
                 "idType":"RESIDENT_ID","idNumber":"11010519491231002X","phone":"13800138000",
                 "email":"%s","address":"示例市中山路1号","postcode":"650000",
                 "information":{"description":"%s"},"delivery":"EMAIL"}""".formatted(
                calendar.today().minusDays(3), email, description);
        String body = postJson("/api/v1/requests", office, json).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        return JsonPath.read(body, "$.trackingNumber");
    }

    private long requestId(String tracking) {
        return jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class, tracking);
    }

    @Test
    void theReceivingOfficeSignsForATransferredRequestWhichIsReceivedThereThatDayAndTheApplicantIsTold()
            throws Exception {
        String tracking = receive("office", "请提供城东片区用地规划条件", "zheng@example.cn");
        String sent = postJson("/api/v1/requests/" + tracking + "/transfer", "office",
                "{\"toAgency\":\"ZRZY\",\"reason\":\"用地规划条件由自然资源和规划局负责公开\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SENT"))
                .andExpect(jsonPath("$.toAgency").value("示例市自然资源和规划局")).andReturn().getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(sent, "$.id")).longValue();
        // Once handed over, not again until signed for.
        postJson("/api/v1/requests/" + tracking + "/transfer", "office", "{\"toAgency\":\"SCJG\",\"reason\":\"x\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("request.transfer.error.pending"));

        mvc.perform(get("/api/v1/request-transfers?role=received").with(httpBasic("zrzy-office", PASSWORD)))
                .andExpect(jsonPath("$[*].id", hasItem((int) id)));
        mvc.perform(get("/api/v1/request-transfers/" + id).with(httpBasic("scjg-office", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/request-transfers/" + id + "/sign").with(httpBasic("office", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/request-transfers/" + id + "/sign").with(httpBasic("zrzy-staff", PASSWORD)))
                .andExpect(status().isForbidden());

        int mailsBefore = smtp.getReceivedMessages().length;
        String signed = mvc.perform(post("/api/v1/request-transfers/" + id + "/sign")
                .with(httpBasic("zrzy-office", PASSWORD))).andExpect(status().isOk())
                // Received on the day it is signed for (交接手续), its own clock from there.
                .andExpect(jsonPath("$.receivedOn").value(calendar.today().toString()))
                .andReturn().getResponse().getContentAsString();
        String newTracking = JsonPath.read(signed, "$.trackingNumber");
        String code = JsonPath.read(signed, "$.queryCode");
        mvc.perform(get("/api/v1/requests/" + newTracking).header("X-Query-Code", code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.dueOn").value((String) JsonPath.read(signed, "$.dueOn")))
                .andExpect(jsonPath("$.timeline[*].step", hasItem("TRANSFERRED_IN")));
        // The bureau's request is its own (channel 转交), not the transport bureau's.
        assertThat(jdbc.queryForMap("select a.code, r.channel from info_request r join agency a on a.id = r.agency_id "
                + "where r.tracking_number = ?", newTracking)).containsEntry("code", "ZRZY")
                .containsEntry("channel", "TRANSFERRED");
        // The applicant gets the receiving agency's receipt.
        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length > mailsBefore);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> {
            try {
                return m.getSubject().contains(newTracking)
                        && m.getAllRecipients()[0].toString().equals("zheng@example.cn");
            } catch (Exception e) {
                return false;
            }
        })).isTrue();
        // Both timelines show the handover, in words the applicant reads on the tracking page.
        assertThat(jdbc.queryForList("select kind from request_event where request_id = ? order by id",
                String.class, requestId(tracking))).contains("TRANSFERRED", "TRANSFER_SIGNED");
        assertThat(jdbc.queryForList("select public_text from request_event where request_id = ? and kind in "
                + "('TRANSFERRED', 'TRANSFER_SIGNED') order by id", String.class, requestId(tracking)))
                .anySatisfy(t -> assertThat(t).contains("示例市自然资源和规划局"))
                .anySatisfy(t -> assertThat(t).contains(newTracking));
        assertThat(jdbc.queryForList("select kind from request_event where request_id = ? order by id",
                String.class, requestId(newTracking))).containsSubsequence("RECEIVED", "TRANSFERRED_IN");
        mvc.perform(post("/api/v1/request-transfers/" + id + "/sign").with(httpBasic("zrzy-office", PASSWORD)))
                .andExpect(status().isConflict());
    }

    @Test
    void theCitysAuthorityTransfersWhatItReceivesAndBadTransfersAreRefusedNamingTheField() throws Exception {
        String tracking = receive("city-office", "请提供某超市食品抽检结果", "wu@example.cn");
        postJson("/api/v1/requests/" + tracking + "/transfer", "city-office", "{\"toAgency\":\"NOPE\",\"reason\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("toAgency"));
        postJson("/api/v1/requests/" + tracking + "/transfer", "city-office", "{\"toAgency\":\"SZFB\",\"reason\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("toAgency"));
        postJson("/api/v1/requests/" + tracking + "/transfer", "city-office", "{\"toAgency\":\"SCJG\",\"reason\":\"\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        // Another agency's office cannot hand the authority's request anywhere: it does not find it.
        postJson("/api/v1/requests/" + tracking + "/transfer", "zrzy-office", "{\"toAgency\":\"SCJG\",\"reason\":\"x\"}")
                .andExpect(status().isNotFound());
        String sent = postJson("/api/v1/requests/" + tracking + "/transfer", "city-office",
                "{\"toAgency\":\"SCJG\",\"reason\":\"食品抽检结果由市场监督管理局负责公开\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(sent, "$.id")).longValue();
        // The market bureau's office finds it in 我的待办 and signs for it in the workbench.
        var scjg = user(accounts.loadUserByUsername("scjg-office"));
        mvc.perform(get("/workbench").with(scjg)).andExpect(content().string(
                containsString("签收转交申请：请提供某超市食品抽检结果")));
        mvc.perform(post("/workbench/request-transfers/" + id + "/sign").with(scjg).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/workbench/request-transfers/" + id).with(scjg)).andExpect(status().isOk())
                .andExpect(content().string(containsString("已签收")));
        mvc.perform(get("/workbench").with(scjg)).andExpect(content().string(
                org.hamcrest.Matchers.not(containsString("签收转交申请：请提供某超市食品抽检结果"))));
        mvc.perform(get("/api/v1/request-transfers?role=received").with(httpBasic("scjg-office", PASSWORD)))
                .andExpect(jsonPath("$[?(@.fromTrackingNumber == '" + tracking + "')].fromAgency")
                        .value(hasItem("示例市人民政府办公室")));
        mvc.perform(get("/api/v1/request-transfers?role=everything").with(httpBasic("scjg-office", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("role"));
    }
}
