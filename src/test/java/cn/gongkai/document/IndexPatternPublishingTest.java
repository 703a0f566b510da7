package cn.gongkai.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.catalog.PublishedEntry;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** An agency's own 索引号格式, set on the settings page and used by the real publishing workflow. */
@GongkaiAppTest
class IndexPatternPublishingTest {

    @Autowired InfoItemWorkflow workflow;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    StaffPrincipal as(String u) {
        return (StaffPrincipal) accounts.loadUserByUsername(u);
    }

    void setPattern(String pattern) throws Exception {
        mvc.perform(post("/workbench/admin/agency").with(csrf()).with(user(as("admin")))
                .param("name", "示例市交通运输局").param("organisationCode", "000014349").param("yellowDays", "3")
                .param("indexPattern", pattern)).andExpect(status().is3xxRedirection());
    }

    @AfterEach
    void backToTheDefault() throws Exception {
        setPattern("{code}/{year}-{serial:5}");
    }

    InfoItem approved(String title, String body) {
        InfoItem item = workflow.create(as("staff"), PublishingWorkflowTest.draft(title, body));
        workflow.submit(as("staff"), item.getId(), List.of());
        workflow.decide(as("depthead"), item.getId(), Decision.APPROVED, "同意", null, null);
        workflow.decide(as("secrecy"), item.getId(), Decision.APPROVED, "同意", ReviewOpinion.PROACTIVE, null);
        workflow.decide(as("leader"), item.getId(), Decision.APPROVED, "同意", null, null);
        return item;
    }

    PublishedEntry published(String title, String body) {
        return workflow.publish(as("office"), approved(title, body).getId(), List.of());
    }

    /** The item opens on the portal and in the API under its number, and the portal's hit links to it. */
    void opensOnThePortalAndInTheApi(PublishedEntry entry, String title, String word) throws Exception {
        String page = mvc.perform(get("/portal/catalog/" + entry.indexNumber())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(title, entry.indexNumber());
        mvc.perform(get("/api/v1/catalog/items/" + entry.indexNumber())).andExpect(status().isOk())
                .andExpect(jsonPath("$.indexNumber").value(entry.indexNumber()))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.url").value("/portal/catalog/" + entry.indexNumber()));
        String hits = mvc.perform(get("/portal/catalog").param("q", word)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(hits).contains("href=\"/portal/catalog/" + entry.indexNumber() + "\"");
    }

    @Test
    void anAgencyWithItsOwnPatternGetsNumbersInThatPatternThroughThePublishingWorkflow() throws Exception {
        PublishedEntry before = published("格式变更前发布的公路养护通知", "格式变更前的正文。");
        assertThat(before.indexNumber()).matches("000014349/\\d{4}-\\d{5}");

        setPattern("SJT-{code}/GK/{year}/{serial:7}");
        PublishedEntry several = published("多段索引号的出租车管理通知", "出租车经营权管理办法全文。");
        assertThat(several.indexNumber()).matches("SJT-000014349/GK/\\d{4}/\\d{7}");
        opensOnThePortalAndInTheApi(several, "多段索引号的出租车管理通知", "出租车经营权管理办法");

        setPattern("GK{year}{serial:4}");
        PublishedEntry none = published("无斜杠索引号的港口作业通知", "港口危险货物作业安全规定。");
        assertThat(none.indexNumber()).matches("GK\\d{4}\\d{4}");
        opensOnThePortalAndInTheApi(none, "无斜杠索引号的港口作业通知", "港口危险货物作业");

        // The serial runs on across patterns: never reused, never repeated.
        int serialBefore = Integer.parseInt(before.indexNumber().substring(before.indexNumber().length() - 5));
        int serialSeveral = Integer.parseInt(several.indexNumber().substring(several.indexNumber().length() - 7));
        int serialNone = Integer.parseInt(none.indexNumber().substring(none.indexNumber().length() - 4));
        assertThat(serialSeveral).isGreaterThan(serialBefore);
        assertThat(serialNone).isGreaterThan(serialSeveral);
    }

    @Test
    void changingThePatternDoesNotRenumberWhatIsPublishedNotEvenItsNextVersion() throws Exception {
        InfoItem item = approved("改格式后变更的运价公告", "运价第一版。");
        PublishedEntry v1 = workflow.publish(as("office"), item.getId(), List.of());
        List<String> numbersBefore = jdbc.queryForList("select index_number from catalog_entry order by id",
                String.class);

        setPattern("{code}-{year}-{serial:6}");
        assertThat(jdbc.queryForList("select index_number from catalog_entry order by id", String.class))
                .isEqualTo(numbersBefore);
        workflow.edit(as("staff"), item.getId(), PublishingWorkflowTest.draft("改格式后变更的运价公告", "运价第二版。"));
        workflow.submit(as("staff"), item.getId(), List.of());
        workflow.decide(as("depthead"), item.getId(), Decision.APPROVED, "同意", null, null);
        workflow.decide(as("secrecy"), item.getId(), Decision.APPROVED, "同意", ReviewOpinion.PROACTIVE, null);
        workflow.decide(as("leader"), item.getId(), Decision.APPROVED, "同意", null, null);
        PublishedEntry v2 = workflow.publish(as("office"), item.getId(), List.of());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.indexNumber()).isEqualTo(v1.indexNumber()).matches("000014349/\\d{4}-\\d{5}");
        assertThat(mvc.perform(get("/portal/catalog/" + v1.indexNumber())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("运价第二版");
    }

    @Test
    void aNumberOfAnotherAgencyOrAPathThatIsNoNumberIsNotFound() throws Exception {
        mvc.perform(get("/portal/catalog/000014349/2099-99999")).andExpect(status().isNotFound());
        mvc.perform(get("/portal/catalog/a/b/c/d")).andExpect(status().isNotFound());
        mvc.perform(get("/portal/catalog/")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/catalog/items/nothing")).andExpect(status().isNotFound());
        mvc.perform(get("/portal/catalog")).andExpect(status().isOk());
    }
}
