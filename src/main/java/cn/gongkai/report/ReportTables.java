package cn.gongkai.report;

import cn.gongkai.request.Outcome;
import cn.gongkai.request.RequestYearFigures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The cells of the 2021 template's tables 二, 三 and 四, the totals derived from them, and the check of table 三:
 * row 一 + row 二 = row （七）总计 + row 四 in every column. Plain Java: {@code value} gives a cell's figure.
 */
final class ReportTables {

    /** Table 二's cells: the first block by genre and count, then the decision counts and the fee amount. */
    static final List<String> TABLE_2 = List.of("t2.RULES.ISSUED", "t2.RULES.REPEALED", "t2.RULES.IN_FORCE",
            "t2.NORMATIVE.ISSUED", "t2.NORMATIVE.REPEALED", "t2.NORMATIVE.IN_FORCE", "t2.LICENSING", "t2.PENALTY",
            "t2.COMPULSION", "t2.FEES");

    /** Cells the records cannot give: they must be entered by hand before the report is submitted. */
    static final List<String> HAND_ONLY = List.of("t2.FEES");

    static final List<String> COLUMNS = RequestYearFigures.APPLICANT_COLUMNS;
    static final String TOTAL = "TOTAL";

    /** Table 三's counted rows, in order: NEW, CARRIED_IN, each outcome, CARRIED_OUT. */
    static final List<String> ROWS = RequestYearFigures.ROWS;

    static final List<String> TABLE_3 = ROWS.stream().flatMap(r -> COLUMNS.stream().map(c -> t3(r, c))).toList();

    static final List<String> TABLE_4 = RequestYearFigures.CHALLENGE_KINDS.stream()
            .flatMap(k -> RequestYearFigures.CHALLENGE_RESULTS.stream().map(r -> "t4." + k + "." + r)).toList();

    /** Every cell that is computed or entered; the totals are derived from them and never entered. */
    static final List<String> CELLS = concat();

    private ReportTables() {
    }

    private static List<String> concat() {
        List<String> all = new ArrayList<>(TABLE_2);
        all.addAll(TABLE_3);
        all.addAll(TABLE_4);
        return List.copyOf(all);
    }

    static String t3(String row, String column) {
        return "t3." + row + "." + column;
    }

    static boolean isMoney(String cell) {
        return "t2.FEES".equals(cell);
    }

    /** Table 三, row × column; column {@code TOTAL} is the row's sum; row {@code HANDLED} is （七）总计. */
    static BigDecimal table3(Function<String, BigDecimal> value, String row, String column) {
        if (TOTAL.equals(column)) {
            return COLUMNS.stream().map(c -> table3(value, row, c)).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        if ("HANDLED".equals(row)) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Outcome o : Outcome.values()) {
                sum = sum.add(table3(value, o.name(), column));
            }
            return sum;
        }
        BigDecimal v = value.apply(t3(row, column));
        return v == null ? BigDecimal.ZERO : v;
    }

    /** Table 四: a kind's result, or with {@code TOTAL} the kind's 总计. */
    static BigDecimal table4(Function<String, BigDecimal> value, String kind, String result) {
        if (TOTAL.equals(result)) {
            return RequestYearFigures.CHALLENGE_RESULTS.stream().map(r -> table4(value, kind, r))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        BigDecimal v = value.apply("t4." + kind + "." + result);
        return v == null ? BigDecimal.ZERO : v;
    }

    /** A column of table 三 where 一 + 二 differs from （七）总计 + 四. */
    record Mismatch(String column, BigDecimal received, BigDecimal accounted) {
    }

    /** The columns (applicant kinds and 总计) where the check fails; empty when the table is consistent. */
    static List<Mismatch> check(Function<String, BigDecimal> value) {
        List<Mismatch> failures = new ArrayList<>();
        List<String> columns = new ArrayList<>(COLUMNS);
        columns.add(TOTAL);
        for (String c : columns) {
            BigDecimal received = table3(value, "NEW", c).add(table3(value, "CARRIED_IN", c));
            BigDecimal accounted = table3(value, "HANDLED", c).add(table3(value, "CARRIED_OUT", c));
            if (received.compareTo(accounted) != 0) {
                failures.add(new Mismatch(c, received, accounted));
            }
        }
        return failures;
    }
}
