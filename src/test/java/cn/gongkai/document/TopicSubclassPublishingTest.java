package cn.gongkai.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.catalog.PublishedEntry;
import cn.gongkai.catalog.TopicSubclass;
import cn.gongkai.catalog.Topics;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A drafter files an item under the agency's own sub-class; the catalog, the portal and the API carry it. */
@GongkaiAppTest
class TopicSubclassPublishingTest {

    @Autowired InfoItemWorkflow workflow;
    @Autowired Topics topics;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    StaffPrincipal as(String u) {
        return (StaffPrincipal) accounts.loadUserByUsername(u);
    }

    MockHttpServletRequestBuilder itemForm(String title, String body, String topic) {
        return post("/workbench/items").with(csrf()).with(user(as("staff"))).param("title", title)
                .param("summary", title + "的概述").param("body", body)
                .param("createdOn", LocalDate.now(Deadlines.ZONE).minusDays(1).toString()).param("topic", topic)
                .param("genre", "通知").param("attribute", "PROACTIVE").param("channels", "WEBSITE")
                .param("secrecyLevel", "NONE").param("scope", "社会公众");
    }

    Long drafted(String title, String body, String topic) throws Exception {
        String location = mvc.perform(itemForm(title, body, topic)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
    }

    PublishedEntry published(Long id) {
        workflow.submit(as("staff"), id, List.of());
        workflow.decide(as("depthead"), id, Decision.APPROVED, "同意", null, null);
        workflow.decide(as("secrecy"), id, Decision.APPROVED, "同意", ReviewOpinion.PROACTIVE, null);
        workflow.decide(as("leader"), id, Decision.APPROVED, "同意", null, null);
        return workflow.publish(as("office"), id, List.of());
    }

    long found(String word, String topic) throws Exception {
        String json = mvc.perform(get("/api/v1/catalog/search").param("q", word).param("topic", topic))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.total")).longValue();
    }

    @Test
    void anItemFiledUnderASubclassIsShownWithItAndFoundByItsClassAndBySubclass() throws Exception {
        TopicSubclass roads = topics.add(as("office").agencyId(), "工业、交通", "农村公路");
        topics.add(as("office").agencyId(), "工业、交通", "城市公交");
        String form = mvc.perform(get("/workbench/items/new").with(user(as("staff")))).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).contains("<option value=\"工业、交通 › 农村公路\">", "<option value=\"工业、交通\">");

        Long id = drafted("农村公路养护资金分配方案", "农村公路养护资金按里程分配。", "工业、交通 › 农村公路");
        assertThat(jdbc.queryForObject("select subtopic_id from info_item where id = ?", Long.class, id))
                .isEqualTo(roads.getId());
        assertThat(mvc.perform(get("/workbench/items/" + id).with(user(as("staff")))).andReturn().getResponse()
                .getContentAsString()).contains("工业、交通 › 农村公路");
        assertThat(mvc.perform(get("/workbench/items/" + id + "/edit").with(user(as("staff")))).andReturn()
                .getResponse().getContentAsString())
                .contains("<option value=\"工业、交通 › 农村公路\" selected=\"selected\">");

        PublishedEntry entry = published(id);
        String page = mvc.perform(get("/portal/catalog/" + entry.indexNumber())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<td>工业、交通 › 农村公路</td>");
        mvc.perform(get("/api/v1/catalog/items/" + entry.indexNumber())).andExpect(jsonPath("$.topic").value("工业、交通"))
                .andExpect(jsonPath("$.subtopic").value("农村公路"));

        assertThat(found("养护资金按里程分配", "工业、交通")).isEqualTo(1);
        assertThat(found("养护资金按里程分配", "工业、交通 › 农村公路")).isEqualTo(1);
        assertThat(found("养护资金按里程分配", "工业、交通 › 城市公交")).isZero();
        assertThat(found("养护资金按里程分配", "工业、交通 › 不存在的子类")).isZero();
        assertThat(found("养护资金按里程分配", "综合政务")).isZero();
        assertThat(mvc.perform(get("/portal/catalog").param("topic", "工业、交通 › 农村公路")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("农村公路养护资金分配方案", "<option value=\"工业、交通 › 农村公路\" selected=\"selected\">");

        // A rename shows everywhere; the index holds the id, so the search still finds it.
        mvc.perform(post("/workbench/catalog/topics/" + roads.getId() + "/rename").with(csrf())
                .with(user(as("office"))).param("name", "农村道路")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/portal/catalog/" + entry.indexNumber())).andReturn().getResponse()
                .getContentAsString()).contains("<td>工业、交通 › 农村道路</td>");
        assertThat(found("养护资金按里程分配", "工业、交通 › 农村道路")).isEqualTo(1);
    }

    @Test
    void aSubclassInUseByAPublishedItemOrADraftCannotBeDeleted() throws Exception {
        TopicSubclass bridges = topics.add(as("office").agencyId(), "工业、交通", "桥梁隧道");
        TopicSubclass ports = topics.add(as("office").agencyId(), "工业、交通", "港口码头");
        published(drafted("桥梁定期检测结果公告", "全市桥梁检测结果。", "工业、交通 › 桥梁隧道"));
        drafted("港口码头整治方案（草稿）", "码头整治。", "工业、交通 › 港口码头");

        for (TopicSubclass inUse : List.of(bridges, ports)) {
            mvc.perform(post("/workbench/catalog/topics/" + inUse.getId() + "/delete").with(csrf())
                    .with(user(as("office")))).andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("problem", "catalog.topics.error.inUse"));
            assertThat(jdbc.queryForObject("select count(*) from topic_subclass where id = ?", Integer.class,
                    inUse.getId())).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'TOPIC_SUBCLASS_REMOVED' "
                + "and object_id = ?", Integer.class, bridges.getId().toString())).isZero();
    }

    @Test
    void aTopicOrSubclassNotOfTheAgencyIsRefusedOnTheFormAndInTheApi() throws Exception {
        String page = mvc.perform(itemForm("分类不存在的通知", "正文", "工业、交通 › 没有这个子类"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("“主题分类”不在本机关的分类中", "value=\"分类不存在的通知\"");

        topics.add(as("office").agencyId(), "城乡建设、环境保护", "扬尘治理");
        String json = """
                {"title":"扬尘治理通知","summary":"概述","body":"正文","createdOn":"%s","topic":"城乡建设、环境保护 › 扬尘治理",
                 "genre":"通知","attribute":"PROACTIVE","channels":["WEBSITE"],"secrecyLevel":"NONE"}"""
                .formatted(LocalDate.now(Deadlines.ZONE).minusDays(1));
        String created = mvc.perform(post("/api/v1/items").with(httpBasic("staff", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        Long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        assertThat(jdbc.queryForObject("select s.name from info_item i join topic_subclass s on s.id = i.subtopic_id "
                + "where i.id = ?", String.class, id)).isEqualTo("扬尘治理");
        mvc.perform(post("/api/v1/items").with(httpBasic("staff", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content(json.replace("扬尘治理\"", "噪声治理\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='topic')].message").value("“主题分类”不在本机关的分类中。"));
    }
}
