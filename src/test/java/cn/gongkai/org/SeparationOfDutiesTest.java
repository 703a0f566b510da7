package cn.gongkai.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import java.util.Arrays;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * 等保 2.0 三权分立: the system administrator manages accounts but gives no roles, the security administrator gives
 * roles but creates no accounts, the audit administrator alone verifies and exports the audit log, and incompatible
 * roles never meet in one account.
 */
@GongkaiAppTest
class SeparationOfDutiesTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired AccountDetailsService accounts;
    @Autowired UserAccounts users;
    @Autowired JdbcTemplate jdbc;

    TestAgency agency;
    String admin;
    String secadmin;
    String clerk;

    @BeforeEach
    void anAgencyWithItsThreeKindsOfAccount() {
        agency = TestAgency.create(context, "三权分立测试局");
        Long office = agency.department("办公室");
        admin = agency.user("admin", office, Role.ADMIN);
        secadmin = agency.user("secadmin", office, Role.SECURITY_ADMIN);
        clerk = agency.user("clerk", office, Role.STAFF);
    }

    private RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    private UserAccount account(String username) {
        return users.findByUsername(username).orElseThrow();
    }

    private MockHttpServletRequestBuilder newAccount(String username) {
        return post("/workbench/admin/users").with(csrf()).param("username", username).param("displayName", "新人")
                .param("departmentId", account(clerk).getDepartmentId().toString()).param("password", "Newcomer2026x");
    }

    private MockHttpServletRequestBuilder roles(String of, String... roles) {
        return post("/workbench/security/users/" + account(of).getId()).with(csrf()).param("roles", roles);
    }

    @Test
    void theSystemAdministratorCreatesAnAccountWithoutRolesAndARolePostedWithItIsRefusedWith400() throws Exception {
        String refused = agency.code().toLowerCase() + "-with-role";
        mvc.perform(newAccount(refused).param("roles", "OFFICE").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("系统管理员不能分配“角色”")));
        assertThat(users.existsByUsername(refused)).isFalse();

        String created = agency.code().toLowerCase() + "-newcomer";
        mvc.perform(newAccount(created).with(as(admin))).andExpect(status().is3xxRedirection());
        assertThat(account(created).getRoles()).isEmpty();
    }

    @Test
    void theSystemAdministratorCannotGiveItselfAnyRole() throws Exception {
        UserAccount me = account(admin);
        mvc.perform(post("/workbench/admin/users/" + me.getId()).with(csrf()).with(as(admin))
                .param("displayName", "管理员").param("departmentId", me.getDepartmentId().toString())
                .param("roles", "ADMIN", "OFFICE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("系统管理员不能分配“角色”")));
        mvc.perform(roles(admin, "ADMIN", "OFFICE").with(as(admin))).andExpect(status().isForbidden());
        assertThat(account(admin).getRoles()).containsExactly(Role.ADMIN);
    }

    @Test
    void theSecurityAdministratorChangesAnotherAccountsRolesAndTheChangeIsAudited() throws Exception {
        mvc.perform(get("/workbench/security/users").with(as(secadmin))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(clerk)));

        mvc.perform(roles(clerk, "STAFF", "DEPT_HEAD").with(as(secadmin))).andExpect(status().is3xxRedirection());

        assertThat(account(clerk).getRoles()).containsExactlyInAnyOrder(Role.STAFF, Role.DEPT_HEAD);
        // Another agency's account is not there for this security administrator.
        mvc.perform(roles("staff", "OFFICE").with(as(secadmin))).andExpect(status().isNotFound());
        assertThat(account("staff").getRoles()).containsExactly(Role.STAFF);
        assertThat(jdbc.queryForObject("select after_value from audit_entry where action = 'ROLES_CHANGED' "
                + "and object_id = ? and actor = ? order by id desc limit 1", String.class, clerk, secadmin))
                .contains("roles=[DEPT_HEAD, STAFF]");
    }

    @Test
    void nobodyChangesTheirOwnRoles() throws Exception {
        mvc.perform(roles(secadmin, "SECURITY_ADMIN", "OFFICE").with(as(secadmin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("不能更改自己账户的“角色”")));
        mvc.perform(roles(secadmin).with(as(secadmin))).andExpect(status().isBadRequest());
        assertThat(account(secadmin).getRoles()).containsExactly(Role.SECURITY_ADMIN);
    }

    @Test
    void theSecurityAdministratorCreatesNoAccountsResetsNoPasswordsAndReadsNoAuditLog() throws Exception {
        mvc.perform(get("/workbench/admin/users").with(as(secadmin))).andExpect(status().isForbidden());
        mvc.perform(newAccount(agency.code().toLowerCase() + "-by-secadmin").with(as(secadmin)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/workbench/admin/users/" + account(clerk).getId() + "/password").with(csrf())
                .with(as(secadmin))).andExpect(status().isForbidden());
        mvc.perform(get("/workbench/audit").with(as(secadmin))).andExpect(status().isForbidden());
        mvc.perform(get("/workbench/audit/export").with(as(secadmin))).andExpect(status().isForbidden());
        mvc.perform(get("/workbench/audit").with(as(admin))).andExpect(status().isForbidden());
        mvc.perform(get("/workbench/audit/export").with(as(admin))).andExpect(status().isForbidden());
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = ';', textBlock = """
            ADMIN OFFICE;                “局办公室”与“系统管理员”
            SECURITY_ADMIN STAFF;        “工作人员”与“安全管理员”
            AUDITOR LEADING_GROUP;       “领导小组”与“安全审计员”
            ADMIN SECURITY_ADMIN;        “系统管理员”与“安全管理员”
            SECURITY_ADMIN AUDITOR;      “安全管理员”与“安全审计员”
            ADMIN AUDITOR;               “系统管理员”与“安全审计员”
            SECRECY_REVIEWER AUDITOR;    “保密审查”与“安全审计员”
            """)
    void incompatibleRolesAreRefusedWith400NamingBothOfThem(String combination, String named) throws Exception {
        mvc.perform(roles(clerk, combination.split(" ")).with(as(secadmin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("“角色”组合不允许：" + named + "不能由同一账户兼任")));
        assertThat(account(clerk).getRoles()).containsExactly(Role.STAFF);
    }

    @Test
    void contentRolesStillCombineAndAnAdministratorRoleAloneIsAllowed() throws Exception {
        mvc.perform(roles(clerk, "OFFICE", "LEADER", "LEADING_GROUP").with(as(secadmin)))
                .andExpect(status().is3xxRedirection());
        assertThat(account(clerk).getRoles()).containsExactlyInAnyOrder(Role.OFFICE, Role.LEADER, Role.LEADING_GROUP);
        mvc.perform(roles(clerk, "AUDITOR").with(as(secadmin))).andExpect(status().is3xxRedirection());
        assertThat(account(clerk).getRoles()).containsExactly(Role.AUDITOR);
    }

    @Test
    void theAuditAdministratorExportsTheFilteredLogAsCsvAndItsExportsAndVerificationsAreAuditedToo()
            throws Exception {
        String auditor = agency.user("auditor", account(clerk).getDepartmentId(), Role.AUDITOR);
        mvc.perform(roles(clerk, "STAFF", "OFFICE").with(as(secadmin))).andExpect(status().is3xxRedirection());

        String csv = mvc.perform(get("/workbench/audit/export").param("action", "ROLES_CHANGED")
                .param("object", clerk).with(as(auditor)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("序号,时间,操作人", "ROLES_CHANGED", clerk, secadmin).doesNotContain("USER_CREATED");
        mvc.perform(post("/workbench/audit/verify").with(csrf()).with(as(auditor))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("日志完整")));

        assertThat(jdbc.queryForList("select action from audit_entry where actor = ? order by id", String.class,
                auditor)).containsExactly("AUDIT_EXPORTED", "AUDIT_VERIFIED");

        // The leading group reads the log (it inspects the agency's work) but neither exports nor verifies it.
        String group = agency.user("group", account(clerk).getDepartmentId(), Role.LEADING_GROUP);
        mvc.perform(get("/workbench/audit").with(as(group))).andExpect(status().isOk());
        mvc.perform(get("/workbench/audit/export").with(as(group))).andExpect(status().isForbidden());
        mvc.perform(post("/workbench/audit/verify").with(csrf()).with(as(group))).andExpect(status().isForbidden());
    }

    @Test
    void noEndpointChangesOrDeletesAnAuditEntry() {
        var mappings = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                .getHandlerMethods();
        mappings.forEach((info, method) -> {
            boolean audit = method.getBeanType().getPackageName().equals("cn.gongkai.audit")
                    || info.getPatternValues().stream().anyMatch(p -> p.contains("audit"));
            if (!audit) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            assertThat(methods).as(info.toString()).isNotEmpty();
            if (methods.contains(RequestMethod.POST)) {
                assertThat(info.getPatternValues()).as("the only POST on the audit log verifies it")
                        .containsExactly("/workbench/audit/verify");
            }
            assertThat(methods).as(info.toString()).allMatch(m -> m == RequestMethod.GET || m == RequestMethod.POST);
        });
        assertThat(Arrays.stream(Role.values()).filter(r -> !r.isContent()))
                .containsExactly(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR, Role.PLATFORM_ADMIN);
    }

    @Test
    void theSystemAdministratorCannotResetTheAuditorsPasswordOrSecondFactorSoCannotSignInAsTheAuditor()
            throws Exception {
        String auditor = agency.user("auditor", account(clerk).getDepartmentId(), Role.AUDITOR);
        String hashBefore = account(auditor).getPasswordHash();
        for (String guarded : new String[] {auditor, secadmin}) {
            Long id = account(guarded).getId();
            mvc.perform(post("/workbench/admin/users/" + id + "/password").with(csrf()).with(as(admin)))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                            .attribute("problem", "org.user.password.guarded"))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                            .attributeCount(1));
            mvc.perform(post("/workbench/admin/users/" + id + "/second-factor/reset").with(csrf()).with(as(admin)))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                            .attribute("problem", "org.user.password.guarded"));
        }
        assertThat(account(auditor).getPasswordHash()).isEqualTo(hashBefore);
        assertThat(account(auditor).isPasswordChangeRequired()).isFalse();
        // A staff member's password is still the administrator's to reset.
        mvc.perform(post("/workbench/admin/users/" + account(clerk).getId() + "/password").with(csrf())
                .with(as(admin))).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("newPassword"));
    }

    @Autowired Administration administration;

    @Test
    void theOperatorResetsTheAuditorsPasswordAtTheServerAndTheAuditorMustChangeItAtFirstLogin() {
        String auditor = agency.user("auditor2", account(clerk).getDepartmentId(), Role.AUDITOR);
        String password = administration.resetAtServer(auditor);
        assertThat(new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
                .matches(password, account(auditor).getPasswordHash().replaceFirst("^\\{bcrypt}", ""))).isTrue();
        assertThat(account(auditor).isPasswordChangeRequired()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'PASSWORD_RESET' and "
                + "object_id = ?", Integer.class, auditor)).isEqualTo(1);
    }
}
