package cn.gongkai.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Issue 10: every bad input to drafting answers 400 naming its field, never 500, and no upload can exhaust memory. */
@GongkaiAppTest
class InputLimitsTest {

    static final String PASSWORD = "Gongkai@2026";
    /** A few hundred kilobytes on the wire, 200 MB once inflated. */
    static final int INFLATED = 200 * 1024 * 1024;

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

    static RequestPostProcessor as(String user) {
        return httpBasic(user, PASSWORD);
    }

    static String json(String field, String value) {
        String base = """
                {"title":"输入限制","summary":"概述","body":"正文\\n第二行\\t缩进","createdOn":"%s","topic":"工业、交通",
                 "genre":"通知","attribute":"PROACTIVE","channels":["WEBSITE"],"secrecyLevel":"NONE"}"""
                .formatted(LocalDate.now().minusDays(1));
        if (field == null) {
            return base;
        }
        return with(base, field, value);
    }

    /** The JSON object with one more member (its value as JSON), appended literally. */
    static String with(String json, String field, String value) {
        return json.replaceFirst("\\}\\s*$", Matcher.quoteReplacement(",\"" + field + "\":" + value + "}"));
    }

    /** The JSON object without one string member. */
    static String without(String json, String field) {
        return json.replaceFirst("\"" + field + "\":\"[^\"]*\",?", "");
    }

    static String quoted(String s) {
        return "\"" + s + "\"";
    }

