package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Receipt mail, fees, duplicates, refusal explanations, reviews and lawsuits, statistics, and the action API. */
@GongkaiAppTest
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=3025"})
class RequestExtrasTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired RequestDesk desk;
    @Autowired RequestStatistics statistics;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

    StaffPrincipal as(String u) {
        return (StaffPrincipal) accounts.loadUserByUsername(u);
    }

    Receipt receive(String id, String description, String email) {
        return desk.receive(as("office").agencyId(), RequestChannel.ONLINE, null, new Applicant(ApplicantKind.PERSON,
                null, "周八", IdType.RESIDENT_ID, id, "13600136000", email, null, null, null, null, null),
                new Sought(null, null, description, null, Delivery.ONLINE), "applicant");
    }

    Long id(Receipt r) {
        return jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class,
                r.trackingNumber());
    }

    @Test
    void theApplicantGetsTheTrackingNumberAndQueryCodeByMail() throws Exception {
        Receipt r = receive("11010519491231002X", "请提供收费公路项目清单", "zhouba@example.cn");
        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length >= 1);
        var mail = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("zhouba@example.cn");
        assertThat(mail.getSubject()).contains(r.trackingNumber());
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).isNotBlank();
        assertThat(jdbc.queryForObject("select count(*) from info_request where query_code_hash like ?",
                Integer.class, "%" + r.queryCode() + "%")).isZero();
    }

    @Test
    void anApprovedExtensionIsSentToTheApplicantInWritingByMailAndOnTheTrackingPage() throws Exception {
        Receipt r = receive("11010519491231002X", "请提供高速公路服务区招标文件", "zhouba-ext@example.cn");
        Long id = id(r);
        desk.assign(as("office"), id, as("staff").departmentId());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/portal/track")
                .session(PortalSessions.track(mvc, r.trackingNumber(), r.queryCode())))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("extension-notice"))));
        desk.requestExtension(as("staff"), id, 10, "需要调取多年的招标档案");
        desk.approveExtension(as("leader"), id);
        InfoRequest extended = desk.get(as("office"), id);
        assertThat(extended.getExtensionApprovedOn()).isNotNull();
        assertThat(extended.getExtensionApprovedOn()).isBeforeOrEqualTo(extended.getExtensionOriginalDue());

        await().atMost(Duration.ofSeconds(10)).until(() -> java.util.Arrays.stream(smtp.getReceivedMessages())
                .anyMatch(m -> subject(m).contains("延期答复告知书")));
        var mail = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains("延期答复告知书"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("zhouba-ext@example.cn");
        var multipart = (jakarta.mail.Multipart) mail.getContent();
        boolean pdf = false;
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getContentType().toLowerCase(java.util.Locale.ROOT).contains("application/pdf")) {
                pdf = part.getInputStream().readAllBytes().length > 1000;
            }
        }
        assertThat(pdf).as("the notice is attached as PDF").isTrue();

        var session = PortalSessions.track(mvc, r.trackingNumber(), r.queryCode());
        assertThat(PortalSessions.page(mvc, session)).contains("/portal/track/extension-notice.pdf")
                .contains("需要调取多年的招标档案");
        byte[] notice = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/portal/track/extension-notice.pdf").session(session))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(notice)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s", ""))
                    .contains("第三十三条第二款").contains("10个工作日");
        }
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/portal/track/extension-notice.pdf"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
    }

    private static String subject(jakarta.mail.Message m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    @Test
    void theEleventhRequestOfAMonthMayBeChargedAndUnpaidCannotCloseBeforeItsDeadline() {
        String id = "110101199003077571";
        Receipt last = null;
        for (int i = 1; i <= 11; i++) {
            last = receive(id, "第" + i + "件：请提供不同路段的养护合同编号" + i * 7919, null);
        }
        Long requestId = id(last);
        assertThat(desk.nthThisMonth(desk.get(as("office"), requestId))).isEqualTo(11);
        assertThat(desk.chargeableFee(desk.get(as("office"), requestId))).isEqualTo(100);
        desk.notifyFee(as("office"), requestId);
        InfoRequest notified = desk.get(as("office"), requestId);
        assertThat(notified.getStatus()).isEqualTo(RequestStatus.FEE_NOTIFIED);
        assertThat(notified.getFeeYuan()).isEqualTo(100);
        assertThatThrownBy(() -> desk.closeUnpaid(as("office"), requestId)).hasMessage("request.error.feeStillOpen");
        desk.feePaid(as("office"), requestId);
        assertThat(desk.get(as("office"), requestId).getStatus()).isEqualTo(RequestStatus.RECEIVED);
        Long first = jdbc.queryForObject("select min(id) from info_request where info_description like '第1件：%'",
                Long.class);
        assertThatThrownBy(() -> desk.notifyFee(as("office"), first)).hasMessage("request.error.noFeeDue");
    }

    @Test
    void aSimilarRequestFromTheSameApplicantIsFlaggedAsAPossibleDuplicate() {
        Receipt first = receive("11010519491231002X", "请提供2025年全市公交线路调整方案全文", null);
        Receipt second = receive("11010519491231002X", "请提供2025年全市公交线路调整方案的全文。", null);
        InfoRequest flagged = desk.get(as("office"), id(second));
        assertThat(flagged.getDuplicateOf()).isNotNull();
        assertThat(first.trackingNumber()).isNotEqualTo(second.trackingNumber());
    }

    @Test
    void aRefusedApplicantMayAskForTheReasonsAndAReviewIsRecordedForTheAnnualReport() {
        Receipt r = receive("11010519491231002X", "请提供局党组会议记录", null);
        Long id = id(r);
        desk.assign(as("office"), id, as("staff").departmentId());
        desk.draftReply(as("staff"), id, Outcome.REFUSED_PROCESS, ReplyForm.REFUSE, "属于内部讨论记录。", null);
        desk.officeReview(as("office"), id, true);
        desk.leaderDecision(as("leader"), id, true);
        desk.askExplanation(as("office"), id, "请说明不予公开的法律依据");
        desk.answerExplanation(as("office"), id, "依据《条例》第十六条第二款，过程性信息可以不予公开。");
        assertThat(desk.get(as("office"), id).getExplanationAnswer()).contains("第十六条");

        Challenge c = desk.recordChallenge(as("office"), id, Challenge.Kind.REVIEW, LocalDate.now(ZoneId.of("Asia/Shanghai")),
                null, "申请人申请行政复议");
        assertThat(c.getResult()).isEqualTo(Challenge.Result.PENDING);
        desk.decideChallenge(as("office"), id, c.getId(), Challenge.Result.MAINTAINED, "复议维持");
        assertThat(desk.challenges(id)).singleElement().satisfies(x -> assertThat(x.getResult())
                .isEqualTo(Challenge.Result.MAINTAINED));

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        RequestStatistics.Figures figures = statistics.agency(as("office").agencyId(), today.minusDays(1), today);
        assertThat(figures.byOutcome()).containsKey(Outcome.REFUSED_PROCESS);
        assertThat(figures.onTime()).isEqualTo(figures.replied());
    }

    @Test
    void everyHandlingStepHasAJsonActionAndAnUnknownActionIsNamed() throws Exception {
        Receipt r = receive("11010519491231002X", "请提供出租车运价调整听证材料", null);
        mvc.perform(post("/api/v1/requests/" + r.trackingNumber() + "/actions").with(httpBasic("office", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"assign\",\"departmentId\":" + as("staff").departmentId() + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ASSIGNED"));
        mvc.perform(post("/api/v1/requests/" + r.trackingNumber() + "/actions").with(httpBasic("staff", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"action":"reply","outcome":"DISCLOSED","replyForm":"REFUSE","text":"x"}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("replyForm"));
        mvc.perform(post("/api/v1/requests/" + r.trackingNumber() + "/actions").with(httpBasic("staff", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"fly\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("action"));
        mvc.perform(post("/api/v1/requests/" + r.trackingNumber() + "/actions").with(httpBasic("yunshu", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"end-consultation\"}"))
                .andExpect(status().isNotFound());
    }
}
