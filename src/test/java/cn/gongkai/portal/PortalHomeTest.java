package cn.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import java.time.Year;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An agency's portal home (issue 11, "The portal"): a search box, the latest published information and report, a
 * favicon. On the demo city the transport bureau's home is at /agencies/SJTJ/ (/ is the city's, see CityPortalTest).
 */
@GongkaiAppTest
class PortalHomeTest {

    static final String HOME = "/agencies/SJTJ/";

    @Autowired MockMvc mvc;

    Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theHomePageHasASearchBoxThatSearchesTheCatalog() throws Exception {
        Document home = page(HOME);
        Element search = home.selectFirst("form[role=search]");
        assertThat(search).isNotNull();
        assertThat(search.attr("action")).isEqualTo(HOME + "portal/catalog");
        assertThat(search.attr("method")).isEqualToIgnoringCase("get");
        Element box = search.selectFirst("input[name=q]");
        assertThat(box).isNotNull();
        assertThat(home.select("label[for=" + box.id() + "]").text()).isEqualTo("检索政府信息");
        assertThat(search.select("button").text()).isEqualTo("检索");
    }

    @Test
    void theHomePageListsTheLatestPublishedInformationNewestFirstAndTheLatestAnnualReport() throws Exception {
        Element newest = page(HOME + "portal/catalog?order=DATE").selectFirst("ol.hits h2 a");
        assertThat(newest).isNotNull();

        Document home = page(HOME);
        Element latest = home.selectFirst("#latest");
        assertThat(latest).isNotNull();
        assertThat(latest.selectFirst("h2").text()).isEqualTo("最新公开信息");
        Element first = latest.selectFirst("li a");
        assertThat(first.text()).isEqualTo(newest.text());
        assertThat(first.attr("href")).isEqualTo(newest.attr("href"));
        assertThat(latest.select("li")).hasSizeBetween(1, 8);

        // Demo mode publishes last year's annual report.
        int lastYear = Year.now().getValue() - 1;
        Element report = home.selectFirst("#latest-report");
        assertThat(report).isNotNull();
        assertThat(report.selectFirst("a").attr("href")).isEqualTo(HOME + "portal/annual-report/" + lastYear);
        assertThat(report.text()).contains(lastYear + "年政府信息公开工作年度报告");
    }

    @Test
    void theFaviconIsServedAndLinkedFromThePortalAndTheWorkbenchLayouts() throws Exception {
        mvc.perform(get("/favicon.svg")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"));
        assertThat(page("/").select("link[rel=icon]").attr("href")).isEqualTo("/favicon.svg");
        // An agency's own portal loads it within its address, as every link of its pages.
        assertThat(page(HOME).select("link[rel=icon]").attr("href")).isEqualTo(HOME + "favicon.svg");
        mvc.perform(get(HOME + "favicon.svg")).andExpect(status().isOk());
        assertThat(page("/portal/catalog").select("link[rel=icon]").attr("href")).isEqualTo("/favicon.svg");
        assertThat(page("/login").select("link[rel=icon]").attr("href")).isEqualTo("/favicon.svg");
        String workbench = new String(getClass().getResourceAsStream("/templates/layout/workbench.html")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Matcher icon = Pattern.compile("<link rel=\"icon\"[^>]*th:href=\"@\\{/favicon.svg}\"").matcher(workbench);
        assertThat(icon.find()).as("the workbench layout links the favicon").isTrue();
    }
}
