package cn.gongkai.platform;

import cn.gongkai.platform.ReportDocument.Block;
import cn.gongkai.platform.ReportDocument.Cell;
import cn.gongkai.platform.ReportDocument.Heading;
import cn.gongkai.platform.ReportDocument.Paragraph;
import cn.gongkai.platform.ReportDocument.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * Renders a {@link ReportDocument} as DOCX (Apache POI: real Word tables with merged cells) and as PDF (Apache
 * PDFBox: text in the embedded CJK font of {@link LetterRenderer}, tables drawn as grids that continue across pages).
 * A4 portrait, GB/T 9704 margins; the title in 22 pt, headings in 16 pt, text in 14 pt, tables in 9 pt. A cell with a
 * note is marked with an asterisk. Plain Java, no Spring; safe to share between threads.
 */
public final class ReportRenderer {

    private static final float MM = 72f / 25.4f;
    private static final float TOP = 37 * MM;
    private static final float BOTTOM = 35 * MM;
    private static final float LEFT = 28 * MM;
    private static final float RIGHT = 26 * MM;
    private static final float WIDTH = PDRectangle.A4.getWidth() - LEFT - RIGHT;
    private static final float TITLE_SIZE = 17;
    private static final float HEADING_SIZE = 15;
    private static final float TEXT_SIZE = 13;
    private static final float TABLE_SIZE = 8.5f;
    private static final float PAD = 3;
    private static final int TEXT_TWIPS = 8844; // 156 mm

    private final LetterRenderer fonts;

    public ReportRenderer() {
        this(new LetterRenderer());
    }

    /** Uses the font that this letter renderer would use. */
    public ReportRenderer(LetterRenderer fonts) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    /** A cell placed on the table's grid. */
    record Placed(int row, int col, Cell cell) {
    }

