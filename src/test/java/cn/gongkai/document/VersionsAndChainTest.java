package cn.gongkai.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.catalog.PublishedEntry;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@GongkaiAppTest
class VersionsAndChainTest {

    @Autowired InfoItemWorkflow workflow;
    @Autowired ReviewChains chains;
    @Autowired UserDetailsService accounts;
    @Autowired MockMvc mvc;

    StaffPrincipal as(String u) {
        return (StaffPrincipal) accounts.loadUserByUsername(u);
    }

    void throughTheChain(InfoItem item) {
        workflow.submit(as("staff"), item.getId(), java.util.List.of());
        workflow.decide(as("depthead"), item.getId(), Decision.APPROVED, "同意", null, null);
        workflow.decide(as("secrecy"), item.getId(), Decision.APPROVED, "同意", ReviewOpinion.PROACTIVE, null);
        workflow.decide(as("leader"), item.getId(), Decision.APPROVED, "同意", null, null);
    }

    @Test
    void aChangeToAPublishedItemIsReviewedAgainWhileThePortalKeepsShowingThePublishedVersion() throws Exception {
        InfoItem item = workflow.create(as("staff"), PublishingWorkflowTest.draft("出租车运价调整公告", "起步价调整为 10 元。"));
        throughTheChain(item);
        PublishedEntry v1 = workflow.publish(as("office"), item.getId(), java.util.List.of());

        workflow.edit(as("staff"), item.getId(), PublishingWorkflowTest.draft("出租车运价调整公告", "起步价调整为 11 元。"));
        String during = mvc.perform(get("/portal/catalog/" + v1.indexNumber())).andReturn().getResponse()
                .getContentAsString();
        assertThat(during).contains("起步价调整为 10 元").doesNotContain("11 元");

        throughTheChain(item);
        PublishedEntry v2 = workflow.publish(as("office"), item.getId(), java.util.List.of());
        assertThat(v2.indexNumber()).isEqualTo(v1.indexNumber());
        assertThat(v2.version()).isEqualTo(2);
        String after = mvc.perform(get("/portal/catalog/" + v1.indexNumber())).andReturn().getResponse()
                .getContentAsString();
        assertThat(after).contains("起步价调整为 11 元").doesNotContain("起步价调整为 10 元");
        assertThat(workflow.history(item.getId())).extracting(ReviewDecision::getVersion).containsExactly(1, 1, 1, 2,
                2, 2);
    }

    @Test
    void theAdministratorSetsTheChainAndItMustKeepTheConfidentialityReview() throws Exception {
        Long agency = as("admin").agencyId();
        mvc.perform(post("/workbench/admin/review-chain").with(csrf()).with(user(as("admin")))
                .param("step", "DEPT_HEAD", "LEADER", "", "", "")).andExpect(status().isOk());
        assertThat(chains.of(agency)).isEqualTo(ReviewChain.DEFAULT);
        try {
            mvc.perform(post("/workbench/admin/review-chain").with(csrf()).with(user(as("admin")))
                    .param("step", "SECRECY_REVIEWER", "OFFICE", "LEADER", "", "")).andExpect(status().is3xxRedirection());
            assertThat(chains.of(agency).steps()).containsExactly(Role.SECRECY_REVIEWER, Role.OFFICE, Role.LEADER);
            InfoItem item = workflow.create(as("staff"), PublishingWorkflowTest.draft("按新流程审核的通知", "正文"));
            workflow.submit(as("staff"), item.getId(), java.util.List.of());
            assertThat(workflow.canDecide(as("depthead"), workflow.get(as("secrecy"), item.getId()))).isFalse();
            assertThat(workflow.canDecide(as("secrecy"), workflow.get(as("secrecy"), item.getId()))).isTrue();
        } finally {
            chains.set(agency, ReviewChain.DEFAULT);
        }
        mvc.perform(post("/workbench/admin/review-chain").with(csrf()).with(user(as("office")))
                .param("step", "SECRECY_REVIEWER")).andExpect(status().isForbidden());
    }

    @Test
    void theLeaderRecordsADeclassificationFromTheItemPageAndOnlyThenMayTheOfficePublish() throws Exception {
        Draft secret = new Draft("超过保密期限的规划说明", null, "规划说明", "正文", java.time.LocalDate.now(Deadlines.ZONE)
                .minusDays(2), "工业、交通", "规划", null, cn.gongkai.catalog.DisclosureAttribute.PROACTIVE, null, null,
                java.util.EnumSet.of(Channel.WEBSITE), SecrecyLevel.CONFIDENTIAL, "5年", false, false, null,
                java.util.Set.of());
        InfoItem item = workflow.create(as("staff"), secret);
        // A 规划 goes with its interpretation plan (三同步 三).
        workflow.savePlan(as("staff"), item.getId(), new cn.gongkai.interpretation.PlanForm("解读要点",
                java.util.Set.of(cn.gongkai.interpretation.InterpretationForm.TEXT),
                java.util.Set.of(cn.gongkai.interpretation.InterpretationChannel.PORTAL), item.getDepartmentId(), "张科员",
                "同步发布"));
        throughTheChain(item);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> workflow.publish(as("office"), item.getId(),
                java.util.List.of())).hasMessage(PublicationPolicy.SECRET);
        mvc.perform(post("/workbench/items/" + item.getId() + "/records/declassification").with(csrf())
                .with(user(as("office"))).param("text", "保密期限已满")).andExpect(status().isOk());
        assertThat(workflow.get(as("office"), item.getId()).isDeclassified()).isFalse();
        mvc.perform(post("/workbench/items/" + item.getId() + "/records/declassification").with(csrf())
                .with(user(as("leader"))).param("text", "保密期限已满，经保密审查确认可以公开"))
                .andExpect(status().is3xxRedirection());
        assertThat(workflow.get(as("office"), item.getId()).isDeclassified()).isTrue();
        assertThat(workflow.publish(as("office"), item.getId(), java.util.List.of()).indexNumber()).isNotBlank();
    }

    @Test
    void theOpenApiDocumentDescribesThePublishingApi() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(doc).contains("/api/v1/items/{id}/decision", "/api/v1/items/{id}/publish",
                "/api/v1/catalog/search", "/api/v1/calendar/plus-working-days");
    }
}
