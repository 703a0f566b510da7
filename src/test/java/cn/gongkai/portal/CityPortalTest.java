package cn.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The city's platform (issue 14 part 2): {@code /} is the city's disclosure home with every agency, a search across
 * every agency's catalog, each agency's own portal at {@code /agencies/{code}/}, the open-data API filtered by agency,
 * and every address published before the city still answering for the transport bureau.
 */
@GongkaiAppTest
class CityPortalTest {

    @Autowired MockMvc mvc;

    Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void theCityHomeListsEveryAgencyWithItsCountsAndPortalAndTheLatestOfAll() throws Exception {
        Document home = page("/");
        assertThat(home.selectFirst("h1").text()).isEqualTo("政府信息公开平台");
        assertThat(home.selectFirst(".portal-title .agency").text()).isEqualTo("示例市人民政府办公室");
        List<String> agencies = home.select("ul.agencies li a strong").eachText();
        assertThat(agencies).contains("示例市交通运输局", "示例市自然资源和规划局", "示例市市场监督管理局")
                .doesNotContain("示例市国家保密局");
        Element market = home.select("ul.agencies li a").stream()
                .filter(a -> a.text().contains("示例市市场监督管理局")).findFirst().orElseThrow();
        assertThat(market.attr("href")).isEqualTo("/agencies/SCJG/");
        // Its count is its own catalog's.
        String api = mvc.perform(get("/api/v1/catalog/search?agency=SCJG&size=1")).andReturn().getResponse()
                .getContentAsString();
        int total = JsonPath.read(api, "$.total");
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(market.text()).contains("公开信息 " + total + " 条");
        // The latest information of all agencies, newest first, each linked in its own agency's portal (the
        // transport bureau's at the addresses it always had).
        List<Element> latest = home.select("#latest li");
        assertThat(latest).isNotEmpty();
        List<String> days = latest.stream().map(li -> li.selectFirst(".meta").text().replaceAll(".* · ", "")).toList();
        assertThat(days).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // Every link opens the entry in its own agency's portal.
        for (Element li : latest) {
            Element a = li.selectFirst("a");
            assertThat(page(a.attr("href")).selectFirst("h1").text()).as(a.attr("href")).isEqualTo(a.text());
        }
        assertThat(latest.stream().map(li -> li.selectFirst("a").attr("href")))
                .allMatch(h -> h.startsWith("/portal/catalog/") || h.matches("/agencies/[A-Za-z0-9_-]+/portal/catalog/.+"));
    }

    @Test
    void anAgencysPortalLivesAtItsOwnAddressWithItsOwnCatalogAndLinks() throws Exception {
        Document home = page("/agencies/SCJG/");
        assertThat(home.selectFirst(".portal-title .agency").text()).isEqualTo("示例市市场监督管理局");
        assertThat(home.selectFirst("form[role=search]").attr("action")).isEqualTo("/agencies/SCJG/portal/catalog");
        assertThat(home.select("nav a").eachAttr("href")).contains("/agencies/SCJG/portal/guide",
                "/agencies/SCJG/portal/apply", "/agencies/SCJG/portal/catalog");
        Document catalog = page("/agencies/SCJG/portal/catalog?q=食品安全");
        List<String> titles = catalog.select("ol.hits h2 a").eachText();
        assertThat(titles).contains("食品安全监督抽检信息公告");
        String link = catalog.selectFirst("ol.hits h2 a").attr("href");
        assertThat(link).startsWith("/agencies/SCJG/portal/catalog/");
        assertThat(page(link).selectFirst("h1").text()).isEqualTo(catalog.selectFirst("ol.hits h2 a").text());
        // Only its own entries: the transport bureau's are not in the market bureau's catalog.
        assertThat(page("/agencies/SCJG/portal/catalog?q=公交线网").select("ol.hits li")).isEmpty();
        // Its entries are not at the transport bureau's addresses either.
        mvc.perform(get(link.substring("/agencies/SCJG".length()))).andExpect(status().isNotFound());
        mvc.perform(get("/agencies/NOSUCH/")).andExpect(status().isNotFound());
        mvc.perform(get("/agencies/SCJG")).andExpect(status().isFound())
                .andExpect(header().string("Location", "/agencies/SCJG/"));
        // The workbench has one address for every agency.
        mvc.perform(get("/agencies/SCJG/workbench")).andExpect(status().isFound())
                .andExpect(header().string("Location", "/workbench"));
    }

