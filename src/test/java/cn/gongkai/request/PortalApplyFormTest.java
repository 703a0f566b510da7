package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The portal's request form as a citizen meets it (issue 11, "The portal"): the fields of the chosen kind of applicant,
 * errors that say what to fill in and are tied to their fields, and tracking numbers taken as people type them. Same
 * settings as {@link PortalSubmitOnceTest}, so both share one application.
 */
@GongkaiAppTest
@TestPropertySource(properties = {"gongkai.requests.form-minimum-seconds=1",
        "gongkai.requests.portal-limit-per-hour=1000"})
class PortalApplyFormTest {

    @Autowired MockMvc mvc;

    Document form(MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get("/portal/apply").session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    /** Sends the form as typed, with a token old enough to be accepted; answers the page shown again. */
    Document send(String... fields) throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = form(session).selectFirst("input[name=formToken]").val();
        Thread.sleep(1_100);
        MockHttpServletRequestBuilder post = post("/portal/apply").session(session).with(csrf())
                .param("formToken", token).param("website", "");
        for (int i = 0; i < fields.length; i += 2) {
            post.param(fields[i], fields[i + 1]);
        }
        return Jsoup.parse(mvc.perform(post).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    static String errorOf(Document page, String inputId) {
        Element input = page.getElementById(inputId);
        assertThat(input).as(inputId).isNotNull();
        assertThat(input.attr("aria-invalid")).as(inputId + " aria-invalid").isEqualTo("true");
        Element error = page.getElementById(inputId + "-error");
        assertThat(error).as(inputId + "-error").isNotNull();
        assertThat(input.attr("aria-describedby").split(" ")).as(inputId + " aria-describedby")
                .contains(inputId + "-error");
        return error.text();
    }

    @Test
    void withoutScriptTheFormShowsBothApplicantGroupsUnderTheirOwnHeadings() throws Exception {
        Document page = form(new MockHttpSession());
        Element person = page.selectFirst("fieldset[data-applicant-kind=PERSON]");
        Element organisation = page.selectFirst("fieldset[data-applicant-kind=ORGANISATION]");
        assertThat(person.selectFirst("legend").text()).isEqualTo("自然人填写");
        assertThat(organisation.selectFirst("legend").text()).isEqualTo("法人或其他组织填写");
        assertThat(person.select("input, select").eachAttr("id")).containsExactly("idType", "idNumber");
        assertThat(organisation.select("input, select").eachAttr("id")).containsExactly("organisationKind",
                "creditCode", "legalRepresentative", "contactPerson");
        assertThat(person.hasAttr("hidden")).isFalse();
        assertThat(organisation.hasAttr("hidden")).isFalse();
        assertThat(page.select("script[src]").eachAttr("src")).contains("/js/request-form.js");
        assertThat(page.select("[aria-invalid]")).isEmpty();
    }

    @Test
    void anEmptyRequiredFieldSaysFillInAndTheErrorIsTiedToItsFieldAndListedAtTheTop() throws Exception {
        Document page = send("applicantKind", "PERSON", "idType", "RESIDENT_ID", "delivery", "ONLINE");

        assertThat(errorOf(page, "name")).isEqualTo("请填写“姓名 / 名称”。");
        assertThat(errorOf(page, "idNumber")).isEqualTo("请填写“证件号码”。");
        assertThat(errorOf(page, "phone")).isEqualTo("请填写“联系电话”。");
        assertThat(errorOf(page, "description")).isEqualTo("请填写“所需信息的内容描述”。");

        Element summary = page.selectFirst("#error-summary");
        assertThat(summary).isNotNull();
        assertThat(summary.selectFirst("[role=alert]").text()).isEqualTo("提交的内容有误，请按提示修改后重新提交，已填写的内容已保留。");
        assertThat(summary.select("a").eachAttr("href")).containsExactly("#name", "#idNumber", "#phone",
                "#description");
        assertThat(summary.select("a").eachText()).containsExactly("请填写“姓名 / 名称”。", "请填写“证件号码”。",
                "请填写“联系电话”。", "请填写“所需信息的内容描述”。");
        // Fields without an error carry no error state.
        assertThat(page.getElementById("email").hasAttr("aria-invalid")).isFalse();
    }

    @Test
    void theServerChecksOnlyTheFieldsOfTheChosenApplicantKind() throws Exception {
        Document organisation = send("applicantKind", "ORGANISATION", "name", "示例物流有限公司",
                "phone", "13800138000", "description", "请提供2025年货运车辆年审办法", "delivery", "ONLINE",
                "idNumber", "not an id");
        assertThat(errorOf(organisation, "creditCode")).isEqualTo("请填写“统一社会信用代码”。");
        assertThat(errorOf(organisation, "organisationKind")).isEqualTo("法人或其他组织须选择“组织类型”。");
        assertThat(organisation.getElementById("idNumber").hasAttr("aria-invalid")).isFalse();
        assertThat(organisation.select("#error-summary a").eachAttr("href"))
                .containsExactly("#organisationKind", "#creditCode");

        Document person = send("applicantKind", "PERSON", "name", "赵六", "idType", "RESIDENT_ID",
                "idNumber", "110105194912310021", "phone", "13800138000", "description", "请提供2025年公交线网方案",
                "delivery", "ONLINE", "creditCode", "garbage");
        assertThat(errorOf(person, "idNumber")).startsWith("“证件号码”不是有效的居民身份证号码");
        assertThat(person.getElementById("creditCode").hasAttr("aria-invalid")).isFalse();
        assertThat(person.select("#error-summary a").eachAttr("href")).containsExactly("#idNumber");
    }

    @Test
    void aTrackingNumberIsFoundInAnyCaseWithSpacesAndFullWidthCharacters() throws Exception {
        MockHttpSession citizen = new MockHttpSession();
        String token = form(citizen).selectFirst("input[name=formToken]").val();
        Thread.sleep(1_100);
        mvc.perform(post("/portal/apply").session(citizen).with(csrf()).param("formToken", token)
                .param("website", "").param("applicantKind", "PERSON").param("name", "赵六")
                .param("idType", "RESIDENT_ID").param("idNumber", "11010519491231002X").param("phone", "13800138000")
                .param("description", "请提供2025年公交站点调整方案（查询）" + UUID.randomUUID())
                .param("delivery", "ONLINE")).andExpect(status().isSeeOther());
        Document receipt = Jsoup.parse(mvc.perform(get("/portal/apply/receipt").session(citizen)).andReturn()
                .getResponse().getContentAsString());
        String number = receipt.getElementById("tracking-number").text();
        String code = receipt.getElementById("query-code").text();

        String fullWidth = number.chars().mapToObj(c -> Character.toString(c >= '0' && c <= '9' ? c - '0' + '０'
                : c)).reduce("", String::concat);
        for (String typed : List.of(number.toLowerCase(), "  " + number + "\t", number.substring(0, 2) + " "
                + number.substring(2), "　" + fullWidth + "　")) {
            MockHttpSession visitor = new MockHttpSession();
            mvc.perform(post("/portal/track").session(visitor).with(csrf()).param("number", typed)
                    .param("code", " " + code.toLowerCase() + " ")).andExpect(status().isSeeOther())
                    .andExpect(header().string("Location", "/portal/track"));
            Document tracked = Jsoup.parse(mvc.perform(get("/portal/track").session(visitor)).andReturn()
                    .getResponse().getContentAsString());
            assertThat(tracked.getElementById("status")).as(typed).isNotNull();
            assertThat(tracked.getElementById("number").val()).isEqualTo(number);
        }
    }
}
