package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.PlatformClock;
import cn.gongkai.request.ReplyParticulars.WithheldPart;
import cn.gongkai.support.GongkaiAppTest;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every outcome's letter cites the articles statutes.md's table gives it; requests reach their outcome through the
 * real transitions, and the letters are read back from the rendered DOCX (and a PDF).
 */
@GongkaiAppTest
class ReplyLetterCitationTest {

    static final String R = "根据《中华人民共和国政府信息公开条例》";

    @Autowired RequestDesk desk;
    @Autowired ReplyLetters letters;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;

    StaffPrincipal as(String u) {
        return (StaffPrincipal) accounts.loadUserByUsername(u);
    }

    static Applicant person(String name, String idNumber) {
        return new Applicant(ApplicantKind.PERSON, null, name, IdType.RESIDENT_ID, idNumber, "13900139000", null, null,
                null, null, null, null);
    }

    static Applicant organisation(String name, int k) {
        return new Applicant(ApplicantKind.ORGANISATION, OrganisationKind.LAW_SERVICE, name, null, null,
                "13900139000", null, "示例市人民路1号", "650000", DemoRequests.creditCode(k), "张某", "李某");
    }

    Receipt receive(Applicant applicant, LocalDate on) {
        return desk.receive(as("office").agencyId(), RequestChannel.ONLINE, on, applicant, new Sought(
                "2025年道路养护资金使用情况", null, "请提供2025年道路养护资金使用情况", null, Delivery.ONLINE), "applicant");
    }