    @Test
    void everyAddressPublishedBeforeTheCityStillAnswersForTheTransportBureau() throws Exception {
        Document catalog = page("/portal/catalog?q=公交线网");
        Element first = catalog.selectFirst("ol.hits h2 a");
        assertThat(first.attr("href")).startsWith("/portal/catalog/");
        assertThat(page(first.attr("href")).selectFirst("h1").text()).isEqualTo(first.text());
        assertThat(page("/portal/guide").selectFirst(".portal-title .agency").text()).isEqualTo("示例市交通运输局");
        mvc.perform(get("/portal/feed.atom")).andExpect(status().isOk());
        mvc.perform(get("/sitemap.xml")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/catalog/search?q=公交线网")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].url").value(first.attr("href")));
        // The same bureau's portal is also at its own address.
        assertThat(page("/agencies/SJTJ/portal/catalog?q=公交线网").selectFirst("ol.hits h2 a").text())
                .isEqualTo(first.text());
    }

    @Test
    void theCitySearchFindsEveryAgencysEntriesAndFiltersByAgency() throws Exception {
        Document all = page("/search?q=登记");
        List<String> agencies = all.select("ol.hits .agency-name").eachText();
        assertThat(agencies).contains("示例市自然资源和规划局", "示例市市场监督管理局");
        Document market = page("/search?q=登记&agency=SCJG");
        assertThat(market.select("ol.hits .agency-name").eachText()).isNotEmpty().allMatch("示例市市场监督管理局"::equals);
        assertThat(market.select("ol.hits h2 a").eachAttr("href")).allMatch(h -> h.startsWith("/agencies/SCJG/"));
        // The search keeps the words typed and names the wrong agency.
        String bad = mvc.perform(get("/search?q=公告&agency=NOPE")).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString();
        assertThat(Jsoup.parse(bad).selectFirst("input[name=q]").val()).isEqualTo("公告");
        assertThat(bad).contains("本平台没有该机关");

        mvc.perform(get("/api/v1/catalog/search?q=食品安全&agency=SCJG")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].agency").value("示例市市场监督管理局"))
                .andExpect(jsonPath("$.items[0].url").value(org.hamcrest.Matchers.startsWith("/agencies/SCJG/")));
        mvc.perform(get("/api/v1/catalog/search?q=食品安全&agency=NOPE")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("agency"));
        mvc.perform(get("/api/v1/agencies")).andExpect(jsonPath("$[?(@.code == 'SCJG')].portalUrl")
                .value("/agencies/SCJG/"));
    }

    @Test
    void oneFormLeadsACitizensRequestToAnyAgency() throws Exception {
        Document home = page("/");
        Element form = home.selectFirst("#apply form");
        assertThat(form.attr("action")).isEqualTo("/apply");
        assertThat(form.select("option").eachAttr("value")).contains("SJTJ", "ZRZY", "SCJG");
        mvc.perform(get("/apply?agency=ZRZY")).andExpect(status().isFound())
                .andExpect(header().string("Location", "/agencies/ZRZY/portal/apply"));
        mvc.perform(get("/apply?agency=SJTJ")).andExpect(status().isFound())
                .andExpect(header().string("Location", "/portal/apply"));
        Document apply = page("/agencies/ZRZY/portal/apply");
        assertThat(apply.selectFirst(".portal-title .agency").text()).isEqualTo("示例市自然资源和规划局");
        assertThat(apply.selectFirst("form[method=post]").attr("action")).startsWith("/agencies/ZRZY/portal/apply");
    }
}
