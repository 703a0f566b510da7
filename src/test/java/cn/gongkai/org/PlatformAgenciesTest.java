package cn.gongkai.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A city's platform (issue 14, part 1): the platform administrator creates agencies with their first system
 * administrator; the demo city's agencies are there; the public list of agencies; and the platform administrator
 * sees no agency's content.
 */
@GongkaiAppTest
class PlatformAgenciesTest {

    static final String PASSWORD = "Gongkai@2026";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;
    @Autowired PasswordEncoder encoder;

    @Test
    void theDemoCityHasItsAuthorityTwoMoreBureausAndTheirOffices() throws Exception {
        mvc.perform(get("/api/v1/agencies"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'SZFB')].name").value("示例市人民政府办公室"))
                .andExpect(jsonPath("$[?(@.code == 'SZFB')].kind").value("DISCLOSURE_AUTHORITY"))
                .andExpect(jsonPath("$[?(@.code == 'ZRZY')].name").value("示例市自然资源和规划局"))
                .andExpect(jsonPath("$[?(@.code == 'SCJG')].name").value("示例市市场监督管理局"))
                .andExpect(jsonPath("$[?(@.code == 'SMBJ')].kind").value("SECRECY_BUREAU"))
                // Each agency's portal has its own address; the city's home is the platform's.
                .andExpect(jsonPath("$[?(@.code == 'SJTJ')].portalUrl").value("/agencies/SJTJ/"))
                .andExpect(jsonPath("$[?(@.code == 'SMBJ')].portalUrl").value(org.hamcrest.Matchers.contains(
                        org.hamcrest.Matchers.nullValue())));
        for (String office : new String[] {"city-office", "zrzy-office", "scjg-office"}) {
            assertThat(jdbc.queryForObject("select count(*) from user_account u join user_role r on r.user_id = u.id "
                    + "where u.username = ? and r.role = 'OFFICE'", Integer.class, office)).as(office).isOne();
        }
        assertThat(jdbc.queryForObject("select p.code from agency a join agency p on p.id = a.parent_id "
                + "where a.code = 'ZRZY'", String.class)).isEqualTo("SZFB");
        assertThat(jdbc.queryForObject("select p.code from agency a join agency p on p.id = a.parent_id "
                + "where a.code = 'SJTJ'", String.class)).isEqualTo("SZFB");
        // The land and market bureaus work: items published through their own review chains, requests received
        // and answered by their own office and staff.
        for (String code : new String[] {"ZRZY", "SCJG"}) {
            assertThat(jdbc.queryForObject("select count(*) from info_item i join agency a on a.id = i.agency_id "
                    + "where a.code = ? and i.status = 'PUBLISHED'", Integer.class, code)).as(code).isEqualTo(3);
            assertThat(jdbc.queryForObject("select count(distinct d.role) from review_decision d join info_item i "
                    + "on i.id = d.item_id join agency a on a.id = i.agency_id where a.code = ?", Integer.class, code))
                    .as(code + ": decided by its head, its confidentiality review and its leader").isEqualTo(3);
            assertThat(jdbc.queryForList("select r.status from info_request r join agency a on a.id = r.agency_id "
                    + "where a.code = ? order by r.id", String.class, code)).as(code).hasSize(2)
                    .contains("RECEIVED");
        }
    }

