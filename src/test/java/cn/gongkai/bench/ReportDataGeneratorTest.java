package cn.gongkai.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.catalog.Taxonomy;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.report.AnnualReportDesk;
import cn.gongkai.request.Outcome;
import cn.gongkai.request.ReplyForm;
import cn.gongkai.support.GongkaiAppTest;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

/**
 * The annual-report benchmark's data generator writes records the way the application would, in the proportions it
 * promises, and on them the report's tables balance and equal every cell counted independently, in every year; the
 * benchmark's copies of the report's SQL give exactly what the application computes. Its own application context
 * (and database) without demo content, so that the generated records are all there is.
 */
@GongkaiAppTest
@TestPropertySource(properties = {"gongkai.test.context=generated-report", "gongkai.demo-content=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportDataGeneratorTest {

    static final int N = 2_000;

    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired AnnualReportDesk desk;
    @Autowired UserDetailsService accounts;

    long agencyId;
    ReportDataGenerator.Result result;

    @BeforeAll
    void generate() throws Exception {
        result = new ReportDataGenerator(dataSource, ReportDataGenerator.DEFAULT_SEED)
                .generate(ReportDataGenerator.DEMO_AGENCY_CODE, N, N);
        agencyId = jdbc.queryForObject("select id from agency where code = 'SJTJ'", Long.class);
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void requestsComeInEveryColumnAndOutcomeInRealisticProportionsOverTheYears() {
        assertThat(result.requests()).isEqualTo(N);
        assertThat(count("select count(*) from info_request where agency_id = ?", agencyId)).isEqualTo(N);
        assertThat(count("select count(distinct tracking_number) from info_request")).isEqualTo(N);
        assertThat(jdbc.queryForList("select tracking_number from info_request", String.class))
                .allMatch(t -> t.matches("YS20(19|2[0-6])\\d{4}\\d{6,}"));
        // Received on working days, evenly over 2019-01-02 … 2026-11-20.
        assertThat(jdbc.queryForList("select received_on from info_request", LocalDate.class)).allSatisfy(d -> {
            assertThat(d.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(d).isBetween(ReportDataGenerator.FIRST_DAY, ReportDataGenerator.LAST_DAY);
        });
        assertThat(jdbc.queryForList("select extract(year from received_on)::int y, count(*) n from info_request "
                + "group by 1")).hasSize(8).allSatisfy(y -> assertThat(((Number) y.get("n")).longValue())
                        .isBetween(N / 8 / 2L, N / 8 * 2L));
        // Applicants: 自然人 about 85 %, every sub-kind of 法人或其他组织 present.
        assertThat(share("applicant_kind = 'PERSON'")).isBetween(0.80, 0.90);
        assertThat(jdbc.queryForList("select distinct organisation_kind from info_request "
                + "where applicant_kind = 'ORGANISATION'", String.class)).containsExactlyInAnyOrder(
                "COMMERCIAL_ENTERPRISE", "RESEARCH_INSTITUTION", "PUBLIC_INTEREST_ORGANISATION", "LAW_SERVICE",
                "OTHER");
        assertThat(count("select count(*) from info_request where applicant_kind = 'PERSON' "
                + "and organisation_kind is not null")).isZero();
        // About 90 % answered, every outcome occurs, 予以公开 the most common.
        assertThat(share("replied_on is not null")).isBetween(0.86, 0.92);
        assertThat(jdbc.queryForList("select distinct outcome from info_request where replied_on is not null",
                String.class)).containsExactlyInAnyOrder(Arrays.stream(Outcome.values()).map(Enum::name)
                .toArray(String[]::new));
        assertThat(share("outcome = 'DISCLOSED' and replied_on is not null")).isBetween(0.25, 0.35);
        assertThat(share("outcome = 'UNABLE_NOT_HELD' and replied_on is not null")).isBetween(0.17, 0.26);
    }

    @Test
    void answeredRequestsAreClosedOrRepliedWithAFittingReplyFormAndOpenOnesAreNot() {
        assertThat(count("select count(*) from info_request where replied_on is not null "
                + "and (status not in ('REPLIED', 'CLOSED') or outcome is null or replied_on < received_on)")).isZero();
        assertThat(count("select count(*) from info_request where replied_on is null and status in ('REPLIED', 'CLOSED')"))
                .isZero();
        // An open request carries an outcome only once the reply is drafted (it is not yet counted as handled).
        assertThat(jdbc.queryForList("select distinct status from info_request where replied_on is null "
                + "and outcome is not null", String.class)).isNotEmpty()
                .isSubsetOf("REPLY_DRAFTED", "AWAITING_LEADER");
        assertThat(jdbc.queryForList("select distinct status from info_request where replied_on is null", String.class))
                .contains("RECEIVED", "ASSIGNED", "AMENDMENT_REQUESTED", "CONSULTING", "REPLY_DRAFTED");
        jdbc.query("select outcome, reply_form from info_request where reply_form is not null", rs -> {
            assertThat(ReplyForm.valueOf(rs.getString(2)).fits(Outcome.valueOf(rs.getString(1))))
                    .as(rs.getString(2) + " for " + rs.getString(1)).isTrue();
        });
        assertThat(count("select count(*) from info_request where outcome in ('OTHER_NO_AMENDMENT', 'OTHER_FEE_UNPAID') "
                + "and reply_form is not null")).isZero();
        assertThat(count("select count(*) from info_request where replied_on is not null and (outcome like 'REFUSED%' "
                + "or outcome = 'PARTIAL') and leader_approved_by is null")).isZero();
        // Only assigned requests name a department, and it is one of the agency's.
        assertThat(count("select count(*) from info_request r where status <> 'RECEIVED' and not exists "
                + "(select 1 from department d where d.id = r.department_id and d.agency_id = r.agency_id)")).isZero();
        // Carried over across year boundaries: received in one year, answered in the next.
        assertThat(count("select count(*) from info_request where extract(year from replied_on) "
                + "> extract(year from received_on)")).isGreaterThan(10);
    }

    @Test
    void someRefusalsAreChallengedByReviewAndLawsuitAfterTheReply() {
        assertThat(result.challenges()).isPositive();
        assertThat(count("select count(*) from request_challenge")).isEqualTo(result.challenges());
        assertThat(jdbc.queryForList("select distinct kind from request_challenge", String.class))
                .containsExactlyInAnyOrder("REVIEW", "LAWSUIT_DIRECT", "LAWSUIT_AFTER_REVIEW");
        assertThat(jdbc.queryForList("select distinct result from request_challenge", String.class))
                .contains("MAINTAINED", "PENDING");
        assertThat(count("select count(*) from request_challenge c join info_request r on r.id = c.request_id "
                + "where c.filed_on <= r.replied_on or r.outcome in ('DISCLOSED', 'OTHER') or c.filed_on > ?",
                ReportDataGenerator.LAST_DAY)).isZero();
    }

    @Test
    void catalogEntriesHaveTheReportsGenresRepealsAndWithdrawalsAndNumbersFromTheSerials() {
        assertThat(result.entries()).isEqualTo(N);
        assertThat(count("select count(*) from catalog_entry where agency_id = ? and item_id = -id and version = 1",
                agencyId)).isEqualTo(N);
        assertThat(jdbc.queryForList("select distinct genre from catalog_entry", String.class))
                .isSubsetOf(Taxonomy.GENRES).contains("规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "通知");
        assertThat(jdbc.queryForList("select distinct topic from catalog_entry", String.class))
                .isSubsetOf(Taxonomy.TOPICS).contains("工业、交通");
        assertThat(jdbc.queryForList("select distinct extract(year from created_on)::int from catalog_entry",
                Integer.class)).containsExactlyInAnyOrder(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
        // States: published, filed (not proactive), repealed and withdrawn with their date and validity.
        Map<String, Long> states = new HashMap<>();
        jdbc.query("select state, count(*) from catalog_entry group by 1", rs -> {
            states.put(rs.getString(1), rs.getLong(2));
        });
        assertThat(states).containsOnlyKeys("PUBLISHED", "FILED", "REPEALED", "WITHDRAWN");
        assertThat(states.get("PUBLISHED")).isGreaterThan(N * 8L / 10);
        assertThat(count("select count(*) from catalog_entry where (state in ('REPEALED', 'WITHDRAWN')) "
                + "<> (state_changed_at is not null) or state_changed_at <= published_at or published_at::date < created_on "
                + "or validity <> case state when 'WITHDRAWN' then 'INVALID' when 'REPEALED' then 'REPEALED' "
                + "else 'VALID' end or (state = 'FILED') <> (attribute <> 'PROACTIVE')")).isZero();
        assertThat(count("select count(*) from catalog_entry where state = 'REPEALED' and genre in ('规章', '行政规范性文件')"))
                .isPositive();
        assertThat(count("select count(*) from catalog_entry where published_at > timestamptz '2026-11-21 00:00+08'"))
                .isZero();
        // Index numbers unique, and each year's serial counts them (the database held no entry before).
        assertThat(count("select count(distinct index_number) from catalog_entry")).isEqualTo(N);
        List<Map<String, Object>> years = jdbc.queryForList("""
                select s.year, s.last_serial, count(e.id) as entries,
                       max(cast(substring(e.index_number from 16) as int)) as highest
                from index_serial s join catalog_entry e on e.index_number like '000014349/' || s.year || '-%'
                where s.agency_id = ? group by s.year, s.last_serial""", agencyId);
        assertThat(years).hasSize(8).allSatisfy(y -> {
            assertThat(((Number) y.get("last_serial")).longValue()).isEqualTo(((Number) y.get("entries")).longValue());
            assertThat(((Number) y.get("highest")).longValue()).isEqualTo(((Number) y.get("entries")).longValue());
        });
        assertThat(count("select count(*) from catalog_version v join catalog_entry e on e.id = v.entry_id "
                + "and v.version = 1 and v.title = e.title and v.published_at = e.published_at")).isEqualTo(N);
        assertThat(count("select count(*) from catalog_entry e where not exists (select 1 from department d "
                + "where d.id = e.department_id and d.name = e.department_name and d.agency_id = e.agency_id)")).isZero();
    }

    @Test
    void inEveryYearTheTablesBalanceAndEqualTheCellsCountedIndependentlyAndTheBenchmarksBareSql() {
        for (int year = 2019; year <= 2026; year++) {
            Map<String, BigDecimal> computed = desk.computed(agencyId, year);
            Map<String, Long> app = ReportSql.nonZero(computed);
            assertThat(app).as("computed %d = independent counts", year)
                    .isEqualTo(ReportSql.independent(jdbc, agencyId, year));
            assertThat(ReportSql.bare(jdbc, agencyId, year)).as("bare SQL %d = computed", year).isEqualTo(app);
            assertThat(ReportSql.balances(computed)).as("一 + 二 = （七）总计 + 四 in %d", year)
                    .allMatch(ReportSql.Balance::holds).hasSize(7);
            if (year == 2019) {
                assertThat(app).as("nothing is carried into the first year").noneSatisfy(
                        (cell, n) -> assertThat(cell).startsWith("t3.CARRIED_IN."));
            }
        }
        // A middle year has requests in both directions over its boundaries and catalogued rules and decisions.
        Map<String, Long> middle = ReportSql.nonZero(desk.computed(agencyId, 2023));
        assertThat(middle).containsKeys("t3.NEW.PERSON", "t3.CARRIED_IN.PERSON", "t3.CARRIED_OUT.PERSON",
                "t3.DISCLOSED.PERSON", "t2.NORMATIVE.ISSUED", "t2.NORMATIVE.IN_FORCE", "t2.LICENSING", "t2.PENALTY");
        assertThat(ReportSql.plainCounts(jdbc, agencyId, 2023)).isPositive();
    }

    @Test
    void theReportTheOfficeGeneratesOnTheDataHoldsTheComputedFiguresAndBalances() {
        StaffPrincipal office = (StaffPrincipal) accounts.loadUserByUsername("office");
        desk.generate(office, 2023);
        Map<String, BigDecimal> saved = new HashMap<>();
        jdbc.query("select f.cell, coalesce(f.manual, f.computed) from annual_report_figure f join annual_report r "
                + "on r.id = f.report_id where r.agency_id = ? and r.year = 2023", rs -> {
                    if (rs.getBigDecimal(2) != null) {
                        saved.put(rs.getString(1), rs.getBigDecimal(2));
                    }
                }, agencyId);
        assertThat(ReportSql.nonZero(saved)).isEqualTo(ReportSql.independent(jdbc, agencyId, 2023));
        assertThat(ReportSql.balances(saved)).allMatch(ReportSql.Balance::holds);
    }

    double share(String condition) {
        return count("select count(*) from info_request where " + condition) / (double) N;
    }
}
