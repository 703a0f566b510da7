package cn.gongkai.document;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** An OA system drives an item through its whole life over the JSON API, with HTTP Basic. */
@GongkaiAppTest
class PublishingApiTest {

    static final String PASSWORD = "Gongkai@2026";

    @Autowired MockMvc mvc;

    static RequestPostProcessor as(String user) {
        return httpBasic(user, PASSWORD);
    }

    static String json(String title, String body, boolean thirdParty) {
        return """
                {"title":"%s","summary":"接口测试","body":"%s","createdOn":"%s","topic":"工业、交通","genre":"通知",
                 "attribute":"PROACTIVE","channels":["WEBSITE"],"secrecyLevel":"NONE","thirdPartyInvolved":%s}"""
                .formatted(title, body, LocalDate.now().minusDays(1), thirdParty);
    }

    long create(String user, String json) throws Exception {
        String response = mvc.perform(post("/api/v1/items").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(response, "$.id")).longValue();
    }

    void decide(String user, long id, String body) throws Exception {
        mvc.perform(post("/api/v1/items/" + id + "/decision").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isOk());
    }

    @Test
    void badInputAnswers400NamingEachField() throws Exception {
        mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON).content("""
                {"title":"","summary":"x","body":"x","createdOn":"2099-01-01","topic":"不存在","genre":"通知",
                 "attribute":"EXEMPT","channels":["WEBSITE"],"secrecyLevel":"NONE"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='title')].message").value("请填写“标题”。"))
                .andExpect(jsonPath("$.errors[?(@.field=='createdOn')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='topic')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='attributeBasis')]").exists());
    }

    @Test
    void aScriptDrivesAnItemFromDraftToPublicationAndARefusedGateAnswers409WithTheRule() throws Exception {
        long id = create("staff", json("接口推送的第三方信息", "涉及某企业经营信息", true));
        mvc.perform(multipart("/api/v1/items/" + id + "/attachments").file(new MockMultipartFile("file", "说明.pdf",
                "application/pdf", "not really a pdf".getBytes())).with(as("staff")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(post("/api/v1/items/" + id + "/submit").with(as("staff"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.currentStep").value("DEPT_HEAD"));
        mvc.perform(post("/api/v1/items/" + id + "/decision").with(as("secrecy"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVED\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("document.error.notYourStep"));
        decide("depthead", id, "{\"decision\":\"APPROVED\",\"opinion\":\"同意\"}");
        decide("secrecy", id, "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}");
        mvc.perform(post("/api/v1/items/" + id + "/decision").with(as("leader"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVED\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("document.gate.thirdParty"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("主动公开制度 七.3")));
        mvc.perform(post("/api/v1/items/" + id + "/records/third-party-consent").with(as("office"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"某企业 2026-11-20 书面同意公开\"}"))
                .andExpect(status().isOk());
        decide("leader", id, "{\"decision\":\"APPROVED\"}");
        mvc.perform(post("/api/v1/items/" + id + "/publish").with(as("staff"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("document.error.notAllowed"));
        String published = mvc.perform(post("/api/v1/items/" + id + "/publish").with(as("office")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.catalogState").value("PUBLISHED"))
                .andExpect(jsonPath("$.history.length()").value(3))
                .andReturn().getResponse().getContentAsString();
        String indexNumber = JsonPath.read(published, "$.indexNumber");
        mvc.perform(get("/api/v1/catalog/items/" + indexNumber)).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("接口推送的第三方信息"));
    }

    @Test
    void theApiNeedsCredentialsAndCsrfIsNotNeededWithBasic() throws Exception {
        mvc.perform(post("/api/v1/items").contentType(MediaType.APPLICATION_JSON).content(json("x", "y", false)))
                .andExpect(status().isUnauthorized());
        // A browser session is protected by CSRF on the API too.
        var session = new org.springframework.mock.web.MockHttpSession();
        mvc.perform(post("/api/v1/items").session(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .user("staff").roles("STAFF"))
                .contentType(MediaType.APPLICATION_JSON).content(json("x", "y", false)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/api/v1/items/999999").with(as("staff"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
    }
}
