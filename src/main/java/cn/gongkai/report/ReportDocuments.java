package cn.gongkai.report;

import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.StaffNames;
import cn.gongkai.platform.ReportDocument;
import cn.gongkai.platform.ReportDocument.Block;
import cn.gongkai.platform.ReportDocument.Cell;
import cn.gongkai.platform.ReportDocument.Heading;
import cn.gongkai.platform.ReportDocument.Paragraph;
import cn.gongkai.platform.ReportDocument.Table;
import cn.gongkai.request.Outcome;
import cn.gongkai.request.RequestYearFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Lays a report out in the 2021 template: the six sections, with tables 二, 三 and 四 under sections 二, 三 and 四,
 * every row and column label as the template writes it (from the message bundle, keys {@code report.t*}). The same
 * layout is shown as HTML on the workbench and the portal and rendered as DOCX and PDF.
 */
@Component
class ReportDocuments {

    /** What a report says, from the report itself or from one of its saved versions. */
    record Content(int year, String agencyName, String overview, String problems, String other,
            Function<String, BigDecimal> value, Function<String, String> enteredBy) {
    }

    private final MessageSource messages;
    private final OrgDirectory org;

    ReportDocuments(MessageSource messages, OrgDirectory org) {
        this.messages = messages;
        this.org = org;
    }

    /** The report as it stands; a hand-entered figure names its 填报人 by name and department. */
    Content of(AnnualReport r, String agencyName) {
        StaffNames names = org.names(r.getAgencyId());
        return new Content(r.getYear(), agencyName, r.getSectionOverview(), r.getSectionProblems(),
                r.getSectionOther(), r::value, cell -> {
                    Figure f = r.figure(cell);
                    return f != null && f.isManual() ? names.of(f.getEnteredBy()) : null;
                });
    }

    Content of(AnnualReport r, AnnualReportVersion v, String agencyName) {
        java.util.Map<String, BigDecimal> values = v.values();
        java.util.Map<String, String> marks = new java.util.HashMap<>();
        for (String line : v.getFigures().split("\n")) {
            int mark = line.indexOf(" *");
            if (mark > 0) {
                marks.put(line.substring(0, line.indexOf('=')), line.substring(mark + 2));
            }
        }
        StaffNames names = org.names(r.getAgencyId());
        return new Content(r.getYear(), agencyName, v.getSectionOverview(), v.getSectionProblems(),
                v.getSectionOther(), values::get, cell -> marks.containsKey(cell) ? names.of(marks.get(cell)) : null);
    }

    String title(Content c) {
        return m("report.title", c.agencyName(), String.valueOf(c.year()));
    }

    ReportDocument document(Content c) {
        List<Block> blocks = new ArrayList<>();
        Set<String> hand = new LinkedHashSet<>();
        blocks.add(new Heading(m("report.section.1")));
        paragraphs(blocks, c.overview());
        blocks.add(new Heading(m("report.section.2")));
        blocks.add(table2(c, hand));
        blocks.add(new Heading(m("report.section.3")));
        blocks.add(table3(c, hand));
        blocks.add(new Heading(m("report.section.4")));
        blocks.add(table4(c, hand));
        if (!hand.isEmpty()) {
            blocks.add(new Paragraph(m("report.handNote", String.join("、", hand))));
        }
        blocks.add(new Heading(m("report.section.5")));
        paragraphs(blocks, c.problems());
        blocks.add(new Heading(m("report.section.6")));
        paragraphs(blocks, c.other());
        return new ReportDocument(title(c), null, blocks);
    }

    private void paragraphs(List<Block> blocks, String text) {
        if (text == null || text.isBlank()) {
            blocks.add(new Paragraph(m("report.noText")));
            return;
        }
        for (String p : text.split("\n")) {
            if (!p.isBlank()) {
                blocks.add(new Paragraph(p.strip()));
            }
        }
    }

    private Cell number(Content c, String cell, Set<String> hand) {
        BigDecimal v = c.value().apply(cell);
        String by = c.enteredBy().apply(cell);
        if (by != null) {
            hand.add(by);
        }
        return Cell.number(format(v, ReportTables.isMoney(cell)), by == null ? null : m("report.enteredBy", by));
    }

    private static Cell derived(BigDecimal v) {
        return Cell.number(format(v, false), null);
    }

    static String format(BigDecimal v, boolean money) {
        if (v == null) {
            return "—";
        }
        return money ? v.setScale(2, RoundingMode.HALF_UP).toPlainString() : v.stripTrailingZeros().toPlainString();
    }

