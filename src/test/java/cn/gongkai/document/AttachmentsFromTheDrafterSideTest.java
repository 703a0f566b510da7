package cn.gongkai.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** 附件: a draft's files are changed only from the drafter's side; a reviewer returns the item instead. */
@GongkaiAppTest
class AttachmentsFromTheDrafterSideTest {

    static final String NOT_DRAFTER = "只有拟稿人或主办科室的工作人员可以执行此操作。";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired InfoItemWorkflow workflow;
    @Autowired ItemAttachments attachments;
    @Autowired UserDetailsService accounts;
    @Autowired MockMvc mvc;

    StaffPrincipal as(String username) {
        return (StaffPrincipal) accounts.loadUserByUsername(username);
    }

    /** A draft with one attachment, submitted, passed by the department head and returned by the secrecy review. */
    InfoItem returnedWithAnAttachment(String title) throws Exception {
        InfoItem item = workflow.create(as("staff"), PublishingWorkflowTest.draft(title, "正文见附件。"));
        attachments.add(as("staff"), item.getId(), "方案.docx", PublishingWorkflowTest.docx("方案全文"));
        workflow.submit(as("staff"), item.getId(), attachments.scan(workflow.get(as("staff"), item.getId())));
        workflow.decide(as("depthead"), item.getId(), Decision.APPROVED, "同意", null, null);
        workflow.decide(as("secrecy"), item.getId(), Decision.RETURNED, "请核对附件", null, null);
        assertThat(workflow.get(as("staff"), item.getId()).getStatus()).isEqualTo(ItemStatus.RETURNED);
        return item;
    }

    List<String> files(InfoItem item) {
        return attachments.of(item.getId()).stream().map(Attachment::getFilename).toList();
    }

    @Test
    void aReviewerCannotRemoveOrReplaceTheAttachmentOfAReturnedItemOnThePageOrOverTheApi() throws Exception {
        InfoItem item = returnedWithAnAttachment("附件删除权限测试（退回）");
        Long file = attachments.of(item.getId()).getFirst().getId();
        for (String reviewer : List.of("secrecy", "office", "leader")) {
            mvc.perform(post("/workbench/items/" + item.getId() + "/attachments/" + file + "/delete").with(csrf())
                    .with(user(as(reviewer)))).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString(NOT_DRAFTER)));
            mvc.perform(delete("/api/v1/items/" + item.getId() + "/attachments/" + file).with(csrf())
                    .with(user(as(reviewer)))).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.message").value(NOT_DRAFTER));
            mvc.perform(multipart("/api/v1/items/" + item.getId() + "/attachments").file(new MockMultipartFile("file",
                    "替换的方案.docx", DOCX, PublishingWorkflowTest.docx("改过的方案"))).with(csrf())
                    .with(user(as(reviewer)))).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.message").value(NOT_DRAFTER));
        }
        assertThat(files(item)).containsExactly("方案.docx");

        // The drafter's side may: the drafter removes the file over the API and adds the corrected one.
        mvc.perform(delete("/api/v1/items/" + item.getId() + "/attachments/" + file).with(csrf()).with(user(as("staff"))))
                .andExpect(status().isNoContent());
        mvc.perform(multipart("/api/v1/items/" + item.getId() + "/attachments").file(new MockMultipartFile("file",
                "核对后的方案.docx", DOCX, PublishingWorkflowTest.docx("核对后的方案"))).with(csrf()).with(user(as("staff"))))
                .andExpect(status().isOk());
        assertThat(files(item)).containsExactly("核对后的方案.docx");
    }

    @Test
    void theHeadOfTheDraftingDepartmentMayRemoveTheAttachmentOfADraftOnThePage() throws Exception {
        InfoItem item = workflow.create(as("staff"), PublishingWorkflowTest.draft("附件删除权限测试（草稿）", "正文。"));
        Long file = attachments.add(as("staff"), item.getId(), "草稿附件.docx", PublishingWorkflowTest.docx("草稿"))
                .getId();
        mvc.perform(post("/workbench/items/" + item.getId() + "/attachments/" + file + "/delete").with(csrf())
                .with(user(as("depthead")))).andExpect(status().is3xxRedirection());
        assertThat(files(item)).isEmpty();
    }

    @Test
    void nobodyRemovesAnAttachmentOfAnItemUnderReviewTheReviewerAtItsStepIncluded() throws Exception {
        InfoItem item = workflow.create(as("staff"), PublishingWorkflowTest.draft("附件删除权限测试（审查中）", "正文。"));
        Long file = attachments.add(as("staff"), item.getId(), "送审附件.docx", PublishingWorkflowTest.docx("送审"))
                .getId();
        workflow.submit(as("staff"), item.getId(), attachments.scan(workflow.get(as("staff"), item.getId())));
        workflow.decide(as("depthead"), item.getId(), Decision.APPROVED, "同意", null, null);
        for (String who : List.of("secrecy", "staff")) {
            mvc.perform(delete("/api/v1/items/" + item.getId() + "/attachments/" + file).with(csrf())
                    .with(user(as(who)))).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.rule").value("document.error.notEditable"));
            mvc.perform(post("/workbench/items/" + item.getId() + "/attachments/" + file + "/delete").with(csrf())
                    .with(user(as(who)))).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("当前状态不能修改")));
        }
        assertThat(files(item)).containsExactly("送审附件.docx");
    }
}
