package cn.gongkai.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.catalog.CatalogPage;
import cn.gongkai.catalog.CatalogQuery;
import cn.gongkai.catalog.CatalogSearch;
import cn.gongkai.catalog.DisclosureAttribute;
import cn.gongkai.catalog.PublishedEntry;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The whole publishing path on the real database and search index, through the workflow the pages call. */
@GongkaiAppTest
class PublishingWorkflowTest {

    @Autowired InfoItemWorkflow workflow;
    @Autowired ItemAttachments attachments;
    @Autowired CatalogSearch search;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    StaffPrincipal as(String username) {
        return (StaffPrincipal) accounts.loadUserByUsername(username);
    }

    static Draft draft(String title, String body) {
        return new Draft(title, null, "关于" + title + "的说明", body, LocalDate.now(Deadlines.ZONE).minusDays(1),
                "工业、交通", "通知", null, DisclosureAttribute.PROACTIVE, null, "社会公众", EnumSet.of(Channel.WEBSITE),
                SecrecyLevel.NONE, null, false, false, null, Set.of());
    }

    static byte[] docx(String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        }
    }

    Long agencyId() {
        return as("office").agencyId();
    }

    void approve(String who, InfoItem item) {
        workflow.decide(as(who), item.getId(), Decision.APPROVED, "同意", null, null);
    }

    @Test
    void draftedReviewedReturnedResubmittedApprovedPublishedAndFoundByAWordFromItsAttachment() throws Exception {
        InfoItem item = workflow.create(as("staff"), draft("2026年公路养护计划", "正文见附件。"));
        Attachment added = attachments.add(as("staff"), item.getId(), "养护计划.docx",
                docx("全市将对沥青路面实施预防性养护，重点整治坑槽病害。"));
        assertThat(added.getContentType()).isEqualTo(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(added.getText()).contains("坑槽病害");
        workflow.submit(as("staff"), item.getId(), attachments.scan(workflow.get(as("staff"), item.getId())));

        assertThatThrownBy(() -> approve("secrecy", item)).hasMessage("document.error.notYourStep");
        approve("depthead", item);
        workflow.decide(as("secrecy"), item.getId(), Decision.RETURNED, "请补充公开范围", null, null);
        assertThat(workflow.get(as("staff"), item.getId()).getStatus()).isEqualTo(ItemStatus.RETURNED);

        workflow.edit(as("staff"), item.getId(), draft("2026年公路养护计划", "正文见附件，公开范围为社会公众。"));
        workflow.submit(as("staff"), item.getId(), attachments.scan(workflow.get(as("staff"), item.getId())));
        approve("depthead", item);
        workflow.decide(as("secrecy"), item.getId(), Decision.APPROVED, "经审查可主动公开", ReviewOpinion.PROACTIVE, null);
        approve("leader", item);
        InfoItem approved = workflow.get(as("office"), item.getId());
        assertThat(approved.getStatus()).isEqualTo(ItemStatus.APPROVED);

        PublishedEntry entry = workflow.publish(as("office"), item.getId(), attachments.forPublication(approved));
        assertThat(entry.indexNumber()).matches("000014349/\\d{4}-\\d{5}");
        assertThat(workflow.history(item.getId())).extracting(ReviewDecision::getDecision).containsExactly(
                Decision.APPROVED, Decision.RETURNED, Decision.APPROVED, Decision.APPROVED, Decision.APPROVED);

        assertThat(search.search(new CatalogQuery(agencyId(), null, null, null, null, null, 0, 10, null)).hits())
                .extracting(h -> h.entry().getTitle()).contains("2026年公路养护计划");
        CatalogPage page = search.search(new CatalogQuery(agencyId(), "坑槽病害", null, null, null, null, 0, 10, null));
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.hits().getFirst().entry().getIndexNumber()).isEqualTo(entry.indexNumber());
        assertThat(page.hits().getFirst().snippetHtml()).contains("<mark>");

        mvc.perform(get("/api/v1/catalog/search").param("q", "预防性养护")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].indexNumber").value(entry.indexNumber()))
                .andExpect(jsonPath("$.items[0].title").value("2026年公路养护计划"));
        mvc.perform(get("/api/v1/catalog/items/" + entry.indexNumber())).andExpect(status().isOk())
                .andExpect(jsonPath("$.files[0].filename").value("养护计划.docx"));
        String itemPage = mvc.perform(get("/portal/catalog/" + entry.indexNumber())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(itemPage).contains("2026年公路养护计划", entry.indexNumber(), "示例市交通运输局", "养护计划.docx");

        // The work item followed the item and is closed now.
        await().atMost(Duration.ofSeconds(10)).until(() -> "CLOSED".equals(jdbc.queryForObject(
                "select state from work_item where subject_type = 'INFO_ITEM' and subject_id = ? and kind = 'HANDLE'",
                String.class, item.getId().toString())));
    }

    @Test
    void aPlantedIdNumberHoldsTheItemAtTheConfidentialityReviewUntilTheReviewerConfirmsIt() {
        InfoItem item = workflow.create(as("staff"), draft("行政处罚决定书", "当事人张某，身份证号码11010519491231002X，违反道路运输条例。"));
        workflow.submit(as("staff"), item.getId(), attachments.scan(workflow.get(as("staff"), item.getId())), true);
        approve("depthead", item);
        InfoItem atSecrecy = workflow.get(as("secrecy"), item.getId());
        assertThat(workflow.findings(atSecrecy)).singleElement().satisfies(f -> {
            assertThat(f.getType()).isEqualTo("RESIDENT_ID");
            assertThat(f.getLocation()).isEqualTo("body");
            assertThat(f.getMaskedValue()).isEqualTo("110105********002X");
        });
        // 保密审查制度 三、六: the confidentiality review clears the finding itself before it passes the item on.
        assertThatThrownBy(() -> workflow.decide(as("secrecy"), item.getId(), Decision.APPROVED, "同意",
                ReviewOpinion.PROACTIVE, null)).hasMessage(PublicationPolicy.FINDINGS_UNCONFIRMED);
        assertThat(search.search(new CatalogQuery(agencyId(), "行政处罚决定书", null, null, null, null, 0, 10, null))
                .total()).isZero();

        ScanFinding finding = workflow.findings(atSecrecy).getFirst();
        assertThatThrownBy(() -> workflow.acknowledgeFinding(as("office"), item.getId(), finding.getId(), "可以"))
                .hasMessage("document.error.notAllowed");
        workflow.acknowledgeFinding(as("secrecy"), item.getId(), finding.getId(), "当事人已同意公开处罚决定");
        workflow.decide(as("secrecy"), item.getId(), Decision.APPROVED, "同意", ReviewOpinion.PROACTIVE, null);
        approve("leader", item);
        assertThat(workflow.publish(as("office"), item.getId(), java.util.List.of()).indexNumber()).isNotBlank();
    }

    @Test
    void onRequestAndExemptItemsAreFiledButNeverShownToThePublic() {
        InfoItem item = workflow.create(as("staff"), draft("内部管理规程汇编", "仅供内部使用的管理规程。"));
        workflow.submit(as("staff"), item.getId(), java.util.List.of());
        approve("depthead", item);
        workflow.decide(as("secrecy"), item.getId(), Decision.APPROVED, "属内部事务信息", ReviewOpinion.EXEMPT, null);
        approve("leader", item);
        PublishedEntry entry = workflow.publish(as("office"), item.getId(), java.util.List.of());
        assertThat(entry.state()).isEqualTo(cn.gongkai.catalog.EntryState.FILED);
        assertThat(search.search(new CatalogQuery(agencyId(), "管理规程", null, null, null, null, 0, 10, null)).total())
                .isZero();
        assertThat(search.publicEntry(agencyId(), entry.indexNumber())).isEmpty();
    }

    @Test
    void theDrafterCannotReviewTheirOwnItemAndStaffOfAnotherDepartmentCannotSeeIt() {
        InfoItem item = workflow.create(as("depthead"), draft("科室负责人自拟的通知", "内容"));
        workflow.submit(as("depthead"), item.getId(), java.util.List.of());
        assertThatThrownBy(() -> approve("depthead", item)).hasMessage("document.error.notYourStep");
        assertThat(InfoItemWorkflow.canView(as("admin"), workflow.get(as("office"), item.getId()))).isFalse();
    }

    @Test
    void theAdministratorsSeeNoItemEvenOneDraftedInTheirOwnDepartment() {
        // The demo office drafts in 局办公室, where the three administrators' accounts sit too.
        InfoItem item = workflow.create(as("office"), draft("办公室内部事项通知", "联系人王某，手机13900139088。"));
        for (String administrator : java.util.List.of("admin", "secadmin", "auditor")) {
            assertThat(as(administrator).departmentId()).isEqualTo(as("office").departmentId());
            assertThat(InfoItemWorkflow.canView(as(administrator), item)).as(administrator).isFalse();
            assertThat(workflow.visibleTo(as(administrator))).as(administrator).isEmpty();
        }
    }

    @Test
    void anUnclearSecrecyLevelIsSentForDeterminationAndComesBackWithTheBureausAnswer() {
        InfoItem item = workflow.create(as("staff"), draft("道路运输应急预案", "预案正文"));
        workflow.submit(as("staff"), item.getId(), java.util.List.of());
        approve("depthead", item);
        assertThatThrownBy(() -> workflow.decide(as("secrecy"), item.getId(), Decision.APPROVED, "密级不明确",
                ReviewOpinion.ESCALATE, null)).hasMessage("document.determination.error.materials");
        workflow.decide(as("secrecy"), item.getId(), Decision.APPROVED, "涉及应急物资储备点位，密级不明确",
                ReviewOpinion.ESCALATE, "1.预案文本 2.申请确定密级的公文 3.市应急局意见");
        assertThat(workflow.get(as("secrecy"), item.getId()).getStatus()).isEqualTo(ItemStatus.AWAITING_DETERMINATION);
        SecrecyDetermination d = workflow.extendDetermination(as("secrecy"), item.getId(), 7, "保密局告知需延期");
        assertThatThrownBy(() -> workflow.extendDetermination(as("secrecy"), item.getId(), 3, "再延"))
                .hasMessage("document.determination.error.extendedOnce");
        assertThat(d.allowance()).isEqualTo(14);
        workflow.answerDetermination(as("secrecy"), item.getId(), SecrecyLevel.CONFIDENTIAL, "经审定属秘密级，保密期限5年");
        InfoItem back = workflow.get(as("secrecy"), item.getId());
        assertThat(back.getStatus()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(back.getSecrecyLevel()).isEqualTo(SecrecyLevel.CONFIDENTIAL);
        workflow.decide(as("secrecy"), item.getId(), Decision.APPROVED, "按秘密级管理", ReviewOpinion.EXEMPT, null);
        approve("leader", item);
        assertThatThrownBy(() -> workflow.publish(as("office"), item.getId(), java.util.List.of()))
                .hasMessage(PublicationPolicy.SECRET);
    }
}