    /** Places each cell on the grid, skipping slots covered by cells spanning from above or the left. */
    static List<Placed> place(Table table) {
        int columns = table.widths().size();
        int rows = table.rows().size();
        boolean[][] taken = new boolean[rows][columns];
        List<Placed> placed = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int c = 0;
            for (Cell cell : table.rows().get(r)) {
                while (c < columns && taken[r][c]) {
                    c++;
                }
                if (c + cell.colspan() > columns || r + cell.rowspan() > rows) {
                    throw new IllegalArgumentException("Table '" + table.caption() + "': cell '" + cell.text()
                            + "' does not fit the grid at row " + r + ", column " + c);
                }
                for (int i = r; i < r + cell.rowspan(); i++) {
                    for (int j = c; j < c + cell.colspan(); j++) {
                        taken[i][j] = true;
                    }
                }
                placed.add(new Placed(r, c, cell));
                c += cell.colspan();
            }
        }
        return placed;
    }

    private static String shown(Cell cell) {
        return cell.isMarked() ? cell.text() + "*" : cell.text();
    }

    // ---------------------------------------------------------------------------------------------------- DOCX

    public byte[] docx(ReportDocument report) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageSetup(doc);
            paragraph(doc, report.title(), ParagraphAlignment.CENTER, "宋体", TITLE_SIZE, true, false);
            if (report.subtitle() != null) {
                paragraph(doc, report.subtitle(), ParagraphAlignment.CENTER, "仿宋", TEXT_SIZE, false, false);
            }
            for (Block block : report.blocks()) {
                switch (block) {
                    case Heading h -> paragraph(doc, h.text(), ParagraphAlignment.LEFT, "黑体", HEADING_SIZE, false,
                            false);
                    case Paragraph p -> paragraph(doc, p.text(), ParagraphAlignment.BOTH, "仿宋", TEXT_SIZE, false, true);
                    case Table t -> table(doc, t);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pageSetup(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(Math.round(TOP * 20)));
        margins.setBottom(BigInteger.valueOf(Math.round(BOTTOM * 20)));
        margins.setLeft(BigInteger.valueOf(Math.round(LEFT * 20)));
        margins.setRight(BigInteger.valueOf(Math.round(RIGHT * 20)));
    }

    private static void paragraph(XWPFDocument doc, String text, ParagraphAlignment alignment, String font, float size,
            boolean bold, boolean indent) {
        for (String line : text.split("\n", -1)) {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(alignment);
            p.setSpacingBetween(size * 1.6, LineSpacingRule.EXACT);
            if (indent) {
                p.setIndentationFirstLine(Math.round(2 * size * 20));
            }
            run(p, line, font, size, bold);
        }
    }

    private static void run(XWPFParagraph p, String text, String font, float size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
    }

    private static void table(XWPFDocument doc, Table t) {
        if (t.caption() != null) {
            paragraph(doc, t.caption(), ParagraphAlignment.CENTER, "黑体", TEXT_SIZE, false, false);
        }
        int columns = t.widths().size();
        float total = (float) t.widths().stream().mapToDouble(Float::doubleValue).sum();
        int[] twips = t.widths().stream().mapToInt(w -> Math.round(TEXT_TWIPS * w / total)).toArray();
        List<Placed> placed = place(t);
        Placed[][] start = new Placed[t.rows().size()][columns];
        Placed[][] cover = new Placed[t.rows().size()][columns];
        for (Placed p : placed) {
            start[p.row()][p.col()] = p;
            for (int i = p.row(); i < p.row() + p.cell().rowspan(); i++) {
                cover[i][p.col()] = p;
            }
        }
        XWPFTable table = doc.createTable();
        table.setWidth("100%");
        table.getCTTbl().getTblPr().getTblW().setType(STTblWidth.PCT);
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid()
                : table.getCTTbl().getTblGrid();
        for (int w : twips) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        for (int r = 0; r < t.rows().size(); r++) {
            XWPFTableRow row = table.insertNewTableRow(r);
            int c = 0;
            while (c < columns) {
                Placed here = start[r][c] != null ? start[r][c] : cover[r][c];
                if (here == null) {
                    c++;
                    continue;
                }
                XWPFTableCell tc = row.addNewTableCell();
                CTTcPr pr = tc.getCTTc().isSetTcPr() ? tc.getCTTc().getTcPr() : tc.getCTTc().addNewTcPr();
                int span = here.cell().colspan();
                int width = 0;
                for (int j = c; j < c + span; j++) {
                    width += twips[j];
                }
                pr.addNewTcW().setW(BigInteger.valueOf(width));
                pr.getTcW().setType(STTblWidth.DXA);
                if (span > 1) {
                    pr.addNewGridSpan().setVal(BigInteger.valueOf(span));
                }
                boolean first = here.row() == r;
                if (here.cell().rowspan() > 1) {
                    pr.addNewVMerge().setVal(first ? STMerge.RESTART : STMerge.CONTINUE);
                }
                XWPFParagraph p = tc.getParagraphs().getFirst();
                p.setAlignment(here.cell().header() && !here.cell().numeric() && here.cell().colspan() < 2
                        && here.col() == 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
                if (first) {
                    run(p, shown(here.cell()), "仿宋", 9, here.cell().header() && r == 0);
                }
                c += span;
            }
        }
        table.removeRow(t.rows().size());
        doc.createParagraph();
    }

    // ----------------------------------------------------------------------------------------------------- PDF

    public byte[] pdf(ReportDocument report) {
        try (LetterRenderer.OpenFont open = fonts.openFont(); PDDocument doc = new PDDocument()) {
            requireGlyphs(report, open.font().getUnicodeCmapLookup(), open.font().getName());
            PDType0Font font = PDType0Font.load(doc, open.font(), true);
            try (Pdf pdf = new Pdf(doc, font)) {
                pdf.centred(report.title(), TITLE_SIZE);
                if (report.subtitle() != null) {
                    pdf.centred(report.subtitle(), TEXT_SIZE);
                }
                pdf.gap(TEXT_SIZE);
                for (Block block : report.blocks()) {
                    switch (block) {
                        case Heading h -> pdf.text(h.text(), HEADING_SIZE, false);
                        case Paragraph p -> pdf.text(p.text(), TEXT_SIZE, true);
                        case Table t -> pdf.table(t);
                    }
                }
            }
            doc.getDocumentInformation().setTitle(report.title());
            doc.getDocumentCatalog().setLanguage("zh-CN");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireGlyphs(ReportDocument report, CmapLookup cmap, String fontName) {
        List<String> texts = new ArrayList<>();
        texts.add(report.title());
        texts.add(report.subtitle() == null ? "" : report.subtitle());
        texts.add("*— 0123456789");
        for (Block block : report.blocks()) {
            switch (block) {
                case Heading h -> texts.add(h.text());
                case Paragraph p -> texts.add(p.text());
                case Table t -> {
                    texts.add(t.caption() == null ? "" : t.caption());
                    t.rows().forEach(row -> row.forEach(cell -> texts.add(cell.text())));
                }
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String text : texts) {
            text.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                    .filter(cp -> cmap.getGlyphId(cp) == 0)
                    .forEach(cp -> missing.add(Character.toString(cp)));
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The font " + fontName + " has no glyph for " + missing);
        }
    }

    /** The PDF being written: a cursor moving down the page, new pages as needed, page numbers at the foot. */
    private static final class Pdf implements AutoCloseable {

        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream content;
        private float y;
        private int pages;

        Pdf(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        float width(String text, float size) {
            try {
                return font.getStringWidth(text) / 1000f * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> lines(String text, float first, float width, float size) {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.split("\n", -1)) {
                List<String> wrapped = LineBreaker.lines(paragraph, first, width, s -> width(s, size));
                lines.addAll(wrapped.isEmpty() ? List.of("") : wrapped);
            }
            return lines;
        }

        void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pages++;
            content = new PDPageContentStream(doc, page);
            String number = "— " + pages + " —";
            show(number, (PDRectangle.A4.getWidth() - width(number, 10)) / 2, BOTTOM / 2, 10);
            y = PDRectangle.A4.getHeight() - TOP;
        }

        void room(float needed) throws IOException {
            if (y - needed < BOTTOM) {
                newPage();
            }
        }

        void gap(float h) {
            y -= h;
        }

        void show(String text, float x, float baseline, float size) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(text);
            content.endText();
        }

        void centred(String text, float size) throws IOException {
            for (String line : lines(text, WIDTH, WIDTH, size)) {
                room(size * 1.6f);
                y -= size * 1.6f;
                show(line, LEFT + (WIDTH - width(line, size)) / 2, y + size * 0.35f, size);
            }
        }

        void text(String text, float size, boolean indent) throws IOException {
            float indentWidth = indent ? 2 * size : 0;
            boolean first = true;
            for (String paragraph : text.split("\n", -1)) {
                List<String> lines = LineBreaker.lines(paragraph, WIDTH - indentWidth, WIDTH, s -> width(s, size));
                for (String line : lines.isEmpty() ? List.of("") : lines) {
                    room(size * 1.7f);
                    y -= size * 1.7f;
                    show(line, LEFT + (first ? indentWidth : 0), y + size * 0.4f, size);
                    first = false;
                }
                first = true;
            }
        }

        void table(Table t) throws IOException {
            if (t.caption() != null) {
                text(t.caption(), TEXT_SIZE, false);
            }
            int columns = t.widths().size();
            int rows = t.rows().size();
            float total = (float) t.widths().stream().mapToDouble(Float::doubleValue).sum();
            float[] x = new float[columns + 1];
            x[0] = LEFT;
            for (int j = 0; j < columns; j++) {
                x[j + 1] = x[j] + WIDTH * t.widths().get(j) / total;
            }
            List<Placed> placed = place(t);
            float leading = TABLE_SIZE * 1.35f;
            // Row heights: each cell's lines must fit the rows it spans; the last row of a span takes what is missing.
            float[] height = new float[rows];
            java.util.Arrays.fill(height, leading + 2 * PAD);
            List<List<String>> lines = new ArrayList<>();
            for (Placed p : placed) {
                float w = x[p.col() + p.cell().colspan()] - x[p.col()] - 2 * PAD;
                List<String> l = lines(shown(p.cell()), w, w, TABLE_SIZE);
                lines.add(l);
                if (p.cell().rowspan() == 1) {
                    height[p.row()] = Math.max(height[p.row()], l.size() * leading + 2 * PAD);
                }
            }
            for (int k = 0; k < placed.size(); k++) {
                Placed p = placed.get(k);
                if (p.cell().rowspan() > 1) {
                    float have = 0;
                    for (int i = p.row(); i < p.row() + p.cell().rowspan(); i++) {
                        have += height[i];
                    }
                    float need = lines.get(k).size() * leading + 2 * PAD;
                    if (need > have) {
                        height[p.row() + p.cell().rowspan() - 1] += need - have;
                    }
                }
            }
            // Page of each row, and the top of each row on its page.
            int[] page = new int[rows];
            float[] top = new float[rows];
            room(height[0]);
            int currentPage = pages;
            float cursor = y;
            for (int i = 0; i < rows; i++) {
                if (cursor - height[i] < BOTTOM) {
                    currentPage++;
                    cursor = PDRectangle.A4.getHeight() - TOP;
                }
                page[i] = currentPage;
                top[i] = cursor;
                cursor -= height[i];
            }
            int firstPage = pages;
            for (int pg = firstPage; pg <= currentPage; pg++) {
                if (pg > pages) {
                    newPage();
                }
                content.setLineWidth(0.5f);
                for (int k = 0; k < placed.size(); k++) {
                    Placed p = placed.get(k);
                    int r0 = p.row();
                    int r1 = p.row() + p.cell().rowspan() - 1;
                    int from = -1;
                    int to = -1;
                    for (int i = r0; i <= r1; i++) {
                        if (page[i] == pg) {
                            from = from < 0 ? i : from;
                            to = i;
                        }
                    }
                    if (from < 0) {
                        continue;
                    }
                    float left = x[p.col()];
                    float right = x[p.col() + p.cell().colspan()];
                    float cellTop = top[from];
                    float cellBottom = top[to] - height[to];
                    content.addRect(left, cellBottom, right - left, cellTop - cellBottom);
                    content.stroke();
                    if (from == r0) { // the text goes in the cell's first part
                        List<String> l = lines.get(k);
                        float blockHeight = l.size() * leading;
                        float baseline = cellTop - (cellTop - cellBottom - blockHeight) / 2 - TABLE_SIZE;
                        for (String line : l) {
                            float lw = width(line, TABLE_SIZE);
                            boolean centre = p.cell().numeric() || p.row() == 0 || l.size() == 1 && lw < right - left;
                            float lx = centre ? left + (right - left - lw) / 2 : left + PAD;
                            show(line, lx, baseline, TABLE_SIZE);
                            baseline -= leading;
                        }
                    }
                }
            }
            y = cursor - TABLE_SIZE;
        }

        @Override
        public void close() throws IOException {
            content.close();
        }
    }
}
