package cn.gongkai.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.catalog.Catalog;
import cn.gongkai.catalog.DisclosureAttribute;
import cn.gongkai.catalog.EntryState;
import cn.gongkai.catalog.PublishedEntry;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * An outsider tries every public path against items in every state, reached through the real transitions: a draft,
 * one under review, one returned, a secret (涉密) one the office cannot publish, two filed ones (依申请公开, 免予公开),
 * a withdrawn one, and a published one whose attachment and body were redacted (区分处理). Only the published public
 * version ever comes back. Each item carries a token of its own (never typed into a query) in its title, body and
 * file name, and all share one search word. See also CatalogRecordsTest (withdrawn, filed and repealed entries in
 * search, feed and sitemap) and RedactionTest (the redacted version by its own index number).
 */
@GongkaiAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPathLeakTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String ID_NUMBER = "11010519491231002X";
    static final String NAME = "欧阳探针";

    @Autowired InfoItemWorkflow workflow;
    @Autowired ItemAttachments attachments;
    @Autowired Catalog catalog;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    final String code = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    /** The word every probe item shares; queries use it, never a state's own token. */
    final String word = "lkp" + code;
    /** State → token that must never come out of a public path. */
    final Map<String, String> hidden = new LinkedHashMap<>();
    final List<String> hiddenIndexNumbers = new ArrayList<>();
    final List<Long> internalAttachmentIds = new ArrayList<>();
    String publicToken;
    PublishedEntry published;
    String trackingNumber;
    String requestSecret;

    StaffPrincipal as(String username) {
        return (StaffPrincipal) accounts.loadUserByUsername(username);
    }

    String token(String state) {
        return state.toUpperCase() + code;
    }

    Draft draft(String state, String body, SecrecyLevel level) {
        String t = token(state);
        return new Draft("泄露探针" + word + " " + t, null, "概述" + t, body, LocalDate.now(Deadlines.ZONE).minusDays(1),
                "工业、交通", "通知", null, DisclosureAttribute.PROACTIVE, null, "社会公众", EnumSet.of(Channel.WEBSITE),
                level, level == SecrecyLevel.NONE ? null : "5年", false, false, null, Set.of());
    }

    InfoItem drafted(String state, String body, SecrecyLevel level, String fileText) throws Exception {
        InfoItem item = workflow.create(as("staff"), draft(state, body, level));
        internalAttachmentIds.add(attachments.add(as("staff"), item.getId(), token(state) + ".docx",
                PublishingWorkflowTest.docx(fileText)).getId());
        return item;
    }

    InfoItem hiddenDraft(String state) throws Exception {
        hidden.put(state, token(state));
        return drafted(state, "正文" + word + " " + token(state), SecrecyLevel.NONE, "附件" + word + " " + token(state));
    }

    void submit(InfoItem item) {
        workflow.submit(as("staff"), item.getId(), attachments.scan(workflow.get(as("staff"), item.getId())), true);
    }

    void approveThrough(InfoItem item, ReviewOpinion opinion) {
        submit(item);
        workflow.decide(as("depthead"), item.getId(), Decision.APPROVED, "同意", null, null);
        workflow.decide(as("secrecy"), item.getId(), Decision.APPROVED, "审查意见", opinion, null);
        workflow.decide(as("leader"), item.getId(), Decision.APPROVED, "同意", null, null);
    }

    PublishedEntry publish(InfoItem item) {
        return workflow.publish(as("office"), item.getId(),
                attachments.forPublication(workflow.get(as("office"), item.getId())));
    }

    @BeforeAll
    void itemsInEveryStateAndARequest() throws Exception {
        hiddenDraft("draft");
        submit(hiddenDraft("review"));
        InfoItem returned = hiddenDraft("returned");
        submit(returned);
        workflow.decide(as("depthead"), returned.getId(), Decision.RETURNED, "请修改", null, null);

        hidden.put("secret", token("secret"));
        InfoItem secret = drafted("secret", "涉密正文" + word + " " + token("secret"), SecrecyLevel.CONFIDENTIAL,
                "涉密附件" + word + " " + token("secret"));
        approveThrough(secret, ReviewOpinion.EXEMPT);
        assertThatThrownBy(() -> publish(secret)).hasMessage(PublicationPolicy.SECRET);

        for (var filed : Map.of("onrequest", ReviewOpinion.ON_REQUEST, "exempt", ReviewOpinion.EXEMPT).entrySet()) {
            InfoItem item = hiddenDraft(filed.getKey());
            approveThrough(item, filed.getValue());
            PublishedEntry entry = publish(item);
            assertThat(entry.state()).isEqualTo(EntryState.FILED);
            hiddenIndexNumbers.add(entry.indexNumber());
        }

        InfoItem withdrawn = hiddenDraft("withdrawn");
        approveThrough(withdrawn, ReviewOpinion.PROACTIVE);
        PublishedEntry out = publish(withdrawn);
        catalog.withdraw(as("office").agencyId(), out.entryId(), "发布有误");
        hiddenIndexNumbers.add(out.indexNumber());

        // Published after 区分处理: the name and the ID number are redacted from the body and the attachment.
        publicToken = token("public");
        InfoItem item = drafted("public", "当事人" + NAME + "，身份证号码" + ID_NUMBER + "，" + word + " " + publicToken,
                SecrecyLevel.NONE, "决定书：当事人" + NAME + "，身份证号码" + ID_NUMBER + "，" + word);
        submit(item);
        workflow.decide(as("depthead"), item.getId(), Decision.APPROVED, "同意", null, null);
        for (ScanFinding f : workflow.findings(workflow.get(as("secrecy"), item.getId()))) {
            workflow.redactFinding(as("secrecy"), item.getId(), f.getId());
        }
        workflow.addRedactionPhrase(as("secrecy"), item.getId(), NAME);
        workflow.decide(as("secrecy"), item.getId(), Decision.APPROVED, "区分处理后公开", ReviewOpinion.PROACTIVE, null);
        workflow.decide(as("leader"), item.getId(), Decision.APPROVED, "同意", null, null);
        published = publish(item);
        assertThat(published.state()).isEqualTo(EntryState.PUBLISHED);

        // A request, received by the office; its applicant's words must not come out without the query code.
        requestSecret = "申请探针" + code;
        String receipt = mvc.perform(post("/api/v1/requests").with(httpBasic("office", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"LETTER","receivedOn":"%s","applicantKind":"PERSON","name":"%s",
                         "idType":"RESIDENT_ID","idNumber":"%s","phone":"13800138000","email":"p@example.cn",
                         "address":"示例市中山路1号","postcode":"650000",
                         "information":{"title":"%s","description":"%s的全文"},"purpose":"了解","delivery":"EMAIL"}"""
                        .formatted(LocalDate.now(Deadlines.ZONE).minusDays(1), NAME, ID_NUMBER, requestSecret,
                                requestSecret)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        trackingNumber = JsonPath.read(receipt, "$.trackingNumber");
    }

    /** What the response shows: its text, the text inside a DOCX, and the file name it offers. */
    static String shown(MockHttpServletResponse res) throws Exception {
        StringBuilder all = new StringBuilder(String.valueOf(res.getHeader("Content-Disposition")));
        String type = String.valueOf(res.getContentType());
        byte[] bytes = res.getContentAsByteArray();
        if (type.contains("wordprocessingml")) {
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
                    XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
                all.append(text.getText());
            }
        } else {
            all.append(new String(bytes, StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    String call(RequestBuilder request) throws Exception {
        MockHttpServletResponse res = mvc.perform(request).andReturn().getResponse();
        assertThat(res.getStatus()).as("status of " + request).isLessThan(500);
        return shown(res);
    }

    void assertNothingHidden(String what, String shown) {
        assertThat(shown).as(what).doesNotContain(hidden.values()).doesNotContain(ID_NUMBER).doesNotContain(NAME)
                .doesNotContain(hiddenIndexNumbers).doesNotContain(requestSecret);
    }

    static final List<String> SYNTAX = List.of("%s", "\"%s\"", "%s*", "*", "*:*", "?", "title:%s", "body:%s",
            "text:%s", "status:DRAFT", "state:FILED", "%s~", "%s~2", "(%s)", "+%s", "%s OR *", "%s AND NOT xyz",
            "%s\\", "{%s TO *}", "[* TO *]", "%s^10", "/lkp.*/", "泄露探针", "泄露探针*", "\"泄露探针\"");

    @Test
    void searchWithAnySyntaxFindsThePublishedVersionAndNothingElse() throws Exception {
        for (String pattern : SYNTAX) {
            String q = pattern.formatted(word);
            String api = call(get("/api/v1/catalog/search").param("q", q).param("size", "50"));
            assertNothingHidden("API search " + q, api);
            String portal = call(get("/portal/catalog").param("q", q));
            assertNothingHidden("portal search " + q, portal);
        }
        // The positive control: the same word finds the published, redacted version.
        String api = call(get("/api/v1/catalog/search").param("q", word));
        assertThat(api).contains(publicToken, published.indexNumber());
        assertThat(call(get("/portal/catalog").param("q", word))).contains(publicToken);
    }

    @Test
    void theCatalogPagesTheFeedAndTheSitemapShowOnlyPublishedContent() throws Exception {
        for (String path : List.of("/", "/portal/catalog", "/portal/feed.atom", "/sitemap.xml",
                "/portal/catalog?size=100", "/api/v1/catalog/search?size=100", "/portal/guide",
                "/portal/annual-report")) {
            assertNothingHidden(path, call(get(path)));
        }
        assertThat(call(get("/portal/feed.atom"))).contains(published.indexNumber());
        String page = call(get("/portal/catalog/" + published.indexNumber()));
        assertNothingHidden("the published page", page);
        assertThat(page).contains(publicToken, "■");
        assertNothingHidden("the published item over the API", call(get("/api/v1/catalog/items/"
                + published.indexNumber())));
        for (String indexNumber : hiddenIndexNumbers) {
            mvc.perform(get("/portal/catalog/" + indexNumber)).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/catalog/items/" + indexNumber)).andExpect(status().isNotFound());
        }
    }

    @Test
    void filesFetchedByGuessedIdsAreOnlyPublishedOnesAndTheRedactedCopyNeverTheOriginal() throws Exception {
        Long max = jdbc.queryForObject("select coalesce(max(id), 0) from catalog_attachment", Long.class);
        List<Long> ids = new ArrayList<>(internalAttachmentIds);
        for (long id = Math.max(1, max - 60); id <= max + 3; id++) {
            ids.add(id);
        }
        int served = 0;
        for (Long id : ids) {
            MockHttpServletResponse res = mvc.perform(get("/portal/files/" + id)).andReturn().getResponse();
            assertThat(res.getStatus()).as("/portal/files/" + id).isIn(200, 404);
            served += res.getStatus() == 200 ? 1 : 0;
            assertNothingHidden("/portal/files/" + id, shown(res));
        }
        assertThat(served).as("files served at all").isPositive();
        for (String path : List.of("/portal/files/0", "/portal/files/-1", "/portal/files/abc",
                "/portal/files/99999999999999999999", "/portal/files/1%20or%201=1")) {
            assertNothingHidden(path, call(get(path)));
        }
    }

    @Test
    void aRequestIsNotTrackedWithAWrongCodeOrWithoutOne() throws Exception {
        for (String code : List.of("", "000000", "' or '1'='1", "*")) {
            MockHttpServletResponse res = mvc.perform(get("/api/v1/requests/" + trackingNumber)
                    .header("X-Query-Code", code)).andReturn().getResponse();
            assertThat(res.getStatus()).as("tracking with code " + code).isIn(400, 404);
            assertNothingHidden("tracking with code " + code, shown(res));
            assertNothingHidden("tracking by POST with code " + code, call(post("/api/v1/requests/" + trackingNumber
                    + "/tracking").contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}")));
            assertNothingHidden("portal tracking with code " + code, call(post("/portal/track").with(csrf())
                    .param("number", trackingNumber).param("code", code)));
            assertNothingHidden("a file with code " + code, call(get("/api/v1/requests/" + trackingNumber
                    + "/files/1").header("X-Query-Code", code)));
        }
        assertNothingHidden("tracking by number only", call(get("/portal/track").param("number", trackingNumber)));
        for (String path : List.of("/portal/track/letter.pdf", "/portal/track/extension-notice.pdf",
                "/portal/track/files/1", "/api/v1/requests/" + trackingNumber + "?code=000000")) {
            assertNothingHidden(path, call(get(path)));
        }
    }
}
