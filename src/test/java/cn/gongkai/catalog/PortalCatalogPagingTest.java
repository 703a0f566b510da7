package cn.gongkai.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.OrgDirectory;
import cn.gongkai.support.GongkaiAppTest;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Paging and filters of the public catalog as people type them into the address bar (issue 11, "The portal"): a page
 * past the end shows the last page; a filter that is not understood says so, naming the field, with 400, never as a
 * server fault.
 */
@GongkaiAppTest
class PortalCatalogPagingTest {

    @Autowired MockMvc mvc;
    @Autowired OrgDirectory org;
    @Autowired Topics topics;

    Document page(String path, int status) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void theSearchFormOffersEveryFilterValueAndKeepsWhatTheVisitorChose() throws Exception {
        Long agency = org.defaultPortalAgency().orElseThrow().getId();
        Map.Entry<Long, String> department = org.departmentNames(agency).entrySet().iterator().next();
        String topic = topics.choices(agency).getLast().label();
        int year = java.time.Year.now().getValue() - 1;
        Document shown = page("/portal/catalog?q=交通&genre=" + Taxonomy.GENRES.getFirst() + "&department="
                + department.getKey() + "&year=" + year + "&topic=" + topic, 200);

        assertThat(shown.select("#department option").eachText()).first().isEqualTo("全部");
        assertThat(shown.select("#department option").eachText()).hasSize(org.departmentNames(agency).size() + 1)
                .containsAll(org.departmentNames(agency).values());
        assertThat(shown.select("#topic option").eachAttr("value")).hasSize(topics.choices(agency).size() + 1);
        assertThat(shown.select("#genre option").eachText()).hasSize(Taxonomy.GENRES.size() + 1);
        assertThat(shown.select("#year option")).hasSize(11);
        assertThat(shown.select("#department option[selected]").eachText()).containsExactly(department.getValue());
        assertThat(shown.select("#topic option[selected]").eachAttr("value")).containsExactly(topic);
        assertThat(shown.select("#genre option[selected]").eachText()).containsExactly(Taxonomy.GENRES.getFirst());
        assertThat(shown.select("#year option[selected]").eachText()).containsExactly(String.valueOf(year));
        assertThat(shown.select("#q").attr("value")).isEqualTo("交通");

        Document unfiltered = page("/portal/catalog", 200);
        assertThat(unfiltered.select("select option[selected]")).isEmpty();
    }

    @Test
    void aPagePastTheEndShowsTheLastPage() throws Exception {
        Document first = page("/portal/catalog?order=DATE&page=0", 200);
        String count = first.selectFirst(".pager span").text();
        int pages = Integer.parseInt(count.replaceAll(".*共 (\\d+) 页", "$1"));
        Document last = page("/portal/catalog?order=DATE&page=" + (pages - 1), 200);

        for (String beyond : new String[] {String.valueOf(pages), "999", "100000"}) {
            Document shown = page("/portal/catalog?order=DATE&page=" + beyond, 200);
            assertThat(shown.selectFirst(".pager span").text()).isEqualTo("第 " + pages + " 页，共 " + pages + " 页");
            assertThat(shown.select("ol.hits h2 a").eachAttr("href"))
                    .isNotEmpty().isEqualTo(last.select("ol.hits h2 a").eachAttr("href"));
            assertThat(shown.select(".pager a").eachText()).containsExactly("上一页");
        }
    }

    @Test
    void aMalformedFilterOrPageIsA400ThatNamesTheFieldNotAServerFault() throws Exception {
        Map<String, String> named = Map.of("year=abc", "年份", "page=abc", "页码", "department=abc", "科室",
                "order=sideways", "排序");
        named.forEach((query, field) -> {
            try {
                Document shown = page("/portal/catalog?" + query, 400);
                assertThat(shown.select("h1").eachText()).containsExactly("无法识别输入的内容");
                assertThat(shown.select("main").text()).as(query).contains("“" + field + "”")
                        .doesNotContain("服务暂时出错");
            } catch (Exception e) {
                throw new AssertionError(query, e);
            }
        });
    }

    @Test
    void anAnnualReportYearThatIsNotANumberIsA400NamingTheYear() throws Exception {
        Document shown = page("/portal/annual-report/abc", 400);
        assertThat(shown.select("main").text()).contains("“年份”").doesNotContain("服务暂时出错");
    }
}
