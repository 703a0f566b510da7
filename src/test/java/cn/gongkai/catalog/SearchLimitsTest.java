package cn.gongkai.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a public search may ask for (issue 10, "Search"): a bounded number of words and characters, no fuzzy or prefix
 * operators, pages within the result window. Anything more is refused by name before it reaches Lucene.
 */
@GongkaiAppTest
class SearchLimitsTest {

    @Autowired MockMvc mvc;

    static String terms(int n, String suffix) {
        return IntStream.range(0, n).mapToObj(i -> Character.toString('a' + i % 26) + suffix)
                .collect(Collectors.joining(" "));
    }

    @Test
    void aThreeHundredTermFuzzyQueryIsRefusedNamingQ() throws Exception {
        mvc.perform(get("/api/v1/catalog/search").param("q", terms(300, "~2"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("q"))
                .andExpect(jsonPath("$.errors[0].message").value("检索词不能超过 20 个，请减少检索词后重试。"));
    }

    @Test
    void moreThanTwentyWordsAreRefusedAndTwentyAreSearched() throws Exception {
        mvc.perform(get("/api/v1/catalog/search").param("q", terms(21, ""))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        // Words are separated by any white space, the ideographic space of Chinese input methods included.
        mvc.perform(get("/api/v1/catalog/search").param("q", terms(21, "").replace(' ', '\u3000')))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/api/v1/catalog/search").param("q", terms(20, ""))).andExpect(status().isOk());
    }

    @Test
    void aQueryOfMoreThanAHundredCharactersIsRefusedAndAHundredAreSearched() throws Exception {
        mvc.perform(get("/api/v1/catalog/search").param("q", "出租汽车".repeat(25) + "车"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"))
                .andExpect(jsonPath("$.errors[0].message").value("检索内容不能超过 100 个字，请缩短后重试。"));
        mvc.perform(get("/api/v1/catalog/search").param("q", "网络预约出租汽车经营服务".repeat(8) + "出租汽车"))
                .andExpect(status().isOk());
    }

    @Test
    void fuzzyAndPrefixOperatorsAreReadAsPlainWords() throws Exception {
        List<String> plain = found("网络预约出租汽车");
        assertThat(plain).isNotEmpty();
        assertThat(found("网络预约出租汽车~2")).isEqualTo(plain);
        assertThat(found("网络预约出租汽车~")).isEqualTo(plain);
        assertThat(found("网络预约出租汽车*")).isEqualTo(plain);
        assertThat(found("\"网络预约出租汽车\"~5")).isEqualTo(found("\"网络预约出租汽车\""));
        // A prefix or fuzzy operator alone on a short word would match countless terms: it finds what the letter does.
        assertThat(found("a* b~2 c~1")).isEqualTo(found("a b c"));
    }

    @Test
    void thePortalShowsTheRefusalAndKeepsWhatWasTyped() throws Exception {
        String typed = terms(25, "~2");
        String page = mvc.perform(get("/portal/catalog").param("q", typed)).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("检索词不能超过 20 个，请减少检索词后重试。").contains("value=\"" + typed + "\"");
    }

    @Test
    void pageAndSizeOutOfRangeAreRefusedByName() throws Exception {
        for (String size : List.of("0", "-1", "101", "100000")) {
            mvc.perform(get("/api/v1/catalog/search").param("size", size)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("size"));
        }
        for (String page : List.of("-1", "500", "2147483647")) {
            mvc.perform(get("/api/v1/catalog/search").param("page", page)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("page"));
        }
        mvc.perform(get("/api/v1/catalog/search").param("page", "99").param("size", "100"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/catalog/search").param("page", "100").param("size", "100"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/v1/catalog/search").param("page", "x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        // The portal shows its last page instead (PortalCatalogPagingTest); a negative page is still refused.
        mvc.perform(get("/portal/catalog").param("page", "-1")).andExpect(status().isBadRequest());
    }

    List<String> found(String q) throws Exception {
        String json = mvc.perform(get("/api/v1/catalog/search").param("q", q).param("size", "100"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.items[*].indexNumber");
    }
}
