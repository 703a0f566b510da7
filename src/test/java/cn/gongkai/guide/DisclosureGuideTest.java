package cn.gongkai.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.PlatformClock;
import cn.gongkai.support.GongkaiAppTest;
import java.time.LocalDate;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 政府信息公开指南 (工作职责 五.3、五.5): versioned, published only after a leader's approval, the current version on the
 * portal with its date and the older ones kept; reviewed each January and whenever the agency's contacts change.
 */
@GongkaiAppTest
class DisclosureGuideTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;
    @Autowired GuideUpkeep upkeep;

    StaffPrincipal as(String username) {
        return (StaffPrincipal) accounts.loadUserByUsername(username);
    }

    MockHttpServletRequestBuilder by(String username, MockHttpServletRequestBuilder request) {
        return request.with(csrf()).with(user(as(username)));
    }

    /** Drafts left open by other tests of this context are discarded; published versions stay. */
    @org.junit.jupiter.api.BeforeEach
    void noOpenDraft() {
        jdbc.update("delete from guide_version where agency_id = ? and status <> 'PUBLISHED'", agency());
    }

    long agency() {
        return jdbc.queryForObject("select agency_id from user_account where username = 'office'", Long.class);
    }

    int currentVersion() {
        return jdbc.queryForObject("select coalesce(max(version), 0) from guide_version where agency_id = ? "
                + "and status = 'PUBLISHED'", Integer.class, agency());
    }

    /** The form of the open draft, with the remedies text replaced. */
    MockHttpServletRequestBuilder saveWith(String remedies) {
        Map<String, Object> row = jdbc.queryForMap("select * from guide_version where agency_id = ? "
                + "and status <> 'PUBLISHED'", agency());
        MockHttpServletRequestBuilder post = by("office", post("/workbench/guide"));
        for (String column : new String[] {"proactive_scope", "proactive_channels", "proactive_time_limits",
            "request_how", "request_forms", "request_receipt", "request_time_limits", "request_fees",
            "office_address", "office_hours", "office_telephone", "office_fax", "office_email", "office_postcode"}) {
            post.param(camel(column), (String) row.get(column));
        }
        return post.param("remedies", remedies);
    }

    static String camel(String column) {
        StringBuilder b = new StringBuilder();
        for (String part : column.split("_")) {
            b.append(b.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return b.toString();
    }

    @Test
    void demoModePublishesACompleteGuideThroughTheLeadersApproval() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from guide_version where agency_id = ? and version = 1 "
                + "and status = 'PUBLISHED' and decided_by = 'leader'", Long.class, agency())).isOne();
        mvc.perform(get("/portal/guide")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("依申请公开")))
                .andExpect(content().string(Matchers.containsString("受理机构")))
                .andExpect(content().string(Matchers.containsString("监督和救济")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("本栏目暂无已公开的内容"))));
    }

    @Test
    void aNewVersionReachesThePortalOnlyAfterTheLeaderApprovesItAndTheOlderOneStaysReadable() throws Exception {
        int before = currentVersion();
        mvc.perform(by("office", post("/workbench/guide/draft"))).andExpect(status().is3xxRedirection());
        mvc.perform(saveWith("如对本机关政府信息公开工作有异议，可向示例市政务公开办投诉（新版本）。"))
                .andExpect(status().is3xxRedirection());
        // Not approved: refused, naming the rule; the portal still shows the current version.
        mvc.perform(by("office", post("/workbench/guide/publish"))).andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("须经领导审批同意后才能发布")));
        mvc.perform(by("office", post("/workbench/guide/submit"))).andExpect(status().is3xxRedirection());
        mvc.perform(by("office", post("/workbench/guide/publish"))).andExpect(status().isConflict());
        // Only a leader decides; a return needs its reason.
        mvc.perform(by("office", post("/workbench/guide/decision").param("approve", "true")))
                .andExpect(status().isConflict());
        mvc.perform(by("leader", post("/workbench/guide/decision").param("approve", "false")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("退回时请填写审批意见")));
        mvc.perform(by("leader", post("/workbench/guide/decision").param("approve", "false")
                .param("opinion", "请补充投诉渠道的电话"))).andExpect(status().is3xxRedirection());
        mvc.perform(saveWith("如对本机关政府信息公开工作有异议，可拨打 0000-12345678 向示例市政务公开办投诉（新版本）。"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(by("office", post("/workbench/guide/submit"))).andExpect(status().is3xxRedirection());
        mvc.perform(by("leader", post("/workbench/guide/decision").param("approve", "true").param("opinion", "同意")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(by("office", post("/workbench/guide/publish"))).andExpect(status().is3xxRedirection());

        int now = currentVersion();
        assertThat(now).isEqualTo(before + 1);
        mvc.perform(get("/portal/guide")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("可拨打 0000-12345678 向示例市政务公开办投诉（新版本）")))
                .andExpect(content().string(Matchers.containsString("第 " + now + " 版")))
                .andExpect(content().string(Matchers.containsString("/portal/guide/versions/" + before)));
        mvc.perform(get("/portal/guide/versions/" + before)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("此为历史版本")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("（新版本）"))));
        mvc.perform(get("/portal/guide/versions/" + (now + 1))).andExpect(status().isNotFound());
    }

    @Test
    void aGuideWithAHoleIsRefusedNamingEveryEmptyFieldAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(by("office", post("/workbench/guide/draft"))).andExpect(status().is3xxRedirection());
        mvc.perform(by("office", post("/workbench/guide")).param("proactiveScope", "只填了这一项"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("只填了这一项")))
                .andExpect(content().string(Matchers.containsString("申请方式：不能为空")))
                .andExpect(content().string(Matchers.containsString("邮政编码：不能为空")));
        // Staff may not touch the guide.
        mvc.perform(by("staff", get("/workbench/guide"))).andExpect(status().isForbidden());
    }

    @Test
    void changingTheAgencysContactsAsksTheOfficeToUpdateTheGuideAndTheNextDraftCarriesThem() throws Exception {
        Map<String, Object> a = jdbc.queryForMap("select * from agency where id = ?", agency());
        mvc.perform(by("admin", post("/workbench/admin/agency")).param("name", (String) a.get("name"))
                .param("organisationCode", (String) a.get("organisation_code"))
                .param("yellowDays", a.get("yellow_days").toString()).param("indexPattern", (String) a.get("index_pattern"))
                .param("contactAddress", "示例市人民路 99 号").param("contactOfficeHours", "工作日 9:00—17:00")
                .param("contactTelephone", "0000-87654321").param("contactFax", "0000-87654322")
                .param("contactEmail", "open@demo.gongkai.cn").param("contactPostcode", "100001"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select state from work_item where subject_type = 'GUIDE' and subject_id = ? "
                + "and kind = 'GUIDE_CONTACTS'", String.class, Long.toString(agency()))).isEqualTo("OPEN");
        noOpenDraft();
        mvc.perform(by("office", post("/workbench/guide/draft"))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select office_telephone from guide_version where agency_id = ? "
                + "and status = 'DRAFT'", String.class, agency())).isEqualTo("0000-87654321");
    }

    @Test
    void eachJanuaryTheOfficeIsAskedToReviewTheGuideUntilAVersionIsPublishedThatYear() {
        PlatformClock.replayOn(LocalDate.of(2027, 1, 4), () -> {
            upkeep.check();
            return null;
        });
        Map<String, Object> work = jdbc.queryForMap("select owner_role, due_on, state from work_item "
                + "where subject_type = 'GUIDE' and subject_id = ? and kind = 'GUIDE_REVIEW'", agency() + ":2027");
        assertThat(work.get("owner_role")).isEqualTo("OFFICE");
        assertThat(work.get("due_on").toString()).isEqualTo("2027-01-31");
        assertThat(work.get("state")).isEqualTo("OPEN");
        // In March nothing new is asked.
        PlatformClock.replayOn(LocalDate.of(2027, 3, 1), () -> {
            upkeep.check();
            return null;
        });
        assertThat(jdbc.queryForObject("select count(*) from work_item where subject_type = 'GUIDE' "
                + "and kind = 'GUIDE_REVIEW' and subject_id = ?", Long.class, agency() + ":2028")).isZero();
    }
}