    Long id(Receipt r) {
        return jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class,
                r.trackingNumber());
    }

    /** Received today, assigned, drafted with the particulars, reviewed and (where needed) approved. */
    Long replied(Applicant applicant, Outcome outcome, ReplyForm form, ReplyParticulars particulars) {
        Long id = id(receive(applicant, null));
        if (outcome == Outcome.UNABLE_UNCLEAR) {
            // Art. 30: only after an amendment notice, the amended request still unclear.
            desk.requestAmendment(as("office"), id, "请写明所需政府信息的名称、文号或者其他特征性描述。");
            desk.recordAmendment(as("office"), id, "请提供相关的文件", null);
        }
        desk.assign(as("office"), id, as("staff").departmentId());
        desk.draftReply(as("staff"), id, outcome, form, "详见以下说明。", null);
        letters.recordParticulars(id, particulars, "staff");
        desk.officeReview(as("office"), id, true);
        if (outcome.needsLeader()) {
            desk.leaderDecision(as("leader"), id, true);
        }
        return id;
    }

    /** 其他处理-1: an amendment notice within 7 working days, never answered; closed as abandoned. */
    Long abandoned() {
        LocalDate on = LocalDate.of(2026, 9, 1);
        Long id = PlatformClock.replayOn(on, () -> id(receive(person("周九", "11010519491231002X"), on)));
        PlatformClock.replayOn(on.plusDays(1), () -> desk.requestAmendment(as("office"), id,
                "请写明所需政府信息的名称、文号或者其他特征性描述。"));
        desk.abandon(as("office"), id);
        return id;
    }

    /** 其他处理-2: the applicant's eleventh request of a month, a fee notice, unpaid by its deadline. */
    Long unpaid() {
        Applicant applicant = person("吴十", DemoRequests.residentId(501));
        Long last = null;
        for (int day = 1; day <= 11; day++) {
            LocalDate on = LocalDate.of(2026, 10, 8 + day);
            last = PlatformClock.replayOn(on, () -> id(desk.receive(as("office").agencyId(), RequestChannel.ONLINE, on,
                    applicant, new Sought(null, null, "请提供第" + on.getDayOfMonth() + "号路段养护合同编号" + on.hashCode(),
                            null, Delivery.ONLINE), "applicant")));
        }
        Long id = last;
        PlatformClock.replayOn(LocalDate.of(2026, 10, 20), () -> desk.notifyFee(as("office"), id));
        desk.closeUnpaid(as("office"), id);
        return id;
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of(Outcome.DISCLOSED, ReplyForm.ALREADY_PUBLIC, ReplyParticulars.NONE,
                        List.of(R + "第三十六条第（一）项的规定")),
                Arguments.of(Outcome.DISCLOSED, ReplyForm.DISCLOSE, ReplyParticulars.NONE,
                        List.of(R + "第三十六条第（二）项的规定")),
                Arguments.of(Outcome.PARTIAL, ReplyForm.DISCLOSE, ReplyParticulars.withheld(
                        new WithheldPart("驾驶员的个人住址", WithholdingBasis.THIRD_PARTY, null),
                        new WithheldPart("局务会讨论记录", WithholdingBasis.PROCESS, null)),
                        List.of(R + "第三十七条、第三十六条第（二）项的规定", "“驾驶员的个人住址”" + R + "第十五条的规定不予公开。",
                                "“局务会讨论记录”" + R + "第十六条第二款的规定不予公开。")),
                Arguments.of(Outcome.REFUSED_STATE_SECRET, ReplyForm.REFUSE, ReplyParticulars.NONE,
                        List.of(R + "第十四条、第三十六条第（三）项和《中华人民共和国保守国家秘密法》的规定")),
                Arguments.of(Outcome.REFUSED_LAW, ReplyForm.REFUSE, ReplyParticulars.law("中华人民共和国统计法"),
                        List.of(R + "第十四条、第三十六条第（三）项和《中华人民共和国统计法》的规定")),
                Arguments.of(Outcome.REFUSED_THREE_SECURITY, ReplyForm.REFUSE, ReplyParticulars.NONE,
                        List.of(R + "第十四条、第三十六条第（三）项的规定")),
                Arguments.of(Outcome.REFUSED_THIRD_PARTY, ReplyForm.REFUSE, ReplyParticulars.NONE,
                        List.of(R + "第十五条、第三十六条第（三）项的规定")),
                Arguments.of(Outcome.REFUSED_INTERNAL, ReplyForm.REFUSE, ReplyParticulars.NONE,
                        List.of(R + "第十六条第一款、第三十六条第（三）项的规定")),
                Arguments.of(Outcome.REFUSED_PROCESS, ReplyForm.REFUSE, ReplyParticulars.NONE,
                        List.of(R + "第十六条第二款、第三十六条第（三）项的规定")),
                Arguments.of(Outcome.REFUSED_ENFORCEMENT, ReplyForm.REFUSE, ReplyParticulars.NONE,
                        List.of(R + "第十六条第二款、第三十六条第（三）项的规定")),
                Arguments.of(Outcome.REFUSED_INQUIRY, ReplyForm.SPECIAL_LAW, ReplyParticulars.law("不动产登记暂行条例"),
                        List.of(R + "第三十六条第（三）项、第（七）项和《不动产登记暂行条例》的规定")),
                Arguments.of(Outcome.UNABLE_NOT_HELD, ReplyForm.NOT_EXIST, ReplyParticulars.NONE,
                        List.of(R + "第三十六条第（四）项的规定")),
                Arguments.of(Outcome.UNABLE_NOT_HELD, ReplyForm.NOT_RESPONSIBLE, ReplyParticulars.agency(
                        "示例市自然资源局", "0871-12345678"), List.of(R + "第三十六条第（五）项的规定",
                                "负责公开该政府信息的行政机关为示例市自然资源局，联系方式：0871-12345678。")),
                Arguments.of(Outcome.UNABLE_NEEDS_CREATION, ReplyForm.NEEDS_CREATION, ReplyParticulars.NONE,
                        List.of(R + "第三十八条的规定")),
                Arguments.of(Outcome.UNABLE_UNCLEAR, ReplyForm.UNCLEAR_AFTER_AMENDMENT, ReplyParticulars.NONE,
                        List.of(R + "第三十条的规定")),
                Arguments.of(Outcome.NOT_PROCESSED_PETITION, ReplyForm.PETITION, ReplyParticulars.NONE,
                        List.of(R + "第三十九条第一款的规定")),
                Arguments.of(Outcome.NOT_PROCESSED_DUPLICATE, ReplyForm.REPEATED, ReplyParticulars.NONE,
                        List.of(R + "第三十六条第（六）项的规定")),
                Arguments.of(Outcome.NOT_PROCESSED_PUBLICATION, ReplyForm.PUBLICATION, ReplyParticulars.NONE,
                        List.of(R + "第三十九条第二款的规定")),
                Arguments.of(Outcome.NOT_PROCESSED_EXCESSIVE, ReplyForm.EXCESSIVE, ReplyParticulars.NONE,
                        List.of(R + "第三十五条的规定")),
                Arguments.of(Outcome.NOT_PROCESSED_CONFIRMATION, ReplyForm.CONFIRMATION, ReplyParticulars.NONE,
                        List.of(R + "第二条的规定")),
                Arguments.of(Outcome.OTHER_NO_AMENDMENT, ReplyForm.NO_AMENDMENT, ReplyParticulars.NONE,
                        List.of(R + "第三十条的规定", "视为放弃申请", "不再处理")),
                Arguments.of(Outcome.OTHER_FEE_UNPAID, ReplyForm.FEE_UNPAID, ReplyParticulars.NONE,
                        List.of(R + "第四十二条的规定和本机关收费通知的要求", "信息处理费100元", "不再处理")),
                Arguments.of(Outcome.OTHER, ReplyForm.OTHER, ReplyParticulars.article("第四十条"),
                        List.of(R + "第四十条的规定")));
    }

    @ParameterizedTest(name = "{0} answered as {1} cites {3}")
    @MethodSource("outcomes")
    void everyOutcomesLetterCitesItsArticles(Outcome outcome, ReplyForm form, ReplyParticulars particulars,
            List<String> citation) throws Exception {
        Long id = switch (outcome) {
            case OTHER_NO_AMENDMENT -> abandoned();
            case OTHER_FEE_UNPAID -> unpaid();
            default -> replied(person("李四", "11010519491231002X"), outcome, form, particulars);
        };
        InfoRequest r = desk.get(as("office"), id);
        assertThat(r.getOutcome()).isEqualTo(outcome);
        assertThat(ReplyLetters.letterForm(r)).contains(form);
        String text = docxText(mvc.perform(get("/workbench/requests/" + id + "/letter.docx").with(user(as("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(text).contains(citation).contains("办理结果：", "六十日内", "六个月内")
                .doesNotContain("${", "只计这一情形", "你（单位）");
        // Exactly one citation of the Regulations' articles for the answer itself (no second, contradicting one).
        assertThat(text.split(java.util.regex.Pattern.quote(citation.getFirst()), -1)).hasSize(2);
    }

    static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    @Test
    void aPartialDisclosureLetterAsPdfCitesArticle37AndTheWithheldPartsArticleAndSaysOnly部分公开() throws Exception {
        Long id = replied(person("李四", "11010519491231002X"), Outcome.PARTIAL, ReplyForm.DISCLOSE,
                ReplyParticulars.withheld(new WithheldPart("驾驶员的个人住址", WithholdingBasis.THIRD_PARTY, null)));
        byte[] pdf = mvc.perform(get("/workbench/requests/" + id + "/letter.pdf").with(user(as("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(ReplyLetterTest.pdfText(pdf)).contains(R + "第三十七条、第三十六条第（二）项的规定",
                "“驾驶员的个人住址”" + R + "第十五条的规定不予公开。", "办理结果：部分公开。")
                .doesNotContain("只计这一情形");
    }

    @Test
    void aPersonIsAddressedAs你AndAnOrganisationAs你单位() {
        Long personal = replied(person("李四", "11010519491231002X"), Outcome.UNABLE_NOT_HELD, ReplyForm.NOT_EXIST,
                ReplyParticulars.NONE);
        String toPerson = letters.compose(desk.get(as("office"), personal)).text();
        assertThat(toPerson).contains("李四：", "你于", "你申请获取：", "本机关没有你所申请公开的政府信息")
                .doesNotContain("你单位", "你（单位）");
        Long organisational = replied(organisation("示例律师事务所", 601), Outcome.UNABLE_NOT_HELD, ReplyForm.NOT_EXIST,
                ReplyParticulars.NONE);
        String toOrganisation = letters.compose(desk.get(as("office"), organisational)).text();
        assertThat(toOrganisation).contains("示例律师事务所：", "你单位于", "你单位申请获取：",
                "本机关没有你单位所申请公开的政府信息").doesNotContain("你（单位）");
    }

    @Test
    void lettersWriteTheReceivedDateTheDatesInTheBodyAndTheLetterDateAs2026年12月1日() throws Exception {
        LocalDate on = LocalDate.of(2026, 9, 1);
        Long id = PlatformClock.replayOn(on, () -> id(receive(person("郑一", "11010519491231002X"), on)));
        PlatformClock.replayOn(on.plusDays(1), () -> desk.requestAmendment(as("office"), id, "请写明所需信息的名称。"));
        PlatformClock.replayOn(LocalDate.of(2026, 9, 7), () -> desk.recordAmendment(as("office"), id, "请提供有关文件",
                LocalDate.of(2026, 9, 7)));
        LocalDate repliedOn = LocalDate.of(2026, 9, 21);
        PlatformClock.replayOn(repliedOn, () -> {
            desk.assign(as("office"), id, as("staff").departmentId());
            desk.draftReply(as("staff"), id, Outcome.UNABLE_UNCLEAR, ReplyForm.UNCLEAR_AFTER_AMENDMENT,
                    "本机关于2026-09-08电话联系你，仍无法确定所需信息。", null);
            return desk.officeReview(as("office"), id, true);
        });
        InfoRequest r = desk.get(as("office"), id);
        ReplyLetters.Composed letter = letters.compose(r);
        assertThat(letter.paragraphs().getFirst()).startsWith("你于2026年9月1日向本机关提出");
        assertThat(letter.text()).contains("本机关已于2026年9月2日告知你作出补正", "本机关于2026年9月8日电话联系你")
                .doesNotContain("2026-09");
        assertThat(letter.date()).isEqualTo(repliedOn);
        String docx = docxText(letters.docx(r));
        assertThat(docx).contains("2026年9月21日").doesNotContain("二〇二六");
    }

    @Test
    void theApplicantAndTheWorkbenchSeeTheOutcomeWithoutTheAnnualReportsCountingNote() throws Exception {
        Receipt receipt = receive(person("孙二", "11010519491231002X"), null);
        Long id = id(receipt);
        desk.assign(as("office"), id, as("staff").departmentId());
        desk.draftReply(as("staff"), id, Outcome.PARTIAL, ReplyForm.DISCLOSE, "其余部分予以公开。", null);
        desk.officeReview(as("office"), id, true);
        desk.leaderDecision(as("leader"), id, true);
        String tracking = PortalSessions.page(mvc, PortalSessions.track(mvc, receipt.trackingNumber(),
                receipt.queryCode()));
        assertThat(tracking).contains("部分公开").doesNotContain("只计这一情形");
        String workbench = mvc.perform(get("/workbench/requests/" + id).with(user(as("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(workbench).contains("<td>部分公开</td>");
    }

    @Test
    void anOfficesOwnTemplateWithoutTheCitationStillGetsItAndAnOldTemplatesYouUnitAddressesRightly() throws Exception {
        mvc.perform(post("/workbench/requests/letter-templates").with(csrf()).with(user(as("office")))
                .param("form", "REFUSE").param("body", "经研究，你（单位）申请的信息不予公开：${replyText}"))
                .andExpect(status().is3xxRedirection());
        try {
            Long id = replied(person("李四", "11010519491231002X"), Outcome.REFUSED_THIRD_PARTY, ReplyForm.REFUSE,
                    ReplyParticulars.NONE);
            ReplyLetters.Composed letter = letters.compose(desk.get(as("office"), id));
            assertThat(letter.paragraphs()).contains("经研究，你申请的信息不予公开：详见以下说明。",
                    "以上答复" + R + "第十五条、第三十六条第（三）项的规定作出。");
        } finally {
            jdbc.update("delete from letter_template where reply_form = 'REFUSE'");
        }
        mvc.perform(post("/workbench/requests/letter-templates").with(csrf()).with(user(as("office")))
                .param("form", "NO_SUCH_KIND").param("body", "x")).andExpect(status().isBadRequest());
    }

    @Test
    void theHandlerNamesWhatTheLetterCitesOnTheWorkbenchUntilTheReplyIsMade() throws Exception {
        Long id = id(receive(person("李四", "11010519491231002X"), null));
        desk.assign(as("office"), id, as("staff").departmentId());
        mvc.perform(get("/workbench/requests/" + id + "/letter-particulars").with(user(as("staff"))))
                .andExpect(status().isOk());
        mvc.perform(post("/workbench/requests/" + id + "/letter-particulars").with(csrf()).with(user(as("staff")))
                .param("withheldPart", "驾驶员的个人住址", "").param("withheldBasis", "THIRD_PARTY", "")
                .param("withheldLaw", "", "").param("law", "").param("agency", "").param("agencyContacts", "")
                .param("article", "")).andExpect(status().is3xxRedirection());
        desk.draftReply(as("staff"), id, Outcome.PARTIAL, ReplyForm.DISCLOSE, "其余部分予以公开。", null);
        desk.officeReview(as("office"), id, true);
        desk.leaderDecision(as("leader"), id, true);
        assertThat(letters.compose(desk.get(as("office"), id)).text())
                .contains("“驾驶员的个人住址”" + R + "第十五条的规定不予公开。");
        mvc.perform(post("/workbench/requests/" + id + "/letter-particulars").with(csrf()).with(user(as("staff")))
                .param("law", "x")).andExpect(status().isForbidden());
    }

    @Test
    void theDraftReplyFormLearnsWhichFormsFitEachOutcomeAndStillUnclearOnlyAfterAnAmendment() throws Exception {
        Long id = id(receive(person("李四", "11010519491231002X"), null));
        desk.assign(as("office"), id, as("staff").departmentId());
        String json = mvc.perform(get("/workbench/requests/" + id + "/reply-forms").with(user(as("staff"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) com.jayway.jsonpath.JsonPath.read(json, "$.UNABLE_NOT_HELD[*].form"))
                .containsExactly("NOT_EXIST", "NOT_RESPONSIBLE");
        assertThat((List<String>) com.jayway.jsonpath.JsonPath.read(json, "$.NOT_PROCESSED_PETITION[*].label"))
                .containsExactly("信访、投诉、举报，不作为政府信息公开申请处理（第三十九条第一款）");
        assertThat((List<String>) com.jayway.jsonpath.JsonPath.read(json, "$.UNABLE_UNCLEAR[*].form")).isEmpty();
        assertThat((List<String>) com.jayway.jsonpath.JsonPath.read(json, "$.OTHER_FEE_UNPAID[*].form")).isEmpty();
        assertThat(ReplyForms.draftableForms()).doesNotContain(ReplyForm.NO_AMENDMENT, ReplyForm.FEE_UNPAID)
                .contains(ReplyForm.OTHER);
    }
}
