package cn.gongkai.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** GET /api/v1/org/departments: the signed-in member's own agency's departments (科室 and 局属单位), never another's. */
@GongkaiAppTest
class DepartmentsApiTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired Administration admin;
    @Autowired AccountDetailsService accounts;
    @Autowired Departments departments;

    TestAgency agency;
    Long office;
    Long unit;
    String clerk;

    @BeforeEach
    void aSecondAgencyWithAnOfficeAndAnAffiliatedUnit() {
        agency = TestAgency.create(context, "科室接口测试局");
        office = agency.department("办公室" + agency.code());
        unit = agency.department("信息中心" + agency.code(), DepartmentKind.AFFILIATED_UNIT);
        clerk = agency.user("clerk", office, Role.STAFF);
    }

    List<Map<String, Object>> list(String json) {
        return JsonPath.read(json, "$");
    }

    @Test
    void aMemberListsTheDepartmentsOfTheirOwnAgencyOnlyWithTheirKinds() throws Exception {
        String json = mvc.perform(get("/api/v1/org/departments").with(httpBasic(clerk, TestAgency.PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString();
        assertThat(list(json)).containsExactly(
                Map.of("id", office.intValue(), "name", "办公室" + agency.code(), "kind", "OFFICE_UNIT"),
                Map.of("id", unit.intValue(), "name", "信息中心" + agency.code(), "kind", "AFFILIATED_UNIT"));

        String demo = mvc.perform(get("/api/v1/org/departments").with(httpBasic("staff", "Gongkai@2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list(demo)).extracting(d -> d.get("name")).contains("综合规划科", "局办公室")
                .doesNotContain("办公室" + agency.code(), "信息中心" + agency.code());
        assertThat(list(demo)).extracting(d -> d.get("kind")).containsOnly("OFFICE_UNIT");
    }

    @Test
    void theSignedInSessionIsEnoughAndADeactivatedDepartmentIsLeftOut() throws Exception {
        DepartmentForm form = DepartmentForm.of(departments.findByIdAndAgencyId(unit, agency.id()).orElseThrow());
        form.setActive(false);
        admin.updateDepartment(agency.id(), unit, form);
        mvc.perform(get("/api/v1/org/departments").with(user(accounts.loadUserByUsername(clerk))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(office.intValue()));
    }

    @Test
    void anAnonymousCallerIsAnswered401AsJson() throws Exception {
        mvc.perform(get("/api/v1/org/departments")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void theAdministratorSetsADepartmentsKindOnTheDepartmentsPage() throws Exception {
        String admin = agency.user("admin", office, Role.ADMIN);
        String name = "质监站" + agency.code();
        mvc.perform(post("/workbench/admin/departments").with(csrf()).with(user(accounts.loadUserByUsername(admin)))
                .param("name", name).param("sortOrder", "5").param("kind", "AFFILIATED_UNIT"))
                .andExpect(status().is3xxRedirection());
        assertThat(departments.findByAgencyIdOrderBySortOrderAscIdAsc(agency.id()))
                .filteredOn(d -> d.getName().equals(name)).extracting(Department::getKind)
                .containsExactly(DepartmentKind.AFFILIATED_UNIT);
        String page = mvc.perform(get("/workbench/admin/departments").with(user(accounts.loadUserByUsername(admin))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("局属单位");
    }

    @Test
    void theOpenApiDocumentDescribesTheDepartmentsList() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Map<String, Object> departments = JsonPath.read(doc, "$.paths['/api/v1/org/departments']");
        assertThat(departments).containsKey("get");
    }
}
