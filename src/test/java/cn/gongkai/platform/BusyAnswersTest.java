package cn.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every database connection taken: the public pages that read the database (an item's page and its open data) answer
 * 503 "系统繁忙" with Retry-After, not a 500, and answer normally again once connections are free. (The search itself
 * reads the index and cached directory data: it may keep answering while the database is busy.)
 */
@GongkaiAppTest
class BusyAnswersTest {

    @Autowired MockMvc mvc;
    @Autowired HikariDataSource dataSource;

    @Test
    void whenEveryDatabaseConnectionIsBusyTheCallerIsToldToRetryWith503NotA500() throws Exception {
        String found = mvc.perform(get("/api/v1/catalog/search").param("q", "通知")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String index = com.jayway.jsonpath.JsonPath.read(found, "$.items[0].indexNumber");
        long timeout = dataSource.getConnectionTimeout();
        List<Connection> held = new ArrayList<>();
        try {
            dataSource.getHikariConfigMXBean().setConnectionTimeout(250);
            for (int i = 0; i < dataSource.getMaximumPoolSize(); i++) {
                held.add(dataSource.getConnection());
            }
            mvc.perform(get("/api/v1/catalog/items/" + index))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.message", Matchers.startsWith("系统繁忙")))
                    .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")));
            mvc.perform(get("/portal/catalog/" + index))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(Matchers.containsString("系统繁忙，请稍候几秒再试")))
                    .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                    .andExpect(header().doesNotExist("ETag"));
        } finally {
            for (Connection c : held) {
                c.close();
            }
            dataSource.getHikariConfigMXBean().setConnectionTimeout(timeout);
        }
        mvc.perform(get("/api/v1/catalog/items/" + index)).andExpect(status().isOk());
        assertThat(dataSource.getConnectionTimeout()).isEqualTo(timeout);
    }
}
