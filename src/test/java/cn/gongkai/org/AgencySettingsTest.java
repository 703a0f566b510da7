package cn.gongkai.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

    String saveIndexPattern(String pattern, String organisationCode) throws Exception {
        return mvc.perform(post("/workbench/admin/agency").with(csrf())
                .with(user(accounts.loadUserByUsername("admin"))).param("name", "示例市交通运输局")
                .param("organisationCode", organisationCode).param("yellowDays", "3").param("indexPattern", pattern))
                .andReturn().getResponse().getContentAsString();
    }

    String storedPattern() {
        return jdbc.queryForObject("select index_pattern from agency where code = 'SJTJ'", String.class);
    }

    @Test
    void theIndexNumberPatternIsAnAgencySettingDefaultingToCodeYearAndFiveDigitSerialAndItsChangeIsAudited()
            throws Exception {
        String page = mvc.perform(get("/workbench/admin/agency").with(user(accounts.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("索引号格式", "value=\"{code}/{year}-{serial:5}\"", "{serial:N}");
        try {
            saveIndexPattern("{code}/GK/{year}/{serial:6}", "000014349");
            assertThat(storedPattern()).isEqualTo("{code}/GK/{year}/{serial:6}");
            assertThat(jdbc.queryForObject("select after_value from audit_entry where action = 'AGENCY_CHANGED' "
                    + "order by id desc limit 1", String.class)).contains("indexPattern={code}/GK/{year}/{serial:6}");
        } finally {
            saveIndexPattern("{code}/{year}-{serial:5}", "000014349");
        }
        assertThat(storedPattern()).isEqualTo("{code}/{year}-{serial:5}");
    }

    @Test
    void aPatternWithoutYearOrSerialOrWithUnknownTokensIsRefusedNamingTheFieldAndKeepingWhatWasTyped()
            throws Exception {
        assertThat(saveIndexPattern("{code}/{serial:5}", "000014349"))
                .contains("“索引号格式”须包含年份 {year}", "value=\"{code}/{serial:5}\"");
        assertThat(saveIndexPattern("{code}/{year}", "000014349"))
                .contains("“索引号格式”须包含且只包含一个序号 {serial:N}", "value=\"{code}/{year}\"");
        assertThat(saveIndexPattern("{dept}/{year}-{serial:5}", "000014349"))
                .contains("“索引号格式”中有不认识的占位符", "value=\"{dept}/{year}-{serial:5}\"");
        assertThat(saveIndexPattern("{code}/{year} {serial:5}", "000014349"))
                .contains("“索引号格式”在占位符之外只能使用字母、数字");
        assertThat(saveIndexPattern("A".repeat(61), "000014349")).contains("“索引号格式”不能超过 60 个字符");
        assertThat(storedPattern()).isEqualTo("{code}/{year}-{serial:5}");
    }

    @Test
    void aPatternWhoseNumbersWouldNotFitTheCatalogWithTheAgencysCreditCodeIsRefused() throws Exception {
        String pattern = "{code}-{code}-{code}/{year}-{serial:8}";
        assertThat(saveIndexPattern(pattern, "91350100M000100Y43"))
                .contains("可能超过 64 个字符", "value=\"" + pattern + "\"", "value=\"91350100M000100Y43\"");
        assertThat(storedPattern()).isEqualTo("{code}/{year}-{serial:5}");
        assertThat(jdbc.queryForObject("select organisation_code from agency where code = 'SJTJ'", String.class))
                .isEqualTo("000014349");
    }
}