    @Test
    void thePlatformAdministratorCreatesAnAgencyWhoseFirstAdministratorSignsInWithAOneTimePassword()
            throws Exception {
        String body = mvc.perform(post("/api/v1/platform/agencies").with(httpBasic("platform", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"code":"SWJK","name":"示例市卫生健康委员会","kind":"AGENCY",
                                 "organisationCode":"000014360","parentCode":"SZFB",
                                 "adminUsername":"swjk-admin","adminDisplayName":"卫管理"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("SWJK"))
                .andExpect(jsonPath("$.kind").value("AGENCY"))
                .andExpect(jsonPath("$.parent").value("SZFB"))
                .andExpect(jsonPath("$.indexPattern").value(IndexNumberPattern.DEFAULT_TEXT))
                .andExpect(jsonPath("$.administrator.username").value("swjk-admin"))
                // 三权分立 from the first day: the agency can give roles and read its audit log.
                .andExpect(jsonPath("$.securityAdministrator.username").value("swjk-secadmin"))
                .andExpect(jsonPath("$.auditor.username").value("swjk-auditor"))
                .andReturn().getResponse().getContentAsString();
        for (String[] holder : new String[][] {{"swjk-secadmin", "ROLE_SECURITY_ADMIN", "securityAdministrator"},
            {"swjk-auditor", "ROLE_AUDITOR", "auditor"}}) {
            StaffPrincipal p = (StaffPrincipal) accounts.loadUserByUsername(holder[0]);
            assertThat(p.getAuthorities()).extracting(Object::toString).containsExactly(holder[1]);
            String password = JsonPath.read(body, "$." + holder[2] + ".oneTimePassword");
            assertThat(encoder.matches(password, jdbc.queryForObject("select password_hash from user_account "
                    + "where username = ?", String.class, holder[0]))).isTrue();
        }
        String oneTime = JsonPath.read(body, "$.administrator.oneTimePassword");
        assertThat(oneTime).hasSizeGreaterThanOrEqualTo(12);

        // The new agency has its office and its administrator, who must choose a password at the first sign-in.
        Long agencyId = jdbc.queryForObject("select id from agency where code = 'SWJK'", Long.class);
        assertThat(jdbc.queryForList("select name from department where agency_id = ?", String.class, agencyId))
                .containsExactly("办公室");
        StaffPrincipal admin = (StaffPrincipal) accounts.loadUserByUsername("swjk-admin");
        assertThat(admin.agencyId()).isEqualTo(agencyId);
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
        assertThat(encoder.matches(oneTime, jdbc.queryForObject("select password_hash from user_account "
                + "where username = 'swjk-admin'", String.class))).isTrue();
        assertThat(jdbc.queryForObject("select password_change_required from user_account "
                + "where username = 'swjk-admin'", Boolean.class)).isTrue();

        // Audited where the platform administrator works and in the new agency.
        Long authority = jdbc.queryForObject("select id from agency where code = 'SZFB'", Long.class);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'AGENCY_CREATED' "
                + "and agency_id = ? and object_id = ?", Integer.class, authority, agencyId.toString())).isOne();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'AGENCY_CREATED' "
                + "and agency_id = ?", Integer.class, agencyId)).isOne();

        // Listed for the platform administrator with its parent, and publicly without a portal yet.
        mvc.perform(get("/api/v1/platform/agencies").with(httpBasic("platform", PASSWORD)))
                .andExpect(jsonPath("$[?(@.code == 'SWJK')].parent").value("SZFB"));
        mvc.perform(get("/api/v1/agencies"))
                .andExpect(jsonPath("$[?(@.code == 'SWJK')].name").value("示例市卫生健康委员会"));
    }

    @Test
    void aNewAgencyWithBadFieldsIsRefusedNamingEachFieldAndNothingIsCreated() throws Exception {
        long before = jdbc.queryForObject("select count(*) from agency", Long.class);
        mvc.perform(post("/api/v1/platform/agencies").with(httpBasic("platform", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"code":"zr","name":"","kind":"AGENCY","organisationCode":"12",
                                 "adminUsername":"X","adminDisplayName":"某某"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("code", "name",
                        "organisationCode", "adminUsername")))
                .andExpect(jsonPath("$.errors[?(@.field == 'code')].message").value(
                        "“机关代码”须为大写字母开头的 2 至 16 位大写字母或数字。"));
        // A code already used, a parent that is no authority, a kind that does not exist.
        mvc.perform(post("/api/v1/platform/agencies").with(httpBasic("platform", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"code":"ZRZY","name":"重复","kind":"AGENCY","organisationCode":"000014361",
                                 "adminUsername":"dup-admin","adminDisplayName":"某某"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message").value("“机关代码”ZRZY已被平台上的另一机关使用。"));
        mvc.perform(post("/api/v1/platform/agencies").with(httpBasic("platform", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"code":"XXJG","name":"某局","kind":"AGENCY","organisationCode":"000014362",
                                 "parentCode":"SCJG","adminUsername":"xx-admin","adminDisplayName":"某某"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentCode"));
        mvc.perform(post("/api/v1/platform/agencies").with(httpBasic("platform", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"code":"XXJG","name":"某局","kind":"BUREAU","organisationCode":"000014362",
                                 "adminUsername":"xx-admin","adminDisplayName":"某某"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", Matchers.containsString("kind")));
        assertThat(jdbc.queryForObject("select count(*) from agency", Long.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from user_account where username in ('dup-admin', "
                + "'xx-admin')", Long.class)).isZero();
    }

    @Test
    void onlyThePlatformAdministratorCreatesAgenciesAndItSeesNoAgencysContent() throws Exception {
        for (String other : new String[] {"admin", "office", "city-office", "secadmin"}) {
            mvc.perform(post("/api/v1/platform/agencies").with(httpBasic(other, PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"code":"QTJG","name":"其他局","kind":"AGENCY","organisationCode":"000014363",
                                     "adminUsername":"qt-admin","adminDisplayName":"某某"}"""))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/workbench/platform/agencies").with(user(principal(other))))
                    .andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForObject("select count(*) from agency where code = 'QTJG'", Long.class)).isZero();
        // No content: the catalog, the dashboard and the audit log are closed to it, the lists of items and requests
        // are empty, and an item of any agency is not found.
        for (String path : new String[] {"/workbench/catalog", "/workbench/dashboard", "/workbench/audit"}) {
            mvc.perform(get(path).with(user(principal("platform")))).andExpect(status().isForbidden());
        }
        Long item = jdbc.queryForObject("select min(id) from info_item", Long.class);
        String title = jdbc.queryForObject("select title from info_item where id = ?", String.class, item);
        String applicant = jdbc.queryForObject("select tracking_number from info_request order by id limit 1",
                String.class);
        mvc.perform(get("/workbench/items").with(user(principal("platform"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(title))));
        mvc.perform(get("/workbench/requests").with(user(principal("platform"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(applicant))));
        mvc.perform(get("/api/v1/items/" + item).with(httpBasic("platform", PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theWorkbenchPageCreatesAnAgencyAndShowsTheOneTimePasswordOnce() throws Exception {
        mvc.perform(get("/workbench/platform/agencies").with(user(principal("platform"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("示例市自然资源和规划局")))
                .andExpect(content().string(Matchers.containsString("政务公开主管部门")));
        mvc.perform(post("/workbench/platform/agencies").with(csrf()).with(user(principal("platform")))
                        .param("code", "SSWJ").param("name", "示例市商务局").param("kind", "AGENCY")
                        .param("organisationCode", "000014364").param("parentCode", "SZFB")
                        .param("adminUsername", "sswj-admin").param("adminDisplayName", "商管理"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("createdUsername", "sswj-admin"))
                .andExpect(flash().attribute("oneTimePassword", Matchers.matchesPattern("[A-Za-z0-9]{12,}")))
                .andExpect(flash().attribute("firstAccounts", Matchers.hasSize(3)));
        // The next page shows the three one-time passwords, once.
        org.springframework.web.servlet.FlashMap shown = new org.springframework.web.servlet.FlashMap();
        shown.put("createdAgency", "示例市商务局");
        shown.put("firstAccounts", java.util.List.of(java.util.Map.of("role", "SECURITY_ADMIN", "username",
                "sswj-secadmin", "password", "Abcdefgh2345jk")));
        mvc.perform(get("/workbench/platform/agencies").with(user(principal("platform")))
                        .flashAttrs(shown))
                .andExpect(content().string(Matchers.containsString(
                        "机关“示例市商务局”的安全管理员 sswj-secadmin 的一次性密码：Abcdefgh2345jk")));
        // A bad form comes back with what was typed and the field named.
        mvc.perform(post("/workbench/platform/agencies").with(csrf()).with(user(principal("platform")))
                        .param("code", "SSWJ").param("name", "示例市商务局二").param("kind", "AGENCY")
                        .param("organisationCode", "000014365").param("adminUsername", "sswj2-admin")
                        .param("adminDisplayName", "商管理"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("“机关代码”SSWJ已被平台上的另一机关使用。")))
                .andExpect(content().string(Matchers.containsString("value=\"示例市商务局二\"")));
    }

    @Test
    void noSecurityAdministratorGrantsOrChangesThePlatformAdministratorRole() throws Exception {
        Long staff = jdbc.queryForObject("select id from user_account where username = 'staff'", Long.class);
        mvc.perform(post("/workbench/security/users/" + staff).with(csrf()).with(user(principal("secadmin")))
                        .param("roles", "PLATFORM_ADMIN"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("“平台管理员”是平台的角色")));
        assertThat(jdbc.queryForList("select role from user_role where user_id = ?", String.class, staff))
                .doesNotContain("PLATFORM_ADMIN");
    }

    StaffPrincipal principal(String username) {
        return (StaffPrincipal) accounts.loadUserByUsername(username);
    }
}
