package cn.gongkai.platform;

import java.util.List;
import java.util.Objects;

/**
 * A report made of headings, paragraphs and tables, to be shown as HTML and rendered as DOCX and PDF by
 * {@link ReportRenderer}. Table cells may span rows and columns, so that statutory tables keep their real structure
 * (an accessible HTML table, merged cells in Word, drawn grids in PDF).
 */
public record ReportDocument(String title, String subtitle, List<Block> blocks) {

    public ReportDocument {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
    }

    /** One part of the report. */
    public sealed interface Block permits Heading, Paragraph, Table {

        /** {@code heading}, {@code paragraph} or {@code table}, for templates. */
        String kind();
    }

    public record Heading(String text) implements Block {

        @Override
        public String kind() {
            return "heading";
        }
    }

    public record Paragraph(String text) implements Block {

        @Override
        public String kind() {
            return "paragraph";
        }
    }

    /**
     * A table: a caption, relative column widths and rows of cells. A cell spanning rows or columns is given once,
     * in the first row and column it covers; the rows it covers below leave those columns out.
     */
    public record Table(String caption, List<Float> widths, List<List<Cell>> rows) implements Block {

        public Table {
            widths = List.copyOf(widths);
            rows = rows.stream().map(List::copyOf).toList();
        }

        @Override
        public String kind() {
            return "table";
        }
    }

    /**
     * A cell: its text, spans, whether it is a header, and a note (e.g. "entered by hand by …"), shown as a mark.
     */
    public record Cell(String text, int colspan, int rowspan, boolean header, boolean numeric, String note) {

        public static Cell header(String text, int colspan, int rowspan) {
            return new Cell(text, colspan, rowspan, true, false, null);
        }

        public static Cell label(String text, int colspan, int rowspan) {
            return new Cell(text, colspan, rowspan, true, false, null);
        }

        public static Cell number(String text, String note) {
            return new Cell(text, 1, 1, false, true, note);
        }

        public boolean isMarked() {
            return note != null;
        }
    }
}
