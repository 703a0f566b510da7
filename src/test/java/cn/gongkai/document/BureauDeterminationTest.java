package cn.gongkai.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 报审 to the city's secrecy bureau as an agency on the platform (保密审查制度 九、十二): its reviewer reads the item and
 * the materials in its own workbench, answers within 7 (+7) working days, and the item returns to the transport
 * bureau's confidentiality review with the level determined. No one else answers it from there.
 */
@GongkaiAppTest
class BureauDeterminationTest {

    static final String PASSWORD = "Gongkai@2026";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;
    @Autowired WorkCalendarStore calendar;

    private ResultActions postJson(String path, String user, String json) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    /** An item the transport bureau's confidentiality review could not classify and sent for determination. */
    private long escalated(String title) throws Exception {
        String json = """
                {"title":"%s","summary":"报审测试","body":"应急物资储备点的分布与容量。","createdOn":"%s","topic":"工业、交通",
                 "genre":"通知","attribute":"PROACTIVE","channels":["WEBSITE"],"secrecyLevel":"NONE"}"""
                .formatted(title, LocalDate.now().minusDays(1));
        String created = postJson("/api/v1/items", "staff", json).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/items/" + id + "/submit").with(httpBasic("staff", PASSWORD)))
                .andExpect(status().isOk());
        postJson("/api/v1/items/" + id + "/decision", "depthead", "{\"decision\":\"APPROVED\",\"opinion\":\"同意\"}")
                .andExpect(status().isOk());
        postJson("/api/v1/items/" + id + "/decision", "secrecy", """
                {"decision":"APPROVED","reviewOpinion":"ESCALATE","opinion":"储备点位置是否涉密不明确",
                 "materials":"1.文本 2.申请确定密级的公文"}""").andExpect(status().isOk());
        return id;
    }

    private long determinationOf(long itemId) {
        return jdbc.queryForObject("select id from secrecy_determination where item_id = ?", Long.class, itemId);
    }

    @Test
    void theBureausReviewerAnswersInItsOwnWorkbenchAndTheItemReturnsToTheAgencysReview() throws Exception {
        long item = escalated("报审测试：应急物资储备点");
        long d = determinationOf(item);
        var reviewer = user(accounts.loadUserByUsername("smbj-reviewer"));
        // In the bureau's 我的待办, due in 7 working days.
        mvc.perform(get("/workbench").with(reviewer))
                .andExpect(content().string(containsString("定密答复：报审测试：应急物资储备点")));
        mvc.perform(get("/api/v1/determinations").with(httpBasic("smbj-reviewer", PASSWORD)))
                .andExpect(jsonPath("$[*].id", hasItem((int) d)))
                .andExpect(jsonPath("$[?(@.id == " + d + ")].agency").value(hasItem("示例市交通运输局")))
                .andExpect(jsonPath("$[?(@.id == " + d + ")].materials").value(hasItem("1.文本 2.申请确定密级的公文")));
        mvc.perform(get("/workbench/determinations/" + d).with(reviewer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("应急物资储备点的分布与容量")));
        // Nobody but the bureau's reviewer answers here.
        postJson("/api/v1/determinations/" + d + "/answer", "secrecy", "{\"level\":\"NONE\",\"answer\":\"x\"}")
                .andExpect(status().isNotFound());
        postJson("/api/v1/determinations/" + d + "/answer", "scjg-office", "{\"level\":\"NONE\",\"answer\":\"x\"}")
                .andExpect(status().isForbidden());
        // 保密 十二: one extension of at most 7 working days.
        postJson("/api/v1/determinations/" + d + "/extension", "smbj-reviewer", "{\"days\":9,\"note\":\"需会商\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("days"));
        postJson("/api/v1/determinations/" + d + "/extension", "smbj-reviewer", "{\"days\":5,\"note\":\"需会商\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.extensionDays").value(5));
        assertThat(jdbc.queryForObject("select due_on from work_item where subject_type = 'SECRECY_DETERMINATION' "
                + "and subject_id = ? and closed_at is null", LocalDate.class, String.valueOf(d)))
                .isEqualTo(calendar.current().plusWorkingDays(calendar.today(), 12));

        postJson("/api/v1/determinations/" + d + "/answer", "smbj-reviewer", "{\"level\":\"NONE\",\"answer\":\"\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("answer"));
        postJson("/api/v1/determinations/" + d + "/answer", "smbj-reviewer",
                "{\"level\":\"NONE\",\"answer\":\"经审查，储备点分布信息不属于国家秘密\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("NONE"));
        // Back at the transport bureau's confidentiality review, the bureau's answer on the item.
        mvc.perform(get("/api/v1/items/" + item).with(httpBasic("secrecy", PASSWORD)))
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.currentStep").value("SECRECY_REVIEWER"));
        mvc.perform(get("/workbench").with(reviewer))
                .andExpect(content().string(not(containsString("定密答复：报审测试：应急物资储备点"))));
        postJson("/api/v1/determinations/" + d + "/answer", "smbj-reviewer", "{\"level\":\"SECRET\",\"answer\":\"改\"}")
                .andExpect(status().isConflict());
        assertThat(jdbc.queryForList("select a.code from audit_entry e join agency a on a.id = e.agency_id where "
                + "e.object_type = 'SECRECY_DETERMINATION' and e.object_id = ? and e.action = 'DETERMINATION_ANSWERED'",
                String.class, String.valueOf(d))).containsExactlyInAnyOrder("SJTJ", "SMBJ");
        // The workbench form: the answer is shown, the forms are gone.
        mvc.perform(get("/workbench/determinations/" + d).with(reviewer).with(csrf()))
                .andExpect(content().string(containsString("经审查，储备点分布信息不属于国家秘密")));
    }
}
