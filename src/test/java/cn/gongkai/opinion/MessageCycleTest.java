package cn.gongkai.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * 网民留言 through the portal and the workbench (舆情 四.三): left with a query code, assigned, answered, reviewed, read
 * by the citizen with the code, and published on 留言选登 only with consent and without personal data; a message that
 * is really a request becomes one with its received date; 96128 calls are logged with the caller masked.
 */
@GongkaiAppTest
class MessageCycleTest {

    static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
    static final Pattern NUMBER = Pattern.compile("id=\"number\">([^<]+)<");
    static final Pattern CODE = Pattern.compile("id=\"code\">([^<]+)<");

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;

    private RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    private static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    private static String find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        assertThat(m.find()).as(p.pattern()).isTrue();
        return m.group(1);
    }

    private ResultActions leave(MockHttpSession session, String address, String subject, String content,
            boolean consent) throws Exception {
        String page = mvc.perform(get("/portal/messages").session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        Thread.sleep(3_100);
        MockHttpServletRequestBuilder post = post("/portal/messages").session(session).with(csrf()).with(from(address))
                .param("formToken", find(FORM_TOKEN, page)).param("website", "").param("name", "王小明")
                .param("contact", "13912345678").param("subject", subject).param("content", content);
        return mvc.perform(consent ? post.param("consent", "true") : post);
    }

    /** Leaves a message; answers its number and query code from the receipt. */
    private String[] leaveAndReceipt(String address, String subject, String content, boolean consent)
            throws Exception {
        MockHttpSession citizen = new MockHttpSession();
        leave(citizen, address, subject, content, consent).andExpect(status().isSeeOther());
        String receipt = mvc.perform(get("/portal/messages/receipt").session(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return new String[] {find(NUMBER, receipt), find(CODE, receipt)};
    }

    private long id(String number) {
        return jdbc.queryForObject("select id from citizen_message where message_number = ?", Long.class, number);
    }

    private String track(String number, String code) throws Exception {
        return mvc.perform(post("/portal/messages/track").with(csrf()).param("number", number).param("code", code))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aMessageIsAnsweredReviewedReadWithItsCodeAndPublishedWithoutPersonalData() throws Exception {
        String[] left = leaveAndReceipt("10.15.0.1", "公交站台遮阳棚何时维修",
                "示例路公交站台遮阳棚损坏，何时维修？我的电话 13912345678。", true);
        long id = id(left[0]);
        // Kept encrypted: neither the name nor the number is stored as typed.
        assertThat(jdbc.queryForObject("select name || contact from citizen_message where id = ?", String.class, id))
                .doesNotContain("王小明", "13912345678");
        assertThat(track(left[0], left[1])).contains("已收到，正在分办").doesNotContain("id=\"answer\"");
        assertThat(track(left[0], "WRONGCODE")).contains("留言编号或查询码不正确");

        long planning = jdbc.queryForObject("select department_id from user_account where username = 'depthead'",
                Long.class);
        // The department cannot answer before the office assigns it, nor see it.
        mvc.perform(get("/workbench/messages/" + id).with(as("depthead"))).andExpect(status().isNotFound());
        mvc.perform(post("/workbench/messages/" + id + "/assign").with(as("office")).with(csrf())
                .param("departmentId", String.valueOf(planning))).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/workbench/messages/" + id).with(as("depthead"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("王**", "139****5678").doesNotContain("13912345678\"");
        mvc.perform(post("/workbench/messages/" + id + "/answer").with(as("depthead")).with(csrf())
                .param("answer", "")).andExpect(status().isBadRequest());
        mvc.perform(post("/workbench/messages/" + id + "/answer").with(as("depthead")).with(csrf())
                .param("answer", "已安排维修，预计本周内完成。")).andExpect(status().is3xxRedirection());
        // Not visible to the citizen until the office has reviewed it.
        assertThat(track(left[0], left[1])).doesNotContain("已安排维修");
        mvc.perform(post("/workbench/messages/" + id + "/review").with(as("office")).with(csrf())
                .param("approve", "true")).andExpect(status().is3xxRedirection());
        assertThat(track(left[0], left[1])).contains("已安排维修，预计本周内完成。");

        // Publication: the office's draft has the phone number removed; a text with one is refused.
        String office = mvc.perform(get("/workbench/messages/" + id).with(as("office"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(office).contains("我的电话 ＊＊＊。");
        mvc.perform(post("/workbench/messages/" + id + "/publish").with(as("office")).with(csrf())
                .param("publishedSubject", "公交站台遮阳棚何时维修")
                .param("publishedContent", "示例路公交站台遮阳棚损坏，何时维修？我的电话 13912345678。")
                .param("publishedAnswer", "已安排维修，预计本周内完成。")).andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("select published_at is null from citizen_message where id = ?",
                Boolean.class, id)).isTrue();
        mvc.perform(post("/workbench/messages/" + id + "/publish").with(as("office")).with(csrf())
                .param("publishedSubject", "公交站台遮阳棚何时维修")
                .param("publishedContent", "示例路公交站台遮阳棚损坏，何时维修？我的电话 ＊＊＊。")
                .param("publishedAnswer", "已安排维修，预计本周内完成。")).andExpect(status().is3xxRedirection());

        String portal = mvc.perform(get("/portal/messages").param("q", "遮阳棚")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(portal).contains("公交站台遮阳棚何时维修", "已安排维修，预计本周内完成。")
                .doesNotContain("13912345678", "王小明");
        assertThat(mvc.perform(get("/portal/messages").param("q", "没有这个词")).andReturn().getResponse()
                .getContentAsString()).doesNotContain("公交站台遮阳棚何时维修");
        mvc.perform(get("/portal/messages").param("q", "长".repeat(51))).andExpect(status().isBadRequest());

        // Withdrawn again (the citizen changed their mind): a reason is required, and the portal no longer shows it.
        mvc.perform(post("/workbench/messages/" + id + "/unpublish").with(as("office")).with(csrf())
                .param("reason", "")).andExpect(status().isBadRequest());
        mvc.perform(post("/workbench/messages/" + id + "/unpublish").with(as("depthead")).with(csrf())
                .param("reason", "留言人撤回同意")).andExpect(status().isForbidden());
        mvc.perform(post("/workbench/messages/" + id + "/unpublish").with(as("office")).with(csrf())
                .param("reason", "留言人撤回同意")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/portal/messages").param("q", "遮阳棚")).andReturn().getResponse()
                .getContentAsString()).doesNotContain("公交站台遮阳棚何时维修");
        assertThat(jdbc.queryForList("select action from audit_entry where object_id = ? order by id", String.class,
                left[0])).containsSubsequence("MESSAGE_RECEIVED", "MESSAGE_ASSIGNED", "MESSAGE_ANSWERED",
                "MESSAGE_REPLIED", "MESSAGE_PUBLISHED", "MESSAGE_UNPUBLISHED");
    }

    @Test
    void aMessageWithoutConsentIsNeverPublishedAndBadInputKeepsWhatWasTyped() throws Exception {
        MockHttpSession citizen = new MockHttpSession();
        String refused = leave(citizen, "10.15.0.2", "", "内容保留在表单中", false).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("请填写留言主题", "内容保留在表单中", "13912345678");

        String[] left = leaveAndReceipt("10.15.0.2", "不公开的留言", "请勿公开。", false);
        long id = id(left[0]);
        long planning = jdbc.queryForObject("select department_id from user_account where username = 'depthead'",
                Long.class);
        mvc.perform(post("/workbench/messages/" + id + "/assign").with(as("office")).with(csrf())
                .param("departmentId", String.valueOf(planning)));
        mvc.perform(post("/workbench/messages/" + id + "/answer").with(as("depthead")).with(csrf())
                .param("answer", "已收悉。"));
        mvc.perform(post("/workbench/messages/" + id + "/review").with(as("office")).with(csrf())
                .param("approve", "true"));
        mvc.perform(post("/workbench/messages/" + id + "/publish").with(as("office")).with(csrf())
                .param("publishedSubject", "不公开的留言").param("publishedContent", "请勿公开。")
                .param("publishedAnswer", "已收悉。")).andExpect(status().isConflict());
        assertThat(jdbc.queryForObject("select published_at is null from citizen_message where id = ?",
                Boolean.class, id)).isTrue();
    }

    @Test
    void aMessageThatIsReallyARequestBecomesOneWithItsReceivedDateAndLeavesTheOfficesWork() throws Exception {
        String[] left = leaveAndReceipt("10.15.0.3", "申请公开道路养护合同", "请公开2026年示例路养护合同。", false);
        long id = id(left[0]);
        jdbc.update("update citizen_message set received_on = ? where id = ?", LocalDate.now().minusDays(3), id);
        String form = mvc.perform(get("/workbench/requests/new").param("origin", "MESSAGE-" + id).with(as("office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("MESSAGE-" + id, "王小明", "请公开2026年示例路养护合同。",
                LocalDate.now().minusDays(3).toString());
        mvc.perform(post("/workbench/requests").with(as("office")).with(csrf()).param("origin", "MESSAGE-" + id)
                .param("channel", "LETTER").param("receivedOn", LocalDate.now().toString())
                .param("applicantKind", "PERSON").param("name", "王小明").param("idType", "RESIDENT_ID")
                .param("idNumber", "11010519491231002X").param("phone", "13912345678")
                .param("description", "请公开2026年示例路养护合同。").param("delivery", "EMAIL")
                .param("email", "wang@example.cn")).andExpect(status().is3xxRedirection());
        String tracking = jdbc.queryForObject("select request_tracking from citizen_message where id = ?",
                String.class, id);
        assertThat(tracking).isNotNull();
        // The request keeps the message's day and channel, whatever the form said.
        assertThat(jdbc.queryForMap("select channel, submitted_on from info_request where tracking_number = ?",
                tracking)).containsEntry("channel", "ONLINE")
                .containsEntry("submitted_on", java.sql.Date.valueOf(LocalDate.now().minusDays(3)));
        assertThat(track(left[0], left[1])).contains(tracking);
        // Converted once: the register form no longer offers it.
        mvc.perform(get("/workbench/requests/new").param("origin", "MESSAGE-" + id).with(as("office")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aHotlineCallIsLoggedWithTheCallerMaskedAnsweredWithItsCallBackAndEveryFullViewIsAudited()
            throws Exception {
        long planning = jdbc.queryForObject("select department_id from user_account where username = 'depthead'",
                Long.class);
        String calledAt = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusHours(1)
                .withSecond(0).withNano(0).toString();
        mvc.perform(post("/workbench/hotline").with(as("staff")).with(csrf()).param("calledAt", calledAt)
                .param("callerName", "李四").param("callerPhone", "13700001111").param("subject", "咨询公开指南")
                .param("content", "询问如何申请公开统计数据").param("departmentId", String.valueOf(planning)))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("select max(id) from hotline_call where subject = '咨询公开指南'", Long.class);
        String list = mvc.perform(get("/workbench/hotline").with(as("depthead"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("137****1111", "咨询公开指南").doesNotContain("13700001111");
        mvc.perform(post("/workbench/hotline").with(as("staff")).with(csrf()).param("calledAt", "昨天")
                .param("subject", "").param("content", "保留的内容")).andExpect(status().isBadRequest())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("来电时间格式不正确",
                        "请填写来电事由", "保留的内容"));

        mvc.perform(post("/workbench/hotline/" + id + "/answer").with(as("depthead")).with(csrf())
                .param("answer", "已告知申请渠道").param("calledBack", "true")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForMap("select status, called_back from hotline_call where id = ?", id))
                .containsEntry("status", "ANSWERED").containsEntry("called_back", true);
        String full = mvc.perform(post("/workbench/hotline/" + id + "/personal-data").with(as("office"))
                .with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(full).contains("13700001111");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = "
                + "'HOTLINE_PERSONAL_DATA_VIEWED' and object_id = ?", Long.class, String.valueOf(id))).isEqualTo(1);
        // Another agency's staff do not see the call.
        mvc.perform(get("/workbench/hotline/" + id).with(as("zrzy-staff"))).andExpect(status().isNotFound());
    }
}
