package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With the public address configured, the sitemap, the feed and the reply letters name that address, whatever Host
 * header a caller sends (a forged Host must not end up in links that search engines and applicants follow).
 */
@GongkaiAppTest
@TestPropertySource(properties = "gongkai.public-base-url=https://xxgk.example.gov.cn/")
class PublicAddressTest {

    @Autowired MockMvc mvc;
    @Autowired ReplyLetters letters;

    @Test
    void theSitemapAndTheFeedUseTheConfiguredAddressNotAForgedHostHeader() throws Exception {
        for (String path : new String[] {"/sitemap.xml", "/portal/feed.atom"}) {
            String xml = mvc.perform(get(path).header("Host", "evil.example").header("X-Forwarded-Host",
                    "evil.example")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(xml).contains("https://xxgk.example.gov.cn/portal/").doesNotContain("evil.example")
                    .doesNotContain("https://xxgk.example.gov.cn//");
        }
    }

    @Test
    void aLetterPointingToPublishedInformationGivesEachIndexNumbersAddressOnThePortal() {
        assertThat(letters.links("11530000MB1234567X/2026-00001、11530000MB1234567X/2026-00002"))
                .isEqualTo("11530000MB1234567X/2026-00001，网址：https://xxgk.example.gov.cn/portal/catalog/"
                        + "11530000MB1234567X/2026-00001、11530000MB1234567X/2026-00002，网址："
                        + "https://xxgk.example.gov.cn/portal/catalog/11530000MB1234567X/2026-00002");
        assertThat(letters.links(null)).isEmpty();
    }
}
