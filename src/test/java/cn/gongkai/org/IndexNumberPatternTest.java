package cn.gongkai.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** 索引号格式: what a pattern produces and which patterns are refused. */
class IndexNumberPatternTest {

    static String problem(String pattern) {
        return IndexNumberPattern.problem(pattern, "000014349").orElse(null);
    }

    @Test
    void theDefaultIsOrganisationCodeSlashYearDashFiveDigitSerial() {
        assertThat(IndexNumberPattern.DEFAULT.format("000014349", 2018, 222)).isEqualTo("000014349/2018-00222");
        assertThat(IndexNumberPattern.DEFAULT.format("91350100M000100Y43", 2026, 1))
                .isEqualTo("91350100M000100Y43/2026-00001");
    }

    @Test
    void aCustomPatternMayHaveNoSlashOrSeveralAndItsOwnSerialWidth() {
        assertThat(new IndexNumberPattern("{year}{serial:4}").format("000014349", 2026, 7)).isEqualTo("20260007");
        assertThat(new IndexNumberPattern("SJT-{code}/GK/{year}/{serial:8}").format("000014349", 2026, 12))
                .isEqualTo("SJT-000014349/GK/2026/00000012");
    }

    @Test
    void aSerialBeyondItsWidthGrowsRatherThanBeingCut() {
        assertThat(new IndexNumberPattern("{year}-{serial:4}").format("000014349", 2026, 123456))
                .isEqualTo("2026-123456");
    }

    @Test
    void thePatternMustCarryTheYearAndExactlyOneSerialOfFourToEightDigits() {
        assertThat(problem("{code}/{serial:5}")).isEqualTo("org.agency.indexPattern.year");
        assertThat(problem("{code}/{year}")).isEqualTo("org.agency.indexPattern.serial");
        assertThat(problem("{year}-{serial:5}-{serial:5}")).isEqualTo("org.agency.indexPattern.serial");
        assertThat(problem("{year}-{serial}")).isEqualTo("org.agency.indexPattern.serial");
        assertThat(problem("{year}-{serial:3}")).isEqualTo("org.agency.indexPattern.serial");
        assertThat(problem("{year}-{serial:9}")).isEqualTo("org.agency.indexPattern.serial");
        assertThat(problem("{year}-{serial:4}")).isNull();
        assertThat(problem("{year}-{serial:8}")).isNull();
    }

    @Test
    void onlyKnownTokensAndUrlSafeCharactersAreAccepted() {
        assertThat(problem("{dept}/{year}-{serial:5}")).isEqualTo("org.agency.indexPattern.unknownToken");
        assertThat(problem("{code}/{year}-{serial:5}}")).isEqualTo("org.agency.indexPattern.unknownToken");
        assertThat(problem("{code/{year}-{serial:5}")).isEqualTo("org.agency.indexPattern.unknownToken");
        assertThat(problem("{code} {year}-{serial:5}")).isEqualTo("org.agency.indexPattern.chars");
        assertThat(problem("交通/{year}-{serial:5}")).isEqualTo("org.agency.indexPattern.chars");
        assertThat(problem("{code}.{year}-{serial:5}")).isEqualTo("org.agency.indexPattern.chars");
        assertThat(problem("{code}?{year}-{serial:5}")).isEqualTo("org.agency.indexPattern.chars");
        assertThat(problem("/{code}/{year}-{serial:5}")).isEqualTo("org.agency.indexPattern.chars");
        assertThat(problem("{code}/{year}-{serial:5}/")).isEqualTo("org.agency.indexPattern.chars");
        assertThat(problem("{code}//{year}-{serial:5}")).isEqualTo("org.agency.indexPattern.chars");
        assertThat(problem("")).isEqualTo("org.agency.indexPattern.required");
        assertThat(problem("A".repeat(50) + "{year}{serial:5}")).isEqualTo("org.agency.indexPattern.size");
    }

    @Test
    void theNumbersMustFitTheCatalogColumnWithTheAgencysOwnCode() {
        String pattern = "{code}-{code}/{year}-{serial:8}";
        // 9 + 1 + 9 + 1 + 4 + 1 + up to 10 serial digits = 35; with an 18-character credit code 53; both fit.
        assertThat(IndexNumberPattern.problem(pattern, "000014349")).isEmpty();
        String longer = "{code}-{code}-{code}/{year}-{serial:8}";
        assertThat(IndexNumberPattern.problem(longer, "000014349")).isEmpty();
        assertThat(IndexNumberPattern.problem(longer, "91350100M000100Y43"))
                .contains("org.agency.indexPattern.tooLong");
    }

    @Test
    void anInvalidPatternCannotBeConstructed() {
        assertThatThrownBy(() -> new IndexNumberPattern("{code}/{serial:5}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