    private Table table2(Content c, Set<String> hand) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.header(m("report.t2.item1"), 4, 1)));
        rows.add(List.of(Cell.header(m("report.t2.content"), 1, 1), Cell.header(m("report.t2.issued"), 1, 1),
                Cell.header(m("report.t2.repealed"), 1, 1), Cell.header(m("report.t2.inForce"), 1, 1)));
        for (String block : List.of("RULES", "NORMATIVE")) {
            rows.add(List.of(Cell.label(m("report.t2." + block), 1, 1), number(c, "t2." + block + ".ISSUED", hand),
                    number(c, "t2." + block + ".REPEALED", hand), number(c, "t2." + block + ".IN_FORCE", hand)));
        }
        rows.add(List.of(Cell.header(m("report.t2.item5"), 4, 1)));
        rows.add(List.of(Cell.header(m("report.t2.content"), 1, 1), Cell.header(m("report.t2.decisions"), 3, 1)));
        rows.add(List.of(Cell.label(m("report.t2.LICENSING"), 1, 1), wide(number(c, "t2.LICENSING", hand))));
        rows.add(List.of(Cell.header(m("report.t2.item6"), 4, 1)));
        rows.add(List.of(Cell.header(m("report.t2.content"), 1, 1), Cell.header(m("report.t2.decisions"), 3, 1)));
        rows.add(List.of(Cell.label(m("report.t2.PENALTY"), 1, 1), wide(number(c, "t2.PENALTY", hand))));
        rows.add(List.of(Cell.label(m("report.t2.COMPULSION"), 1, 1), wide(number(c, "t2.COMPULSION", hand))));
        rows.add(List.of(Cell.header(m("report.t2.item8"), 4, 1)));
        rows.add(List.of(Cell.header(m("report.t2.content"), 1, 1), Cell.header(m("report.t2.amount"), 3, 1)));
        rows.add(List.of(Cell.label(m("report.t2.FEES"), 1, 1), wide(number(c, "t2.FEES", hand))));
        return new Table(m("report.t2.caption"), List.of(2.5f, 1.5f, 1.5f, 1.5f), rows);
    }

    private static Cell wide(Cell cell) {
        return new Cell(cell.text(), 3, 1, false, true, cell.note());
    }

    private Table table3(Content c, Set<String> hand) {
        List<String> columns = ReportTables.COLUMNS;
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.header(m("report.t3.applicant"), 3, 2), Cell.header(m("report.t3.PERSON"), 1, 2),
                Cell.header(m("report.t3.ORGANISATION"), 5, 1), Cell.header(m("report.t3.TOTAL"), 1, 2)));
        List<Cell> kinds = new ArrayList<>();
        for (String col : columns.subList(1, columns.size())) {
            kinds.add(Cell.header(m("report.t3." + col), 1, 1));
        }
        rows.add(kinds);
        rows.add(row(c, hand, List.of(Cell.label(m("report.t3.NEW"), 3, 1)), "NEW"));
        rows.add(row(c, hand, List.of(Cell.label(m("report.t3.CARRIED_IN"), 3, 1)), "CARRIED_IN"));
        int outcomeRows = Outcome.values().length + 1;
        Outcome.Category previous = null;
        boolean first = true;
        for (Outcome o : Outcome.values()) {
            List<Cell> labels = new ArrayList<>();
            if (first) {
                labels.add(Cell.label(m("report.t3.HANDLED_GROUP"), 1, outcomeRows));
                first = false;
            }
            long inCategory = java.util.Arrays.stream(Outcome.values()).filter(x -> x.category() == o.category())
                    .count();
            if (inCategory == 1) {
                labels.add(Cell.label(m("report.t3.category." + o.category()), 2, 1));
            } else {
                if (o.category() != previous) {
                    labels.add(Cell.label(m("report.t3.category." + o.category()), 1, (int) inCategory));
                }
                labels.add(Cell.label(m("report.t3.outcome." + o.name()), 1, 1));
            }
            previous = o.category();
            rows.add(row(c, hand, labels, o.name()));
        }
        List<Cell> total = new ArrayList<>(List.of(Cell.label(m("report.t3.HANDLED"), 2, 1)));
        for (String col : columns) {
            total.add(derived(ReportTables.table3(c.value(), "HANDLED", col)));
        }
        total.add(derived(ReportTables.table3(c.value(), "HANDLED", ReportTables.TOTAL)));
        rows.add(total);
        rows.add(row(c, hand, List.of(Cell.label(m("report.t3.CARRIED_OUT"), 3, 1)), "CARRIED_OUT"));
        List<Float> widths = new ArrayList<>(List.of(1.3f, 1.5f, 3.2f));
        widths.addAll(Collections.nCopies(7, 1f));
        return new Table(m("report.t3.caption"), widths, rows);
    }

    private List<Cell> row(Content c, Set<String> hand, List<Cell> labels, String row) {
        List<Cell> cells = new ArrayList<>(labels);
        for (String col : ReportTables.COLUMNS) {
            cells.add(number(c, ReportTables.t3(row, col), hand));
        }
        cells.add(derived(ReportTables.table3(c.value(), row, ReportTables.TOTAL)));
        return cells;
    }

    private Table table4(Content c, Set<String> hand) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.header(m("report.t4.REVIEW"), 5, 1), Cell.header(m("report.t4.LAWSUIT"), 10, 1)));
        List<Cell> second = new ArrayList<>();
        for (String result : results()) {
            second.add(Cell.header(m("report.t4." + result), 1, 2));
        }
        second.add(Cell.header(m("report.t4.LAWSUIT_DIRECT"), 5, 1));
        second.add(Cell.header(m("report.t4.LAWSUIT_AFTER_REVIEW"), 5, 1));
        rows.add(second);
        List<Cell> third = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (String result : results()) {
                third.add(Cell.header(m("report.t4." + result), 1, 1));
            }
        }
        rows.add(third);
        List<Cell> data = new ArrayList<>();
        for (String kind : RequestYearFigures.CHALLENGE_KINDS) {
            for (String result : RequestYearFigures.CHALLENGE_RESULTS) {
                data.add(number(c, "t4." + kind + "." + result, hand));
            }
            data.add(derived(ReportTables.table4(c.value(), kind, ReportTables.TOTAL)));
        }
        rows.add(data);
        return new Table(m("report.t4.caption"), Collections.nCopies(15, 1f), rows);
    }

    private static List<String> results() {
        List<String> r = new ArrayList<>(RequestYearFigures.CHALLENGE_RESULTS);
        r.add("TOTAL");
        return r;
    }

    String m(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
