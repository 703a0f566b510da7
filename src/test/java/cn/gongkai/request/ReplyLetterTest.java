package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import java.io.ByteArrayInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The reply letter (告知书): composed from the office's template, as DOCX and PDF, for staff and the applicant. */
@GongkaiAppTest
class ReplyLetterTest {

    @Autowired RequestDesk desk;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;

    StaffPrincipal as(String u) {
        return (StaffPrincipal) accounts.loadUserByUsername(u);
    }

    Receipt replied(Outcome outcome, ReplyForm form, String text) {
        Receipt receipt = desk.receive(as("office").agencyId(), RequestChannel.ONLINE, null, new Applicant(
                ApplicantKind.PERSON, null, "李四", IdType.RESIDENT_ID, "11010519491231002X", "13900139000", null, null,
                null, null, null, null), new Sought("2025年道路养护资金使用情况", null, "请提供2025年道路养护资金使用情况",
                        null, Delivery.ONLINE), "applicant");
        Long id = jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class,
                receipt.trackingNumber());
        desk.assign(as("office"), id, as("staff").departmentId());
        desk.draftReply(as("staff"), id, outcome, form, text, null);
        desk.officeReview(as("office"), id, true);
        if (outcome.needsLeader()) {
            desk.leaderDecision(as("leader"), id, true);
        }
        return receipt;
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s", "");
        }
    }

    @Test
    void aRefusalLetterStatesTheReasonTheRegulationsArticleAndTheApplicantsRights() throws Exception {
        Receipt r = replied(Outcome.REFUSED_PROCESS, ReplyForm.REFUSE, "所申请信息属于正在讨论中的过程性信息。");
        Long id = jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class,
                r.trackingNumber());
        byte[] docx = mvc.perform(get("/workbench/requests/" + id + "/letter.docx").with(user(as("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("政府信息公开申请答复告知书", "李四：", r.trackingNumber(),
                    "第三十六条第（三）项", "所申请信息属于正在讨论中的过程性信息。", "六十日内", "六个月内", "示例市交通运输局");
        }
        byte[] pdf = mvc.perform(get("/portal/track/letter.pdf").session(PortalSessions.track(mvc,
                r.trackingNumber(), r.queryCode()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(pdfText(pdf)).contains("政府信息公开申请答复告知书", "所申请信息属于正在讨论中的过程性信息。", "六个月内");
        mvc.perform(get("/portal/track/letter.pdf").session(PortalSessions.track(mvc, r.trackingNumber(),
                "WRONG999"))).andExpect(status().isNotFound());
    }

    @Test
    void aDisclosureLinkedToPublishedItemsShowsThemOnTheApplicantsTrackingPage() throws Exception {
        String indexNumber = jdbc.queryForObject("select index_number from catalog_entry where state = 'PUBLISHED' "
                + "and attribute = 'PROACTIVE' order by id limit 1", String.class);
        Receipt receipt = desk.receive(as("office").agencyId(), RequestChannel.ONLINE, null, new Applicant(
                ApplicantKind.PERSON, null, "钱七", IdType.RESIDENT_ID, "11010519491231002X", "13500135000", null, null,
                null, null, null, null), new Sought(null, null, "请提供已公开的通告", null, Delivery.ONLINE), "applicant");
        Long id = jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class,
                receipt.trackingNumber());
        desk.assign(as("office"), id, as("staff").departmentId());
        desk.draftReply(as("staff"), id, Outcome.DISCLOSED, ReplyForm.ALREADY_PUBLIC, "该信息已主动公开。", indexNumber);
        desk.officeReview(as("office"), id, true);
        String page = PortalSessions.page(mvc, PortalSessions.track(mvc, receipt.trackingNumber(),
                receipt.queryCode()));
        assertThat(page).contains("href=\"/portal/catalog/" + indexNumber + "\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.draftReply(as("staff"), id, Outcome.DISCLOSED,
                ReplyForm.ALREADY_PUBLIC, "x", "000014349/1999-99999")).hasMessage("request.error.unknownIndexNumber");
    }

    @Test
    void noLetterExistsBeforeTheReplyAndTheOfficesTemplateIsUsedOnceSaved() throws Exception {
        Receipt pending = desk.receive(as("office").agencyId(), RequestChannel.ONLINE, null, new Applicant(
                ApplicantKind.PERSON, null, "王五", IdType.RESIDENT_ID, "11010519491231002X", "13700137000", null, null,
                null, null, null, null), new Sought(null, null, "请提供某项信息", null, Delivery.ONLINE), "applicant");
        mvc.perform(get("/portal/track/letter.pdf").session(PortalSessions.track(mvc, pending.trackingNumber(),
                pending.queryCode()))).andExpect(status().isNotFound());

        mvc.perform(post("/workbench/requests/letter-templates").with(csrf()).with(user(as("office")))
                .param("form", "DISCLOSE").param("body", "本机关同意公开，具体如下：${replyText}（模板已由局办公室修改）"))
                .andExpect(status().is3xxRedirection());
        try {
            Receipt r = replied(Outcome.DISCLOSED, ReplyForm.DISCLOSE, "已通过电子邮件发送。");
            byte[] pdf = mvc.perform(get("/portal/track/letter.pdf").session(PortalSessions.track(mvc,
                    r.trackingNumber(), r.queryCode()))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsByteArray();
            assertThat(pdfText(pdf)).contains("本机关同意公开，具体如下：已通过电子邮件发送。（模板已由局办公室修改）");
        } finally {
            jdbc.update("delete from letter_template where reply_form = 'DISCLOSE'");
        }
        mvc.perform(post("/workbench/requests/letter-templates").with(csrf()).with(user(as("staff")))
                .param("form", "DISCLOSE").param("body", "x")).andExpect(status().isForbidden());
    }

    @Test
    void templatesUseChinesePlaceholdersListedOnThePageAndAnUnknownOneIsRefusedKeepingWhatWasTyped()
            throws Exception {
        String page = mvc.perform(get("/workbench/requests/letter-templates").with(user(as("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // The default templates are written with the Chinese names.
        assertThat(page).contains("${<span>申请人</span>}", "${<span>收到日期</span>}", "申请人的姓名或名称",
                "${答复内容}").doesNotContain("${replyText}");
        String typed = "${申请人}：本机关于${收到日期}收到的申请，答复如下：${答复内容}${办理人}";
        String refused = mvc.perform(post("/workbench/requests/letter-templates").with(csrf())
                .with(user(as("office"))).param("form", "DISCLOSE").param("body", typed))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("“模板”中的占位符 ${办理人} 无法识别")
                .contains(org.springframework.web.util.HtmlUtils.htmlEscape(typed));
        mvc.perform(post("/workbench/requests/letter-templates").with(csrf()).with(user(as("office")))
                .param("form", "DISCLOSE").param("body", "${申请人}：${称谓}于${收到日期}提出的申请，答复如下：${答复内容}"))
                .andExpect(status().is3xxRedirection());
        try {
            Receipt r = replied(Outcome.DISCLOSED, ReplyForm.DISCLOSE, "已通过电子邮件发送。");
            byte[] pdf = mvc.perform(get("/portal/track/letter.pdf").session(PortalSessions.track(mvc,
                    r.trackingNumber(), r.queryCode()))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsByteArray();
            assertThat(pdfText(pdf)).contains("提出的申请，答复如下：已通过电子邮件发送。").doesNotContain("${");
        } finally {
            jdbc.update("delete from letter_template where reply_form = 'DISCLOSE'");
        }
    }
}
