package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 全市情况 (issue 14): the city's disclosure authority reads each agency that answers to it, and only the authority
 * does. The transport bureau's row shows the same figures as its own dashboard.
 */
@GongkaiAppTest
class CityFiguresTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;
    @Autowired CityFigures city;
    @Autowired DashboardFigures figures;

    StaffPrincipal as(String username) {
        return (StaffPrincipal) accounts.loadUserByUsername(username);
    }

    @Test
    void theAuthorityReadsEveryAgencyThatAnswersToItWithItsOwnDashboardsFigures() throws Exception {
        String html = mvc.perform(get("/workbench/city").with(user(as("city-office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // The authority and the three bureaus under it; not the secrecy bureau, which answers to no one here.
        List<String> agencies = new ArrayList<>();
        Matcher m = Pattern.compile("data-agency=\"([A-Z]+)\"").matcher(html);
        while (m.find()) {
            agencies.add(m.group(1));
        }
        // (Other tests of the same context may have added agencies under the authority.)
        assertThat(agencies).startsWith("SJTJ", "SZFB", "ZRZY", "SCJG").doesNotContain("SMBJ");

        Long transport = jdbc.queryForObject("select id from agency where code = 'SJTJ'", Long.class);
        DashboardPeriod year = DashboardPeriod.year(figures.today().getYear());
        CityFigures.AgencyRow row = city.of(jdbc.queryForObject("select id from agency where code = 'SZFB'",
                Long.class), year).get(0);
        Dashboard own = figures.of(transport, year);
        assertThat(row.agency().getCode()).isEqualTo("SJTJ");
        assertThat(row.published()).isPositive()
                .isEqualTo(own.timeliness().stream().mapToLong(Dashboard.RateRow::count).sum());
        assertThat(row.replied()).isEqualTo(own.onTime().stream().mapToLong(Dashboard.RateRow::count).sum());
        // The demo's overdue 发布政策解读 counts among the transport bureau's overdue work.
        assertThat(row.overdueWork()).isPositive();
        String transportRow = html.substring(html.indexOf("data-agency=\"SJTJ\""));
        transportRow = transportRow.substring(0, transportRow.indexOf("</tr>"));
        assertThat(transportRow).contains("示例市交通运输局", ">" + row.published() + "<",
                ">" + row.overdueWork() + "<");
        // Last year's annual report: published in the demo, dated; the new bureaus have none.
        String status = jdbc.query("select status from annual_report where agency_id = ? and year = ?",
                rs -> rs.next() ? rs.getString(1) : null, transport, row.reportYear());
        assertThat(transportRow).contains("PUBLISHED".equals(status) ? "已公开（" : status == null ? "未编制" : "");
        String landRow = html.substring(html.indexOf("data-agency=\"ZRZY\""));
        assertThat(landRow.substring(0, landRow.indexOf("</tr>"))).contains("未编制");
    }

    @Test
    void onlyTheAuthorityReadsTheCity() throws Exception {
        for (String other : new String[] {"office", "leader", "zrzy-office", "admin", "platform"}) {
            mvc.perform(get("/workbench/city").with(user(as(other)))).andExpect(status().isForbidden());
        }
        String dashboard = mvc.perform(get("/workbench/dashboard").with(user(as("city-office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dashboard).contains("id=\"city-link\"");
        String bureau = mvc.perform(get("/workbench/dashboard").with(user(as("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bureau).doesNotContain("id=\"city-link\"");
    }
}
