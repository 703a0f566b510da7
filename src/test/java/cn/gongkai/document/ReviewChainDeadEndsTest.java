package cn.gongkai.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** No dead ends in the review chain (issue 9, part 3): each rule on the whole application, over the API and pages. */
@GongkaiAppTest
class ReviewChainDeadEndsTest {

    static final String PASSWORD = "Gongkai@2026";
    static final String ID_NUMBER = "11010519491231002X";

    @Autowired MockMvc mvc;
    @Autowired InfoItemWorkflow workflow;
    @Autowired ReviewChains chains;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired MessageSource messages;

    StaffPrincipal as(String username) {
        return (StaffPrincipal) accounts.loadUserByUsername(username);
    }

    String message(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    static String json(String title, String body, boolean thirdParty, String secrecyLevel) {
        return """
                {"title":"%s","summary":"无死角审核","body":"%s","createdOn":"%s","topic":"工业、交通","genre":"通知",
                 "attribute":"PROACTIVE","channels":["WEBSITE"],"secrecyLevel":"%s","secrecyTerm":"5年",
                 "thirdPartyInvolved":%s}""".formatted(title, body, LocalDate.now().minusDays(1), secrecyLevel,
                thirdParty);
    }

    long create(String user, String json) throws Exception {
        String response = mvc.perform(post("/api/v1/items").with(httpBasic(user, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(response, "$.id")).longValue();
    }

    ResultActions call(String user, String path, String body) throws Exception {
        var request = post("/api/v1/items/" + path).with(httpBasic(user, PASSWORD));
        return mvc.perform(body == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    ResultActions decide(String user, long id, String body) throws Exception {
        return call(user, id + "/decision", body);
    }

    /** Drafted with an ID number in the body (and the self-review saying a third party's privacy is involved). */
    long atSecrecyStepWithAFinding(String title) throws Exception {
        long id = create("staff", json(title, "当事人张某，身份证号码" + ID_NUMBER + "，违反道路运输条例。", true, "NONE"));
        call("staff", id + "/submit", null).andExpect(status().isOk());
        decide("depthead", id, "{\"decision\":\"APPROVED\",\"opinion\":\"同意\"}").andExpect(status().isOk());
        return id;
    }

    long findingId(long id) throws Exception {
        String state = mvc.perform(get("/api/v1/items/" + id).with(httpBasic("secrecy", PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(state, "$.findings[0].id")).longValue();
    }

    String openOwner(long id) {
        Map<String, Object> w = jdbc.queryForMap("select owner_role, owner_user_id from work_item where subject_type = "
                + "'INFO_ITEM' and subject_id = ? and kind = 'HANDLE' and state = 'OPEN'", Long.toString(id));
        return w.get("owner_user_id") != null ? "user " + w.get("owner_user_id") : (String) w.get("owner_role");
    }

    // ---- 1. the secrecy step clears what it must clear, and only it ------------------------------------------------

    @Test
    void theSecrecyReviewCannotApproveWhileAScanFindingAwaitsItsConfirmationAndTheApiSaysWhy() throws Exception {
        long id = atSecrecyStepWithAFinding("无死角：身份证号待确认的处罚决定");
        mvc.perform(get("/api/v1/items/" + id).with(httpBasic("secrecy", PASSWORD)))
                .andExpect(jsonPath("$.stepBlockedBy[0].rule").value(PublicationPolicy.FINDINGS_UNCONFIRMED));
        decide("secrecy", id, "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("document.gate.findingsUnconfirmed"))
                .andExpect(jsonPath("$.message").value(containsString("保密审查制度 三、六")))
                .andExpect(jsonPath("$.message").value(containsString("确认可公开")));
        assertThat(openOwner(id)).isEqualTo("SECRECY_REVIEWER");

        call("secrecy", id + "/findings/" + findingId(id) + "/acknowledge", "{\"text\":\"当事人书面同意公示\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.findings[0].acknowledged").value(true))
                .andExpect(jsonPath("$.stepBlockedBy.length()").value(0));
        decide("secrecy", id, "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.currentStep").value("LEADER"));
    }

    @Test
    void aRedactedFindingAlsoLetsTheSecrecyReviewApprove() throws Exception {
        long id = atSecrecyStepWithAFinding("无死角：遮蔽后同意的处罚决定");
        call("secrecy", id + "/findings/" + findingId(id) + "/redact", null).andExpect(status().isOk());
        decide("secrecy", id, "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.currentStep").value("LEADER"))
                .andExpect(jsonPath("$.publicVersion.body").value(containsString("■■■■■■■■■■■■■■■■■■")));
    }

    @Test
    void theSecrecyReviewMayStillSendForDeterminationWithFindingsOpenButApprovesOnlyOnceTheyAreCleared()
            throws Exception {
        long id = atSecrecyStepWithAFinding("无死角：报审时仍有待确认内容");
        decide("secrecy", id, """
                {"decision":"APPROVED","reviewOpinion":"ESCALATE","opinion":"密级不明确","materials":"1.文本 2.申请公文"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("AWAITING_DETERMINATION"));
        call("secrecy", id + "/findings/" + findingId(id) + "/acknowledge", "{\"text\":\"报审中\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("document.error.notAtSecrecyStep"));
        call("secrecy", id + "/determination/answer", "{\"level\":\"NONE\",\"answer\":\"不属于国家秘密\"}")
                .andExpect(status().isOk());
        decide("secrecy", id, "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("document.gate.findingsUnconfirmed"));
    }

    @Test
    void findingsAreConfirmedAndRedactionsAddedOnlyAtTheSecrecyStepByTheConfidentialityReviewer() throws Exception {
        long id = create("staff", json("无死角：区分处理只在保密审查环节", "联系人手机13800138000。", true, "NONE"));
        call("staff", id + "/submit", null).andExpect(status().isOk());
        long finding = findingId(id);
        // At the department head's step: not yet.
        call("secrecy", id + "/findings/" + finding + "/redact", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("document.error.notAtSecrecyStep"));
        call("secrecy", id + "/redactions", "{\"text\":\"联系人\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("document.error.notAtSecrecyStep"));
        decide("depthead", id, "{\"decision\":\"APPROVED\"}").andExpect(status().isOk());
        // At the secrecy step: only the confidentiality reviewer.
        call("office", id + "/findings/" + finding + "/acknowledge", "{\"text\":\"可以\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("document.error.notAllowed"));
        call("office", id + "/redactions", "{\"text\":\"联系人\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("document.error.notAllowed"));
        call("secrecy", id + "/redactions", "{\"text\":\"联系人\"}").andExpect(status().isOk());
        call("secrecy", id + "/findings/" + finding + "/redact", null).andExpect(status().isOk());
        decide("secrecy", id, "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}").andExpect(status().isOk());
        // After it: no longer.
        call("secrecy", id + "/redactions", "{\"text\":\"手机\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("document.error.notAtSecrecyStep"));
    }

    @Test
    void theWorkbenchTellsTheSecrecyReviewerWhyApprovingIsRefused() throws Exception {
        long id = atSecrecyStepWithAFinding("无死角：页面说明不能同意的原因");
        String page = mvc.perform(get("/workbench/items/" + id).with(user(as("secrecy")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"step-refusals\"", "aria-describedby=\"step-refusals\"",
                "data-rule=\"document.gate.findingsUnconfirmed\"", message("document.finding.acknowledge"));
        String refused = mvc.perform(post("/workbench/items/" + id + "/decision").with(csrf())
                .with(user(as("secrecy"))).param("decision", "APPROVED").param("reviewOpinion", "PROACTIVE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains(message("document.gate.findingsUnconfirmed"));
        assertThat(workflow.get(as("secrecy"), id).getCurrentStep()).isEqualTo(1);
    }

    // ---- 2. the office can always send an approved item back ----------------------------------------------------

    @Test
    void theOfficeReturnsAnApprovedItemItCannotPublishToTheDrafterWithAReason() throws Exception {
        long id = create("staff", json("无死角：标密后被退回的预案", "应急运力编组。", false, "CONFIDENTIAL"));
        call("staff", id + "/submit", null).andExpect(status().isOk());
        decide("depthead", id, "{\"decision\":\"APPROVED\"}").andExpect(status().isOk());
        decide("secrecy", id, "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}").andExpect(status().isOk());
        decide("leader", id, "{\"decision\":\"APPROVED\"}").andExpect(status().isOk());
        call("office", id + "/publish", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value(PublicationPolicy.SECRET));
        assertThat(openOwner(id)).isEqualTo("OFFICE");

        decide("staff", id, "{\"decision\":\"RETURNED\",\"opinion\":\"不发了\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("document.error.notYourStep"));
        decide("office", id, "{\"decision\":\"RETURNED\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("document.error.returnReason"));
        decide("office", id, "{\"decision\":\"RETURNED\",\"opinion\":\"标有秘密级，须先解密或更正密级\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.history[3].step").value("OFFICE"))
                .andExpect(jsonPath("$.history[3].decision").value("RETURNED"))
                .andExpect(jsonPath("$.history[3].opinion").value("标有秘密级，须先解密或更正密级"));
        assertThat(openOwner(id)).isEqualTo("user " + as("staff").id());
    }

    @Test
    void theOfficeSeesAReturnFormOnAnApprovedItemAndUsesIt() throws Exception {
        long id = create("staff", json("无死角：页面退回的待发布信息", "正文。", false, "NONE"));
        call("staff", id + "/submit", null).andExpect(status().isOk());
        decide("depthead", id, "{\"decision\":\"APPROVED\"}").andExpect(status().isOk());
        decide("secrecy", id, "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}").andExpect(status().isOk());
        decide("leader", id, "{\"decision\":\"APPROVED\"}").andExpect(status().isOk());
        String page = mvc.perform(get("/workbench/items/" + id).with(user(as("office")))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("return-before-publication", message("document.returnBeforePublication"));
        mvc.perform(post("/workbench/items/" + id + "/decision").with(csrf()).with(user(as("office")))
                .param("decision", "RETURNED").param("opinion", "附件版本不对，请更正")).andExpect(status().is3xxRedirection());
        assertThat(workflow.get(as("staff"), id).getStatus()).isEqualTo(ItemStatus.RETURNED);
    }

    // ---- steps nobody could take ------------------------------------------------------------------------------

    @Test
    void aDepartmentHeadsOwnDraftPassesTheDepartmentStepAndGoesStraightToTheConfidentialityReview() throws Exception {
        long id = create("depthead", json("无死角：科室负责人自拟的通知", "正文。", false, "NONE"));
        call("depthead", id + "/submit", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.currentStep").value("SECRECY_REVIEWER"))
                .andExpect(jsonPath("$.history[0].step").value("DEPT_HEAD"))
                .andExpect(jsonPath("$.history[0].reviewer").value("depthead"))
                .andExpect(jsonPath("$.history[0].decision").value("APPROVED"));
        assertThat(openOwner(id)).isEqualTo("SECRECY_REVIEWER");
    }

    @Test
    void aDraftWhoseDepartmentHasNoHeadToReviewItIsNotSubmittedIntoADeadEnd() throws Exception {
        // 局办公室 has no 科室负责人 among the demo accounts.
        long id = create("office", json("无死角：局办公室自拟的通知", "正文。", false, "NONE"));
        call("office", id + "/submit", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("document.error.noReviewer.DEPT_HEAD"))
                .andExpect(jsonPath("$.message").value(containsString("科室负责人")));
        assertThat(workflow.get(as("office"), id).getStatus()).isEqualTo(ItemStatus.DRAFT);
    }

    @Test
    void anItemInReviewKeepsTheChainItWasSubmittedIntoWhenTheAdministratorChangesIt() throws Exception {
        long id = create("staff", json("无死角：审核中变更流程", "正文。", false, "NONE"));
        call("staff", id + "/submit", null).andExpect(status().isOk());
        decide("depthead", id, "{\"decision\":\"APPROVED\"}").andExpect(status().isOk());
        Long agency = as("office").agencyId();
        try {
            chains.set(agency, new ReviewChain(List.of(Role.SECRECY_REVIEWER)));
            decide("secrecy", id, "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}")
                    .andExpect(status().isOk()).andExpect(jsonPath("$.currentStep").value("LEADER"));
            decide("leader", id, "{\"decision\":\"APPROVED\"}").andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("APPROVED"));
            call("office", id + "/publish", null).andExpect(status().isOk());
        } finally {
            chains.set(agency, ReviewChain.DEFAULT);
        }
    }

    // ---- 4. the drafter's scan, and the leader's view of the public version ------------------------------------

    @Test
    void theDrafterScansBeforeSubmittingAndSeesTheFindingsWithoutSubmittingAnything() throws Exception {
        long id = create("staff", json("无死角：提交前扫描", "联系电话13800138000。", true, "NONE"));
        call("staff", id + "/scan", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[0].type").value("MOBILE"))
                .andExpect(jsonPath("$.findings[0].value").value("138****8000"))
                .andExpect(jsonPath("$.scanContradictsSelfReview").value(false));
        mvc.perform(get("/api/v1/items/" + id).with(httpBasic("staff", PASSWORD)))
                .andExpect(jsonPath("$.status").value("DRAFT")).andExpect(jsonPath("$.findings.length()").value(0));
        call("leader", id + "/scan", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("document.error.notDrafter"));
        String page = mvc.perform(post("/workbench/items/" + id + "/scan").with(csrf()).with(user(as("staff"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("scan-findings", "<code>138****8000</code>", message("document.scan.title"));
    }

    @Test
    void aScanThatContradictsTheSelfReviewHoldsSubmissionUntilTheDrafterAcknowledgesTheWarning() throws Exception {
        long id = create("staff", json("无死角：自审称不涉及个人隐私", "当事人身份证号码" + ID_NUMBER + "。", false, "NONE"));
        call("staff", id + "/scan", null).andExpect(jsonPath("$.scanContradictsSelfReview").value(true))
                .andExpect(jsonPath("$.warning.rule").value(PublicationPolicy.SCAN_CONTRADICTS_SELF_REVIEW));
        call("staff", id + "/submit", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("document.gate.scanContradictsSelfReview"))
                .andExpect(jsonPath("$.message").value(containsString("同步自审")));
        call("staff", id + "/submit", "{\"acknowledgeScanWarning\":false}").andExpect(status().isConflict());

        String page = mvc.perform(post("/workbench/items/" + id + "/submit").with(csrf()).with(user(as("staff"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"acknowledgeScanWarning\"", message("document.scan.acknowledge"),
                "110105********002X");
        assertThat(workflow.get(as("staff"), id).getStatus()).isEqualTo(ItemStatus.DRAFT);
        mvc.perform(post("/workbench/items/" + id + "/submit").with(csrf()).with(user(as("staff")))
                .param("acknowledgeScanWarning", "true")).andExpect(status().is3xxRedirection());
        assertThat(workflow.get(as("staff"), id).getStatus()).isEqualTo(ItemStatus.IN_REVIEW);
    }

    @Test
    void aSecrecyMarkingInAnItemSelfReviewedAsUnmarkedAlsoAsksForTheAcknowledgement() throws Exception {
        long id = create("staff", json("无死角：正文带密级标志", "秘密★5年 内部事项。", false, "NONE"));
        call("staff", id + "/submit", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("document.gate.scanContradictsSelfReview"));
        call("staff", id + "/submit", "{\"acknowledgeScanWarning\":true}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));
    }

    @Test
    void theDecidingLeaderSeesThePublicVersionAfterRedactionBeforeApproving() throws Exception {
        long id = atSecrecyStepWithAFinding("无死角：领导审核公开版本");
        call("secrecy", id + "/findings/" + findingId(id) + "/redact", null).andExpect(status().isOk());
        call("secrecy", id + "/redactions", "{\"text\":\"张某\"}").andExpect(status().isOk());
        decide("secrecy", id, "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}").andExpect(status().isOk());

        String page = mvc.perform(get("/workbench/items/" + id).with(user(as("leader")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String section = page.substring(page.indexOf("class=\"public-version\""));
        section = section.substring(0, section.indexOf("</section>"));
        assertThat(section).contains(message("document.publicVersion"),
                "当事人■■，身份证号码■■■■■■■■■■■■■■■■■■，违反道路运输条例。").doesNotContain(ID_NUMBER).doesNotContain("张某");
        String secrecyPage = mvc.perform(get("/workbench/items/" + id).with(user(as("secrecy")))).andReturn()
                .getResponse().getContentAsString();
        assertThat(secrecyPage).doesNotContain("class=\"public-version\"");
    }
}
