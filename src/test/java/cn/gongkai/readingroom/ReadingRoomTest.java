package cn.gongkai.readingroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.interpretation.Interpretations;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import java.time.LocalDate;
import java.time.ZoneId;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** 公共查阅室 (工作职责 五.3): the office records visits and calls, prints for the visitor, and the dashboard counts them. */
@GongkaiAppTest
class ReadingRoomTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;
    @Autowired ReadingRoom room;
    @Autowired Interpretations interpretations;

    MockHttpServletRequestBuilder by(String username, MockHttpServletRequestBuilder request) {
        return request.with(csrf()).with(user((StaffPrincipal) accounts.loadUserByUsername(username)));
    }

    long agency() {
        return jdbc.queryForObject("select agency_id from user_account where username = 'office'", Long.class);
    }

    @Test
    void theOfficeRecordsAVisitAndACallAndTheDashboardCountsThemWithThePagesPrinted() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate january = LocalDate.of(today.getYear(), 1, 1);
        LocalDate december = LocalDate.of(today.getYear(), 12, 31);
        ReadingRoom.Figures before = room.figures(agency(), january, december);
        mvc.perform(by("office", post("/workbench/reading-room")).param("visitedOn", today.toString())
                .param("channel", "IN_PERSON").param("sought", "出租汽车经营权有偿使用的规定")
                .param("given", "提供《出租汽车经营权有偿使用管理办法》并打印").param("printedPagesInput", "12"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(by("office", post("/workbench/reading-room")).param("visitedOn", today.toString())
                .param("channel", "TELEPHONE").param("sought", "春运期间客运班线安排").param("given", "告知查阅门户网站有关通知"))
                .andExpect(status().is3xxRedirection());
        ReadingRoom.Figures after = room.figures(agency(), january, december);
        assertThat(after.visits()).isEqualTo(before.visits() + 1);
        assertThat(after.calls()).isEqualTo(before.calls() + 1);
        assertThat(after.printedPages()).isEqualTo(before.printedPages() + 12);

        Interpretations.YearFigures policies = interpretations.figures(agency(), january, december);
        mvc.perform(by("office", get("/workbench/dashboard"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("来访查阅 " + after.visits() + " 人次，电话咨询 "
                        + after.calls() + " 次，打印 " + after.printedPages() + " 页")))
                .andExpect(content().string(Matchers.containsString("本期发布须解读的政策 " + policies.policies()
                        + " 件：按时发布解读 " + policies.onTime() + " 件，逾期发布 " + policies.late() + " 件，逾期尚未发布 "
                        + policies.overdue() + " 件")));
        // The demo has this year's policies, one interpreted late and one not yet (三同步 五).
        assertThat(policies.late()).isPositive();
        assertThat(policies.overdue()).isPositive();
        assertThat(policies.onTime()).isPositive();
    }

    @Test
    void aRecordWithoutWhatWasSoughtIsRefusedNamingTheFieldsAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(by("office", post("/workbench/reading-room")).param("visitedOn", "2099-01-01")
                .param("given", "已答复的内容保留").param("printedPagesInput", "-3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("已答复的内容保留")))
                .andExpect(content().string(Matchers.containsString("请填写“查找的信息”")))
                .andExpect(content().string(Matchers.containsString("请选择“方式”")))
                .andExpect(content().string(Matchers.containsString("不能晚于今天")))
                .andExpect(content().string(Matchers.containsString("“打印页数”须在 0 到 10000 之间")));
        mvc.perform(by("staff", get("/workbench/reading-room"))).andExpect(status().isForbidden());
        mvc.perform(by("staff", post("/workbench/reading-room")).param("visitedOn", LocalDate.now().toString())
                .param("channel", "TELEPHONE").param("sought", "x").param("given", "y"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOfficePrintsAPublicItemAndACatalogExtractButNothingThatIsNotPublic() throws Exception {
        String index = jdbc.queryForObject("select index_number from catalog_entry where agency_id = ? "
                + "and state = 'PUBLISHED' and attribute = 'PROACTIVE' order by id limit 1", String.class, agency());
        String title = jdbc.queryForObject("select title from catalog_entry where index_number = ?", String.class,
                index);
        mvc.perform(by("office", get("/workbench/reading-room/print").param("index", index)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(title)))
                .andExpect(content().string(Matchers.containsString("打印于公共查阅室")));
        mvc.perform(by("office", get("/workbench/reading-room/print").param("index", "不存在/2026-99999")))
                .andExpect(status().isNotFound());
        mvc.perform(by("office", get("/workbench/reading-room/extract").param("q", "交通运输")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("公开目录摘录")))
                .andExpect(content().string(Matchers.containsString("检索词：交通运输")));
        mvc.perform(by("office", get("/workbench/reading-room").param("q", "出租汽车"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/workbench/reading-room/print?index=")));
    }
}
