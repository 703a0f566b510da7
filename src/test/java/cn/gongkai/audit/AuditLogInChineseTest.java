package cn.gongkai.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.Role;
import cn.gongkai.org.TestAgency;
import cn.gongkai.support.GongkaiAppTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The audit log reads in Chinese: actions and object types by name, people by name and department; the reader
 * filters by the Chinese action and by a person's name; the auditor exports it as an Excel workbook.
 */
@GongkaiAppTest
class AuditLogInChineseTest {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditTrail trail;

    TestAgency agency;
    String auditor;
    String group;
    String zhang;

    @BeforeEach
    void anAgencyWhereZhangSanOfThePlanningSectionSignsIn() throws Exception {
        agency = TestAgency.create(context, "审计阅读");
        Long office = agency.department("局办公室");
        Long planning = agency.department("综合规划科");
        auditor = agency.user("auditor", "审计员", office, Role.AUDITOR);
        group = agency.user("group", "领导小组成员", office, Role.LEADING_GROUP);
        zhang = agency.user("zhang", "张三", planning, Role.STAFF);
        mvc.perform(formLogin("/login").user(zhang).password(TestAgency.PASSWORD));
    }

    RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    String page(String who, String... params) throws Exception {
        var request = get("/workbench/audit");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request.with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void eachEntryShowsItsActionAndObjectInChineseAndThePersonByNameAndDepartment() throws Exception {
        String login = page(group, "actor", zhang, "action", "LOGIN");
        assertThat(login).contains("共 1 条记录", "张三（综合规划科）", ">登录<", "用户");

        // The security administrator's role change, recorded with the account's values before and after.
        String roles = page(group, "action", "ROLES_CHANGED", "object", zhang);
        assertThat(roles).contains("共 1 条记录", ">角色变更<", "变更前：", "角色：无", "变更后：",
                "科室：综合规划科", "姓名：张三", "角色：工作人员").doesNotContain("displayName=", "roles=[STAFF]");
    }

    @Test
    void theActionFilterTakesTheChineseNameAndTheActorFilterAPersonsName() throws Exception {
        // 张三 is typed by name, the action in Chinese; the login name still works too.
        assertThat(page(group, "actor", "张三", "action", "登录")).contains("共 1 条记录", "张三（综合规划科）");
        assertThat(page(group, "actor", "张三", "actionText", "登录")).contains("共 1 条记录");
        assertThat(page(group, "actor", zhang, "action", "LOGIN")).contains("共 1 条记录");
        assertThat(page(group, "actor", "张三", "action", "退出")).contains("共 0 条记录");
        assertThat(page(group, "actor", "李四", "action", "登录")).contains("共 0 条记录");
        // The object filter takes an object type's Chinese name.
        assertThat(page(group, "actionText", "角色变更", "object", "用户")).doesNotContain("共 0 条记录");
        // The select offers every action by its Chinese name, with the code as the value.
        assertThat(page(group)).contains("<option value=\"LOGIN\">登录</option>",
                "<option value=\"REQUEST_ASSIGNED\">指派科室</option>",
                "<option value=\"ITEM_PUBLISHED\">发布</option>");
    }

    @Test
    void theAuditorExportsTheFilteredLogAsAWorkbookWithTheChineseActionAndThePersonsName() throws Exception {
        byte[] xlsx = mvc.perform(get("/workbench/audit/export.xlsx").param("actor", "张三").with(as(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = read(xlsx);
        assertThat(rows.getFirst()).startsWith("序号", "时间", "操作人", "姓名", "科室", "地址", "操作", "操作名称");
        assertThat(rows).anySatisfy(r -> assertThat(r).contains(zhang, "张三", "综合规划科", "LOGIN", "登录", "USER",
                "用户"));
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.get(2)).isEqualTo(zhang));

        // Exporting is audited like the CSV export, with the format.
        assertThat(jdbc.queryForObject("select detail from audit_entry where action = 'AUDIT_EXPORTED' and actor = ? "
                + "order by id desc limit 1", String.class, auditor)).contains("filter=actor=张三", "format=xlsx");

        // The leading group reads the log but does not export it; neither do the administrators or the staff.
        for (String other : List.of(group, zhang)) {
            mvc.perform(get("/workbench/audit/export.xlsx").with(as(other))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/workbench/audit/export.xlsx").with(as("admin"))).andExpect(status().isForbidden());
    }

    @Test
    void aFormulaInAnExportedCellStaysText() throws Exception {
        trail.recordAs(zhang, "127.0.0.1", AuditRecord.of(agency.id(), "TEST_FORMULA", "TEST", "=1+1",
                "=HYPERLINK(\"http://example.com\",\"x\")"));
        byte[] xlsx = mvc.perform(get("/workbench/audit/export.xlsx").param("object", "=1+1").with(as(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row row = wb.getSheetAt(0).getRow(1);
            for (int c : new int[] {10, 13}) {
                Cell cell = row.getCell(c);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).startsWith("=");
                assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
            }
        }
        String csv = mvc.perform(get("/workbench/audit/export").param("actor", zhang).param("action", "LOGIN")
                .with(as(auditor))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("操作名称").contains(",LOGIN,登录,USER,用户,").contains(zhang + ",张三,综合规划科,");
    }

    private static List<List<String>> read(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