    long create() throws Exception {
        String response = mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                .content(json(null, null))).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(response, "$.id")).longValue();
    }

    // ---- uploads ---------------------------------------------------------------------------------------------------

    static byte[] bomb(String bigEntry, String... smallEntries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < smallEntries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(smallEntries[i]));
                zip.write(smallEntries[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(bigEntry));
            zip.write("<?xml version=\"1.0\"?><w:document><w:body><w:p><w:r><w:t>".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < INFLATED / spaces.length; i++) {
                zip.write(spaces);
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] docxBomb() throws IOException {
        return bomb("word/document.xml", "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                </Types>""", "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
                </Relationships>""");
    }

    static byte[] ofdBomb() throws IOException {
        return bomb("Doc_0/Pages/Page_0/Content.xml", "OFD.xml",
                "<?xml version=\"1.0\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>");
    }

    @Test
    void aDocxWhoseTextInflatesToHundredsOfMegabytesIsRefusedAs400NamingTheAttachment() throws Exception {
        long id = create();
        mvc.perform(multipart("/api/v1/items/" + id + "/attachments")
                .file(new MockMultipartFile("file", "炸弹.docx", "application/octet-stream", docxBomb()))
                .with(as("staff")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("附件")));
    }

    @Test
    void anOfdWhosePageInflatesToHundredsOfMegabytesIsRefusedAs400NamingTheAttachment() throws Exception {
        long id = create();
        mvc.perform(multipart("/api/v1/items/" + id + "/attachments")
                .file(new MockMultipartFile("file", "炸弹.ofd", "application/octet-stream", ofdBomb()))
                .with(as("staff")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void aBombAmongTheFilesOfANewItemIsRefusedNamingFiles() throws Exception {
        mvc.perform(multipart("/api/v1/items")
                .file(new MockMultipartFile("item", "", MediaType.APPLICATION_JSON_VALUE,
                        json(null, null).getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("files", "炸弹.docx", "application/octet-stream", docxBomb()))
                .with(as("staff")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("files"));
    }

    @Test
    void fourBombsUploadedAtOnceAreAllRefusedAs400() throws Exception {
        byte[] docx = docxBomb();
        byte[] ofd = ofdBomb();
        List<Long> ids = List.of(create(), create(), create(), create());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.get(i);
                byte[] data = i % 2 == 0 ? docx : ofd;
                answers.add(pool.submit(() -> mvc.perform(multipart("/api/v1/items/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "炸弹", "application/octet-stream", data))
                        .with(as("staff"))).andReturn().getResponse().getStatus()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(400);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBombOnTheWorkbenchIsRefusedNamingTheAttachment() throws Exception {
        long id = create();
        mvc.perform(multipart("/workbench/items/" + id + "/attachments")
                .file(new MockMultipartFile("file", "炸弹.docx", "application/octet-stream", docxBomb()))
                .with(csrf()).with(user(accounts.loadUserByUsername("staff"))))
                .andExpect(status().isOk())
                .andExpect(model().attribute("problem", "document.attachment.error.bomb"))
                .andExpect(model().attribute("problemField", "file"));
    }

    // ---- bodies and fields -----------------------------------------------------------------------------------------

    @Test
    void aBodyOverTheMaximumLengthIsRefusedAs400NamingTheBody() throws Exception {
        mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                .content(json("body", quoted("字".repeat(ItemForm.MAX_BODY + 1)))
                        .replace("\"body\":\"正文\\n第二行\\t缩进\",", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='body')].message").value("“正文”不能超过 200000 个字。"));
    }

    @Test
    void everyOverlongTextFieldIsRefusedAs400NamingIt() throws Exception {
        for (String field : List.of("title", "documentNumber", "summary", "keywords", "attributeBasis", "scope",
                "secrecyTerm", "otherAgencies", "genre", "topic")) {
            String body = with(without(json(null, null), field), field, quoted("长".repeat(2001)));
            mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field=='" + field + "')]").exists());
        }
    }

    @Test
    void anOverlongFieldOnAnEditIsRefusedAs400NamingIt() throws Exception {
        long id = create();
        mvc.perform(put("/api/v1/items/" + id).with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                .content(json(null, null).replace("\"title\":\"输入限制\"", "\"title\":\"" + "长".repeat(301) + "\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='title')].message").value("“标题”不能超过 300 个字。"));
    }

    @Test
    void theWorkbenchFormRefusesAnOverlongBodyAndComesBackWithWhatWasTyped() throws Exception {
        String body = "正".repeat(ItemForm.MAX_BODY + 1);
        ItemForm form = (ItemForm) mvc.perform(post("/workbench/items").with(csrf()).with(user(accounts.loadUserByUsername("staff")))
                .param("title", "表单标题").param("summary", "概述").param("body", body)
                .param("createdOn", LocalDate.now().toString()).param("topic", "工业、交通").param("genre", "通知")
                .param("attribute", "PROACTIVE").param("channels", "WEBSITE").param("secrecyLevel", "NONE"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "body"))
                .andReturn().getModelAndView().getModel().get("form");
        assertThat(form.getTitle()).isEqualTo("表单标题");
        assertThat(form.getBody()).isEqualTo(body);
    }

    @Test
    void aJsonBodyOfTwentyMegabytesIsRefusedBeforeItIsRead() throws Exception {
        byte[] huge = json("keywords", quoted(" ".repeat(20 * 1024 * 1024))).getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("请求内容过大")));
    }

    // ---- every bad input -------------------------------------------------------------------------------------------

    @Test
    void aControlCharacterInAnyTextFieldIsRefusedAs400NamingTheFieldButTabsAndNewlinesInTheBodyStay()
            throws Exception {
        for (String field : List.of("title", "documentNumber", "summary", "body", "keywords", "scope")) {
            String body = with(without(json(null, null), field), field, quoted("坏\\u0000字\\u0007"));
            mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field=='" + field + "')]").exists());
        }
        mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                .content(json(null, null))).andExpect(status().isCreated());
    }

    @Test
    void aFormationDateBefore2000OrInTheFutureIsRefusedAs400NamingCreatedOn() throws Exception {
        for (String date : List.of("1900-01-01", "1999-12-31",
                LocalDate.now(Deadlines.ZONE).plusDays(1).toString())) {
            mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                    .content(json(null, null).replaceFirst("\"createdOn\":\"[^\"]*\"", "\"createdOn\":\"" + date
                            + "\"")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field=='createdOn')]").exists());
        }
        mvc.perform(post("/workbench/items").with(csrf()).with(user(accounts.loadUserByUsername("staff")))
                .param("title", "表单标题").param("summary", "概述").param("body", "正文")
                .param("createdOn", "1900-01-01").param("topic", "工业、交通").param("genre", "通知")
                .param("attribute", "PROACTIVE").param("channels", "WEBSITE").param("secrecyLevel", "NONE"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "createdOn"));
    }

    @Test
    void anUnreadableDateOrChoiceIsRefusedAs400NotAServerError() throws Exception {
        mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                .content(json(null, null).replaceFirst("\"createdOn\":\"[^\"]*\"", "\"createdOn\":\"昨天\"")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                .content(json(null, null).replace("\"PROACTIVE\"", "\"WHATEVER\"")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aCoProducerOrTopicSubclassThatDoesNotExistIsRefusedAs400NamingTheField() throws Exception {
        mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                .content(json("coProducers", "[999]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='coProducers')]").exists());
        mvc.perform(post("/api/v1/items").with(as("staff")).contentType(MediaType.APPLICATION_JSON)
                .content(json(null, null).replace("\"topic\":\"工业、交通\"", "\"topic\":\"工业、交通 › 999\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='topic')]").exists());
    }

    @Test
    void aConsentForADepartmentThatIsNoCoProducerIsRefusedAs400NamingTheDepartment() throws Exception {
        long id = create();
        mvc.perform(post("/api/v1/items/" + id + "/records/co-producer-consent").with(as("office"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"同意\",\"departmentId\":999}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("departmentId"));
    }

    @Test
    void anOverlongRecordTextIsRefusedAs400NamingTheText() throws Exception {
        long id = create();
        mvc.perform(post("/api/v1/items/" + id + "/records/third-party-consent").with(as("office"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + "长".repeat(501) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
    }
}
