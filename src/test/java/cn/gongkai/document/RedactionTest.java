package cn.gongkai.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.catalog.CatalogQuery;
import cn.gongkai.catalog.CatalogSearch;
import cn.gongkai.catalog.PublishedEntry;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** 区分处理: the public gets the redacted version only, never the original. */
@GongkaiAppTest
class RedactionTest {

    @Autowired InfoItemWorkflow workflow;
    @Autowired ItemAttachments attachments;
    @Autowired CatalogSearch search;
    @Autowired UserDetailsService accounts;
    @Autowired MockMvc mvc;

    StaffPrincipal as(String u) {
        return (StaffPrincipal) accounts.loadUserByUsername(u);
    }

    @Test
    void aRedactedIdNumberAndNameNeverReachThePortalTheSearchOrTheDownloads() throws Exception {
        InfoItem item = workflow.create(as("staff"), PublishingWorkflowTest.draft("超限运输行政处罚决定（区分处理）",
                "当事人王小明，身份证号码11010519491231002X，驾驶车辆超限运输。"));
        attachments.add(as("staff"), item.getId(), "决定书.docx",
                PublishingWorkflowTest.docx("当事人王小明，身份证号码11010519491231002X，罚款二千元。"));
        workflow.submit(as("staff"), item.getId(), attachments.scan(workflow.get(as("staff"), item.getId())), true);
        workflow.decide(as("depthead"), item.getId(), Decision.APPROVED, "同意", null, null);

        // 区分处理 at the confidentiality review, before it approves.
        InfoItem atSecrecy = workflow.get(as("secrecy"), item.getId());
        assertThat(workflow.findings(atSecrecy)).extracting(ScanFinding::getLocation)
                .containsExactlyInAnyOrder("body", "决定书.docx");
        for (ScanFinding f : workflow.findings(atSecrecy)) {
            workflow.redactFinding(as("secrecy"), item.getId(), f.getId());
        }
        workflow.addRedactionPhrase(as("secrecy"), item.getId(), "王小明");
        workflow.decide(as("secrecy"), item.getId(), Decision.APPROVED, "区分处理后公开", ReviewOpinion.PROACTIVE, null);
        workflow.decide(as("leader"), item.getId(), Decision.APPROVED, "同意", null, null);

        InfoItem approved = workflow.get(as("secrecy"), item.getId());
        assertThat(workflow.publicText(approved, "body", approved.getBody()))
                .isEqualTo("当事人■■■，身份证号码■■■■■■■■■■■■■■■■■■，驾驶车辆超限运输。");

        PublishedEntry entry = workflow.publish(as("office"), item.getId(),
                attachments.forPublication(workflow.get(as("office"), item.getId())));

        String page = mvc.perform(get("/portal/catalog/" + entry.indexNumber())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("■■■■").doesNotContain("11010519491231002X").doesNotContain("王小明")
                .contains("决定书.docx（区分处理）.txt");
        var file = search.files(search.publicEntry(as("office").agencyId(), entry.indexNumber()).orElseThrow())
                .getFirst();
        byte[] download = mvc.perform(get("/portal/files/" + file.getId())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        assertThat(new String(download, StandardCharsets.UTF_8)).contains("罚款二千元").doesNotContain("王小明")
                .doesNotContain("11010519491231002X");
        Long agency = as("office").agencyId();
        assertThat(search.search(new CatalogQuery(agency, "王小明", null, null, null, null, 0, 10, null)).total()).isZero();
        assertThat(search.search(new CatalogQuery(agency, "11010519491231002X", null, null, null, null, 0, 10, null))
                .total()).isZero();
        // Found by its title (demo mode has a decision of the same name, 某物流公司超限运输行政处罚决定).
        assertThat(search.search(new CatalogQuery(agency, "超限运输行政处罚决定", null, null, null, null, 0, 10, null))
                .hits()).extracting(h -> h.entry().getIndexNumber()).contains(entry.indexNumber());
        // The original stays internal, for the staff who handle it.
        assertThat(attachments.download(as("staff"), item.getId(), attachments.of(item.getId()).getFirst().getId())
                .getText()).contains("王小明");
    }

    @Test
    void theReviewerReadsWhereEachFindingIsInChineseNotAFieldCode() throws Exception {
        InfoItem item = workflow.create(as("staff"), PublishingWorkflowTest.draft("超限运输行政处罚决定（位置）",
                "经查明，\n当事人身份证号码11010519491231002X，驾驶车辆超限运输。"));
        attachments.add(as("staff"), item.getId(), "处罚决定书.docx",
                PublishingWorkflowTest.docx("当事人联系电话13800138000。"));
        workflow.submit(as("staff"), item.getId(), attachments.scan(workflow.get(as("staff"), item.getId())), true);
        workflow.decide(as("depthead"), item.getId(), Decision.APPROVED, "同意", null, null);
        String page = mvc.perform(get("/workbench/items/" + item.getId()).with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        as("secrecy")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<td>正文第 2 行</td>").contains("<td>附件《处罚决定书.docx》第 1 行</td>")
                .doesNotContain("<td>body");
    }
}
