package cn.gongkai.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.org.IndexNumberPattern;
import cn.gongkai.support.GongkaiAppTest;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Index numbers, filings, the ledger, withdrawal and repeal, and what the public never sees. */
@GongkaiAppTest
class CatalogRecordsTest {

    @Autowired Catalog catalog;
    @Autowired Records records;
    @Autowired CatalogSearch search;
    @Autowired IndexNumbers indexNumbers;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

    Long agency() {
        return jdbc.queryForObject("select id from agency where code = 'SJTJ'", Long.class);
    }

    PublishedEntry publish(long itemId, String title, DisclosureAttribute attribute) {
        Long dept = jdbc.queryForObject("select id from department where agency_id = ? and name = '综合规划科'",
                Long.class, agency());
        return catalog.publish(new Publication(agency(), "示例市交通运输局", "000014349", itemId, 1, title, null,
                title + "的概述", title + "的正文", LocalDate.of(2026, 11, 2), "工业、交通", "通知", null, dept, "综合规划科",
                attribute, "WEBSITE", "吴科员", "DEPT_HEAD 孙科长 同意", List.of()));
    }

    @Test
    void twoPublicationsAtTheSameMomentNeverGetTheSameIndexNumber() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(() -> indexNumbers.next(agency(), IndexNumberPattern.DEFAULT, "000014349", 2031));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                numbers.add(f.get());
            }
            assertThat(numbers).hasSize(200).contains("000014349/2031-00001", "000014349/2031-00200");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aFilingIsFrozenLaterWithdrawalsDoNotChangeIt() throws Exception {
        PublishedEntry entry = publish(9_000_001L, "备案冻结测试通知", DisclosureAttribute.PROACTIVE);
        Filing filing = records.file(agency(), "office");
        catalog.withdraw(agency(), entry.entryId(), "内容有误");

        byte[] xlsx = records.filingXlsx(agency(), filing.getId());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("索引号");
            Row row = null;
            for (Row r : sheet) {
                if (r.getCell(0).getStringCellValue().equals(entry.indexNumber())) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("备案冻结测试通知");
            assertThat(row.getCell(9).getStringCellValue()).isEqualTo("PUBLISHED");
        }
        assertThat(search.publicEntry(agency(), entry.indexNumber())).isEmpty();
    }

    @Test
    void theLedgerListsWhoDraftedAndReviewedAndTheWorkingDaysToPublication() throws Exception {
        PublishedEntry entry = publish(9_000_002L, "台账测试通知", DisclosureAttribute.PROACTIVE);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        byte[] xlsx = mvc.perform(get("/workbench/catalog/ledger.xlsx").param("from", today.minusDays(1).toString())
                .param("to", today.toString()).with(user(accounts.loadUserByUsername("office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row found = null;
            for (Row r : wb.getSheetAt(0)) {
                if (r.getCell(0).getStringCellValue().equals(entry.indexNumber())) {
                    found = r;
                }
            }
            assertThat(found).isNotNull();
            assertThat(found.getCell(3).getStringCellValue()).isEqualTo("吴科员");
            assertThat(found.getCell(4).getStringCellValue()).contains("孙科长");
            assertThat(Integer.parseInt(found.getCell(9).getStringCellValue())).isPositive();
        }
        mvc.perform(get("/workbench/catalog/ledger.xlsx").param("from", today.toString()).param("to", today.toString())
                .with(user(accounts.loadUserByUsername("staff")))).andExpect(status().isForbidden());
    }

    @Test
    void withdrawnFiledAndRepealedEntriesAreTreatedAsTheRulesSayInSearchFeedAndSitemap() throws Exception {
        PublishedEntry withdrawn = publish(9_000_003L, "撤回测试公告甲", DisclosureAttribute.PROACTIVE);
        PublishedEntry filed = publish(9_000_004L, "备案不公开信息乙", DisclosureAttribute.ON_REQUEST);
        PublishedEntry repealed = publish(9_000_005L, "废止测试办法丙", DisclosureAttribute.PROACTIVE);
        catalog.withdraw(agency(), withdrawn.entryId(), "发布错误");
        catalog.repeal(agency(), repealed.entryId(), "已被新办法替代");

        assertThat(search.search(new CatalogQuery(agency(), "撤回测试公告甲", null, null, null, null, 0, 10, null)).total())
                .isZero();
        assertThat(search.search(new CatalogQuery(agency(), "备案不公开信息乙", null, null, null, null, 0, 10, null))
                .total()).isZero();
        assertThat(search.search(new CatalogQuery(agency(), "废止测试办法丙", null, null, null, null, 0, 10, null))
                .hits()).singleElement().satisfies(h -> assertThat(h.entry().getValidity()).isEqualTo(Validity.REPEALED));

        String feed = mvc.perform(get("/portal/feed.atom")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        String sitemap = mvc.perform(get("/sitemap.xml")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        for (String doc : List.of(feed, sitemap)) {
            assertThat(doc).doesNotContain(withdrawn.indexNumber()).doesNotContain(filed.indexNumber())
                    .contains(repealed.indexNumber());
        }
        mvc.perform(get("/portal/catalog/" + withdrawn.indexNumber())).andExpect(status().isNotFound());
        mvc.perform(get("/portal/catalog/" + filed.indexNumber())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/catalog/items/" + filed.indexNumber())).andExpect(status().isNotFound());
        String repealedPage = mvc.perform(get("/portal/catalog/" + repealed.indexNumber())).andReturn().getResponse()
                .getContentAsString();
        assertThat(repealedPage).contains("废止", "已被新办法替代");
    }
}
