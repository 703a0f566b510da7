package cn.gongkai.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** One deployment, several agencies: nobody sees or changes another agency's departments or accounts. */
@GongkaiAppTest
class AgencyScopingTest {

    @Autowired MockMvc mvc;
    @Autowired Administration admin;
    @Autowired Agencies agencies;
    @Autowired Departments departments;
    @Autowired UserAccounts users;
    @Autowired AccountDetailsService accounts;

    Agency bureau;
    Department bureauDept;
    UserAccount bureauUser;

    @BeforeEach
    void secondAgencyWithItsOwnAccount() {
        bureau = agencies.findByCode("SMBJ").orElseThrow();
        bureauDept = departments.findByAgencyIdOrderBySortOrderAscIdAsc(bureau.getId()).getFirst();
        bureauUser = users.findByUsername("bureau-clerk").orElseGet(() -> {
            UserForm form = new UserForm();
            form.setUsername("bureau-clerk");
            form.setDisplayName("保密局职员");
            form.setDepartmentId(bureauDept.getId());
            form.setPassword("Bureau2026x");
            UserAccount created = admin.createUser(bureau.getId(), form);
            return admin.assignRoles(bureau.getId(), created.getId(), Set.of(Role.STAFF), null);
        });
    }

    private StaffPrincipal demoAdmin() {
        return (StaffPrincipal) accounts.loadUserByUsername("admin");
    }

    @Test
    void anAdministratorListsOnlyTheAccountsOfTheirOwnAgency() throws Exception {
        String page = mvc.perform(get("/workbench/admin/users").with(user(demoAdmin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("staff", "depthead").doesNotContain("bureau-clerk");
    }

    @Test
    void anotherAgencysAccountCannotBeOpenedOrChangedByUrl() throws Exception {
        mvc.perform(get("/workbench/admin/users/" + bureauUser.getId()).with(user(demoAdmin())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/workbench/admin/users/" + bureauUser.getId() + "/password").with(csrf())
                .with(user(demoAdmin()))).andExpect(status().isNotFound());
        mvc.perform(post("/workbench/admin/users/" + bureauUser.getId() + "/enabled").param("enabled", "false")
                .with(csrf()).with(user(demoAdmin()))).andExpect(status().isNotFound());
        assertThat(users.findByUsername("bureau-clerk").orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void anotherAgencysDepartmentCannotBeOpenedOrUsedForANewAccount() throws Exception {
        mvc.perform(get("/workbench/admin/departments/" + bureauDept.getId()).with(user(demoAdmin())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/workbench/admin/users").with(csrf()).with(user(demoAdmin())).param("username", "sneaky")
                .param("displayName", "越权").param("departmentId", bureauDept.getId().toString())
                .param("password", "Outsider2026x"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请选择本机关的“所在科室”")));
        assertThat(users.existsByUsername("sneaky")).isFalse();
    }

    @Test
    void onlyAdministratorsReachUserAdministration() throws Exception {
        mvc.perform(get("/workbench/admin/users").with(user(accounts.loadUserByUsername("office"))))
                .andExpect(status().isForbidden());
    }
}
