package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.PlatformClock;
import cn.gongkai.support.GongkaiAppTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** 延期答复告知书 (Regulations Art. 33 para. 2): why, how long, until when, in Chinese dates, as DOCX and PDF. */
@GongkaiAppTest
class ExtensionNoticeTest {

    @Autowired RequestDesk desk;
    @Autowired ReplyLetters letters;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;

    StaffPrincipal as(String u) {
        return (StaffPrincipal) accounts.loadUserByUsername(u);
    }

    /** Received on Monday 2 November 2026, extension asked for 10 working days, approved on 16 November. */
    Long extended(Applicant applicant, boolean approve) {
        LocalDate on = LocalDate.of(2026, 11, 2);
        Long id = PlatformClock.replayOn(on, () -> {
            Receipt r = desk.receive(as("office").agencyId(), RequestChannel.ONLINE, on, applicant, new Sought(null,
                    null, "请提供2016年至2025年全部道路养护合同", null, Delivery.ONLINE), "applicant");
            Long requestId = jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class,
                    r.trackingNumber());
            desk.assign(as("office"), requestId, as("staff").departmentId());
            return requestId;
        });
        PlatformClock.replayOn(LocalDate.of(2026, 11, 13), () -> desk.requestExtension(as("staff"), id, 10,
                "因需要检索的档案较多。"));
        if (approve) {
            PlatformClock.replayOn(LocalDate.of(2026, 11, 16), () -> desk.approveExtension(as("leader"), id));
        }
        return id;
    }

    @Test
    void theExtensionNoticeCitesArticle33Paragraph2WithTheReasonTheDaysAndTheNewDueDateInChinese() throws Exception {
        Long id = extended(ReplyLetterCitationTest.person("王五", "11010519491231002X"), true);
        InfoRequest r = desk.get(as("office"), id);
        ReplyLetters.ExtensionDates dates = letters.extensionDates(r);
        assertThat(dates).isEqualTo(new ReplyLetters.ExtensionDates(LocalDate.of(2026, 11, 16),
                LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 7)));
        ReplyLetters.Composed notice = letters.extensionNotice(r, dates.decidedOn(), dates.originalDue(),
                dates.newDue());
        assertThat(notice.title()).isEqualTo("政府信息公开申请延期答复告知书");
        assertThat(notice.recipient()).isEqualTo("王五：");
        assertThat(notice.date()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(notice.text()).contains("你于2026年11月2日向本机关提出的政府信息公开申请", "原答复期限至2026年11月23日",
                "因需要检索的档案较多，本机关不能在该期限内作出答复", "于2026年11月16日同意",
                "根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定", "答复期限延长10个工作日",
                "本机关将于2026年12月7日前作出答复", "2026年11月16日").doesNotContain("${", "2026-", "因因", "。。");

        String docx = ReplyLetterCitationTest.docxText(mvc.perform(get("/workbench/requests/" + id
                + "/extension-notice.docx").with(user(as("staff")))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray());
        assertThat(docx).contains("延期答复告知书", "第三十三条第二款", "2026年12月7日");
        byte[] pdf = mvc.perform(get("/workbench/requests/" + id + "/extension-notice.pdf").with(user(as("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(ReplyLetterTest.pdfText(pdf)).contains("政府信息公开申请延期答复告知书", "第三十三条第二款的规定",
                "答复期限延长10个工作日", "本机关将于2026年12月7日前作出答复");
    }

    @Test
    void thereIsNoExtensionNoticeBeforeTheLeaderApprovesAndAnOrganisationIsAddressedAs你单位() throws Exception {
        Long pending = extended(ReplyLetterCitationTest.organisation("示例运输有限公司", 602), false);
        mvc.perform(get("/workbench/requests/" + pending + "/extension-notice.pdf").with(user(as("office"))))
                .andExpect(status().isNotFound());
        InfoRequest r = desk.get(as("office"), pending);
        assertThatThrownBy(() -> letters.extensionNotice(r, LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 23),
                LocalDate.of(2026, 12, 7))).hasMessage("request.letter.error.noExtension");
        PlatformClock.replayOn(LocalDate.of(2026, 11, 16), () -> desk.approveExtension(as("leader"), pending));
        InfoRequest approved = desk.get(as("office"), pending);
        ReplyLetters.ExtensionDates d = letters.extensionDates(approved);
        assertThat(letters.extensionNotice(approved, d.decidedOn(), d.originalDue(), d.newDue()).text())
                .contains("示例运输有限公司：", "你单位于2026年11月2日").doesNotContain("你于");
    }

    @Test
    void theOfficeEditsTheExtensionNoticeAndArticle33IsCitedEvenWhereItsTemplateLeavesItOut() throws Exception {
        mvc.perform(post("/workbench/requests/letter-templates").with(csrf()).with(user(as("office")))
                .param("form", ReplyLetters.EXTENSION_NOTICE)
                .param("body", "${you}的申请（${trackingNumber}）因${reason}延期${days}个工作日，至${newDue}答复。"))
                .andExpect(status().is3xxRedirection());
        try {
            String page = mvc.perform(get("/workbench/requests/letter-templates").with(user(as("office"))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("延期答复告知书", "value=\"EXTENSION_NOTICE\"", "value=\"NEEDS_CREATION\"");
            Long id = extended(ReplyLetterCitationTest.person("王五", "11010519491231002X"), true);
            InfoRequest r = desk.get(as("office"), id);
            ReplyLetters.ExtensionDates d = letters.extensionDates(r);
            assertThat(letters.extensionNotice(r, d.decidedOn(), d.originalDue(), d.newDue()).paragraphs())
                    .containsExactly("你的申请（" + r.getTrackingNumber() + "）因需要检索的档案较多延期10个工作日，至2026年12月7日答复。",
                            "本机关根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定延长答复期限。");
        } finally {
            jdbc.update("delete from letter_template where reply_form = 'EXTENSION_NOTICE'");
        }
    }
}
