package cn.gongkai.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@GongkaiAppTest
class AgencySettingsTest {

    @Autowired MockMvc mvc;
    @Autowired AccountDetailsService accounts;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aCreditCodeWithAWrongCheckCharacterIsRefusedNamingTheFieldAndKeepingWhatWasTyped() throws Exception {
        String page = mvc.perform(post("/workbench/admin/agency").with(csrf())
                .with(user(accounts.loadUserByUsername("admin"))).param("name", "示例市交通运输局（改）")
                .param("organisationCode", "91350100M000100Y44").param("yellowDays", "4"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("“机构代码”的校验位不正确", "value=\"91350100M000100Y44\"", "示例市交通运输局（改）");
        assertThat(jdbc.queryForObject("select name from agency where code = 'SJTJ'", String.class))
                .isEqualTo("示例市交通运输局");
    }

    @Test
    void theReminderWindowIsSetPerAgencyAndTheChangeIsAudited() throws Exception {
        mvc.perform(post("/workbench/admin/agency").with(csrf()).with(user(accounts.loadUserByUsername("admin")))
                .param("name", "示例市交通运输局").param("organisationCode", "000014349").param("yellowDays", "5"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select yellow_days from agency where code = 'SJTJ'", Integer.class))
                .isEqualTo(5);
        assertThat(jdbc.queryForObject("select after_value from audit_entry where action = 'AGENCY_CHANGED' "
                + "order by id desc limit 1", String.class)).contains("yellowDays=5");
        mvc.perform(post("/workbench/admin/agency").with(csrf()).with(user(accounts.loadUserByUsername("admin")))
                .param("name", "示例市交通运输局").param("organisationCode", "000014349").param("yellowDays", "3"));
    }

    @Test
    void onlyTheAdministratorChangesAgencySettings() throws Exception {
        mvc.perform(post("/workbench/admin/agency").with(csrf()).with(user(accounts.loadUserByUsername("leader")))
                .param("name", "x").param("organisationCode", "000014349").param("yellowDays", "3"))
                .andExpect(status().isForbidden());
    }
}
