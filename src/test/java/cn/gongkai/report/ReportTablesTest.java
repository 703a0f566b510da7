package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Table 三's check, on plain figures: 一 + 二 = （七）总计 + 四 in every column, and the failing columns named. */
class ReportTablesTest {

    static Map<String, BigDecimal> balanced() {
        Map<String, BigDecimal> v = new HashMap<>();
        v.put("t3.NEW.PERSON", BigDecimal.valueOf(10));
        v.put("t3.CARRIED_IN.PERSON", BigDecimal.valueOf(2));
        v.put("t3.DISCLOSED.PERSON", BigDecimal.valueOf(6));
        v.put("t3.REFUSED_PROCESS.PERSON", BigDecimal.valueOf(3));
        v.put("t3.CARRIED_OUT.PERSON", BigDecimal.valueOf(3));
        v.put("t3.NEW.LAW_SERVICE", BigDecimal.valueOf(1));
        v.put("t3.OTHER_NO_AMENDMENT.LAW_SERVICE", BigDecimal.valueOf(1));
        return v;
    }

    @Test
    void aTableWhereReceivedEqualsHandledPlusCarriedOverPassesInEveryColumn() {
        Map<String, BigDecimal> v = balanced();
        assertThat(ReportTables.check(v::get)).isEmpty();
        assertThat(ReportTables.table3(v::get, "HANDLED", "PERSON")).isEqualByComparingTo("9");
        assertThat(ReportTables.table3(v::get, "NEW", "TOTAL")).isEqualByComparingTo("11");
        assertThat(ReportTables.table3(v::get, "HANDLED", "TOTAL")).isEqualByComparingTo("10");
    }

    @Test
    void aWrongCellFailsItsColumnAndTheTotalColumnAndNoOther() {
        Map<String, BigDecimal> v = balanced();
        v.put("t3.DISCLOSED.PERSON", BigDecimal.valueOf(7));
        var failures = ReportTables.check(v::get);
        assertThat(failures).extracting(ReportTables.Mismatch::column).containsExactly("PERSON", "TOTAL");
        assertThat(failures.getFirst().received()).isEqualByComparingTo("12");
        assertThat(failures.getFirst().accounted()).isEqualByComparingTo("13");
    }

    @Test
    void table4TotalsEachKindOverItsFourResults() {
        Map<String, BigDecimal> v = Map.of("t4.REVIEW.MAINTAINED", BigDecimal.valueOf(2), "t4.REVIEW.PENDING",
                BigDecimal.ONE, "t4.LAWSUIT_DIRECT.CORRECTED", BigDecimal.ONE);
        assertThat(ReportTables.table4(v::get, "REVIEW", "TOTAL")).isEqualByComparingTo("3");
        assertThat(ReportTables.table4(v::get, "LAWSUIT_DIRECT", "TOTAL")).isEqualByComparingTo("1");
        assertThat(ReportTables.table4(v::get, "LAWSUIT_AFTER_REVIEW", "TOTAL")).isEqualByComparingTo("0");
    }
}
