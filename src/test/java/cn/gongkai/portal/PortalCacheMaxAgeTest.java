package cn.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gongkai.support.GongkaiAppTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code gongkai.portal.cache-max-age} is how long public answers may be kept. Its own context, without sample items.
 */
@GongkaiAppTest
@TestPropertySource(properties = {"gongkai.test.context=portal-cache-max-age", "gongkai.demo-content=false",
        "gongkai.portal.cache-max-age=5m"})
class PortalCacheMaxAgeTest {

    @Autowired MockMvc mvc;

    @Test
    void publicAnswersMayBeKeptForTheConfiguredMaxAge() throws Exception {
        for (String path : List.of("/", "/portal/guide", "/portal/catalog", "/portal/feed.atom", "/sitemap.xml",
                "/api/v1/catalog/search")) {
            MockHttpServletResponse page = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(page.getStatus()).as(path).isEqualTo(200);
            assertThat(page.getHeader("Cache-Control")).as(path).isEqualTo("public, max-age=300");
        }
        assertThat(mvc.perform(get("/portal/track")).andReturn().getResponse().getHeader("Cache-Control"))
                .contains("no-store");
    }
}
