package cn.gongkai.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

/** 主题分类: the office or the administrator keeps the agency's own sub-classes under the 22 classes. */
@GongkaiAppTest
class TopicSubclassesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Topics topics;

    UserDetails as(String username) {
        return accounts.loadUserByUsername(username);
    }

    Long agency() {
        return jdbc.queryForObject("select id from agency where code = 'SJTJ'", Long.class);
    }

    Long idOf(String topic, String name) {
        return jdbc.queryForObject("select id from topic_subclass where agency_id = ? and topic = ? and name = ?",
                Long.class, agency(), topic, name);
    }

    String lastAudit(String action) {
        return jdbc.queryForObject("select coalesce(before_value, '') || ' -> ' || coalesce(after_value, '') "
                + "from audit_entry where action = ? order by id desc limit 1", String.class, action);
    }

    @Test
    void theOfficeAddsRenamesAndRemovesASubclassAndEachChangeIsAudited() throws Exception {
        mvc.perform(post("/workbench/catalog/topics").with(csrf()).with(user(as("office")))
                .param("topic", "工业、交通").param("name", "水路运输"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "catalog.topics.added"));
        Long id = idOf("工业、交通", "水路运输");
        assertThat(lastAudit("TOPIC_SUBCLASS_ADDED")).isEqualTo(" -> 工业、交通 › 水路运输");
        // The portal's search form offers it at once, though it keeps the agency's topics in memory.
        assertThat(portalCatalog()).contains("工业、交通 › 水路运输");
        assertThat(mvc.perform(get("/workbench/catalog/topics").with(user(as("office")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("value=\"水路运输\"", "国防");

        mvc.perform(post("/workbench/catalog/topics/" + id + "/rename").with(csrf()).with(user(as("office")))
                .param("name", "港航运输")).andExpect(status().is3xxRedirection());
        assertThat(lastAudit("TOPIC_SUBCLASS_RENAMED")).isEqualTo("工业、交通 › 水路运输 -> 工业、交通 › 港航运输");
        assertThat(portalCatalog()).contains("工业、交通 › 港航运输").doesNotContain("水路运输");
        assertThat(topics.resolve(agency(), "工业、交通 › 港航运输")).get().extracting(TopicChoice::subtopicId)
                .isEqualTo(id);

        mvc.perform(post("/workbench/catalog/topics/" + id + "/delete").with(csrf()).with(user(as("office"))))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "catalog.topics.removed"));
        assertThat(lastAudit("TOPIC_SUBCLASS_REMOVED")).isEqualTo("工业、交通 › 港航运输 -> ");
        assertThat(topics.resolve(agency(), "工业、交通 › 港航运输")).isEmpty();
        assertThat(portalCatalog()).doesNotContain("港航运输");
    }

    private String portalCatalog() throws Exception {
        return mvc.perform(get("/portal/catalog")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theAdministratorMayKeepSubclassesButDraftersAndLeadersMayNot() throws Exception {
        mvc.perform(post("/workbench/catalog/topics").with(csrf()).with(user(as("admin")))
                .param("topic", "综合政务").param("name", "政务督查")).andExpect(status().is3xxRedirection());
        assertThat(idOf("综合政务", "政务督查")).isNotNull();
        for (String who : new String[] {"staff", "leader", "depthead"}) {
            mvc.perform(get("/workbench/catalog/topics").with(user(as(who)))).andExpect(status().isForbidden());
            mvc.perform(post("/workbench/catalog/topics").with(csrf()).with(user(as(who)))
                    .param("topic", "综合政务").param("name", "越权子类")).andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForObject("select count(*) from topic_subclass where name = '越权子类'", Integer.class))
                .isZero();
        assertThat(mvc.perform(get("/workbench/catalog").with(user(as("office")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("href=\"/workbench/catalog/topics\"");
        assertThat(mvc.perform(get("/workbench/catalog").with(user(as("leader")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).doesNotContain("/workbench/catalog/topics");
        assertThat(mvc.perform(get("/workbench/admin/agency").with(user(as("admin")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("href=\"/workbench/catalog/topics\"");
    }

    @Test
    void aBlankDuplicateOverlongOrMisplacedNameIsRefusedNamingTheFieldAndKeepingWhatWasTyped() throws Exception {
        topics.add(agency(), "财政、金融、审计", "预算公开");
        String duplicate = mvc.perform(post("/workbench/catalog/topics").with(csrf()).with(user(as("office")))
                .param("topic", "财政、金融、审计").param("name", "预算公开")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(duplicate).contains("该大类下已有同名子类，请换一个“子类名称”", "value=\"预算公开\"",
                "<option value=\"财政、金融、审计\" selected=\"selected\">");
        assertThat(mvc.perform(post("/workbench/catalog/topics").with(csrf()).with(user(as("office")))
                .param("topic", "财政、金融、审计").param("name", "  ")).andReturn().getResponse().getContentAsString())
                .contains("请填写“子类名称”");
        String tooLong = "很长的子类名称".repeat(8);
        assertThat(mvc.perform(post("/workbench/catalog/topics").with(csrf()).with(user(as("office")))
                .param("topic", "财政、金融、审计").param("name", tooLong)).andReturn().getResponse().getContentAsString())
                .contains("“子类名称”不能超过 50 个字", "value=\"" + tooLong + "\"");
        assertThat(mvc.perform(post("/workbench/catalog/topics").with(csrf()).with(user(as("office")))
                .param("topic", "财政、金融、审计").param("name", "预算 › 决算")).andReturn().getResponse()
                .getContentAsString()).contains("“子类名称”不能包含“›”");
        assertThat(mvc.perform(post("/workbench/catalog/topics").with(csrf()).with(user(as("office")))
                .param("topic", "不存在的大类").param("name", "某子类")).andReturn().getResponse().getContentAsString())
                .contains("“大类”须为 22 个主题分类之一");

        topics.add(agency(), "财政、金融、审计", "决算公开");
        Long id = idOf("财政、金融、审计", "决算公开");
        assertThat(mvc.perform(post("/workbench/catalog/topics/" + id + "/rename").with(csrf())
                .with(user(as("office"))).param("name", "预算公开")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("该大类下已有同名子类", "value=\"预算公开\"");
        assertThat(idOf("财政、金融、审计", "决算公开")).isEqualTo(id);
    }

    @Test
    void anotherAgencysSubclassCanBeNeitherChosenNorChanged() {
        Long bureau = jdbc.queryForObject("select id from agency where code = 'SMBJ'", Long.class);
        TopicSubclass theirs = topics.add(bureau, "国防", "保密宣传");
        assertThat(topics.resolve(agency(), "国防 › 保密宣传")).isEmpty();
        assertThatThrownBy(() -> topics.rename(agency(), theirs.getId(), "改名")).hasMessage(
                "catalog.topics.error.notFound");
        assertThatThrownBy(() -> topics.remove(agency(), theirs.getId())).hasMessage(
                "catalog.topics.error.notFound");
        assertThatThrownBy(() -> topics.choice(agency(), "国防", theirs.getId())).hasMessage(
                "catalog.topics.error.unknown");
        assertThat(topics.choices(agency())).extracting(TopicChoice::label).doesNotContain("国防 › 保密宣传")
                .contains("国防", "其他");
    }
}
