package cn.gongkai.platform;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * Renders a {@link Letter} (告知书) as DOCX (Apache POI) and as PDF (Apache PDFBox), both laid out after GB/T 9704:
 * A4 with margins of 37 mm (top), 35 mm (bottom), 28 mm (left) and 26 mm (right); the agency's name and the title
 * centred and bold in 22 pt (二号); the document number centred under them; the recipient flush left; the paragraphs
 * justified in 16 pt (三号) with a first-line indent of two characters on a fixed 28 pt line; one line under the body
 * the agency's name and under it the date, centred on one another and right-aligned, the wider ending two characters
 * from the right margin (GB/T 9704 7.3.5.1), with the seal placeholder in red; the page number {@code — 1 —} centred
 * under the text. The closing lines stay on one page with the body's last line.
 *
 * <p><b>DOCX</b> names the fonts: 仿宋 for the text and 宋体 (bold) for the heading, set for East Asian text as well,
 * so that Word shows them with the fonts of the reader's machine. The seal placeholder is the right-aligned text on the
 * line between the body and the agency's name.
 *
 * <p><b>PDF</b> carries real text in a subset of one CJK TrueType font embedded in the file (bold is drawn by stroking
 * the outline). The seal placeholder is a dashed circle with the text at its centre, lying across the agency's name
 * and the date where the seal goes. Chinese text wraps after any character; Latin words and numbers are kept whole;
 * closing punctuation such as ，。；：” never starts a line and opening punctuation never ends one (see
 * {@link LineBreaker}); long letters run onto more pages.
 *
 * <p>The PDF's font file is, in this order: the one passed to the constructor; the one named by the system property
 * {@value #FONT_PROPERTY} or else the environment variable {@value #FONT_ENVIRONMENT_VARIABLE} ({@code /path/font.ttf}
 * or {@code /path/font.ttc#FaceName}); the first of {@link #DEFAULT_FONT_FILES} that exists, the first being AR PL
 * UMing from the Debian package {@value #FONT_PACKAGE}, which {@code .ci/run} installs. It must have TrueType outlines
 * ({@code glyf}): PDFBox cannot embed CFF fonts such as Noto CJK. In a collection the face named after {@code #} is
 * used, or else the first whose name ends with {@code CN} or contains {@code SC} or {@code GB}, or else the first. A
 * letter with a character the font lacks is refused with a message naming it, never printed with a gap.
 *
 * <p>Plain Java, no Spring. Immutable and safe to share between threads: every call opens the font on its own.
 */
public final class LetterRenderer {

    /** The system property naming the font file for PDF letters. */
    public static final String FONT_PROPERTY = "gongkai.letters.font";

    /** The environment variable naming the font file, when the system property is not set. */
    public static final String FONT_ENVIRONMENT_VARIABLE = "GONGKAI_LETTERS_FONT";

    /** The Debian package with the default font (AR PL UMing, a Song/Ming face; Arphic Public License). */
    public static final String FONT_PACKAGE = "fonts-arphic-uming";

    /** Where the font is looked for when none is configured: Debian's CJK TrueType fonts, then Windows' 仿宋. */
    public static final List<Path> DEFAULT_FONT_FILES = List.of(
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/ukai.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("C:/Windows/Fonts/simfang.ttf"));

    /** The font names written into the DOCX. */
    static final String DOCX_BODY_FONT = "仿宋";
    static final String DOCX_HEADING_FONT = "宋体";

    private static final float MM = 72f / 25.4f;
    private static final float TOP = 37 * MM;
    private static final float BOTTOM = 35 * MM;
    private static final float LEFT = 28 * MM;
    private static final float RIGHT = 26 * MM;
    private static final float BODY_SIZE = 16;
    private static final float BODY_LEADING = 28;
    private static final float HEADING_SIZE = 22;
    private static final float HEADING_LEADING = 36;
    private static final float PAGE_NUMBER_SIZE = 14;
    private static final float SEAL_TEXT_SIZE = 10.5f;
    private static final float SEAL_RADIUS = 44;
    /** Where the baseline sits in a line box, as a share of the font size above the box's centre. */
    private static final float ASCENT = 0.88f;
    private static final int TWIPS_PER_POINT = 20;
    private static final Color SEAL_RED = new Color(0xC8, 0x10, 0x2E);

    private final List<Path> candidates;
    private final String face;
    private final String origin;

    /** A renderer with the font {@value #FONT_PROPERTY} or {@value #FONT_ENVIRONMENT_VARIABLE} names or a default. */
    public LetterRenderer() {
        String spec = System.getProperty(FONT_PROPERTY);
        String origin = "system property " + FONT_PROPERTY;
        if (spec == null || spec.isBlank()) {
            spec = System.getenv(FONT_ENVIRONMENT_VARIABLE);
            origin = "environment variable " + FONT_ENVIRONMENT_VARIABLE;
        }
        if (spec == null || spec.isBlank()) {
            this.candidates = DEFAULT_FONT_FILES;
            this.face = null;
            this.origin = "the default locations";
        } else {
            int hash = spec.lastIndexOf('#');
            this.candidates = List.of(Path.of(hash < 0 ? spec.strip() : spec.substring(0, hash).strip()));
            this.face = hash < 0 ? null : spec.substring(hash + 1).strip();
            this.origin = origin;
        }
    }

    /** A renderer using this font file (a .ttf, or a .ttc and its face chosen as described above). */
    public LetterRenderer(Path fontFile) {
        this(fontFile, null);
    }

    /** A renderer using this face ({@code UMingCN}, say; {@code null} to choose) of this font file. */
    public LetterRenderer(Path fontFile, String faceName) {
        this.candidates = List.of(Objects.requireNonNull(fontFile, "fontFile"));
        this.face = faceName == null || faceName.isBlank() ? null : faceName.strip();
        this.origin = "the constructor";
    }

    /**
     * The font file the PDF is set in.
     *
     * @throws IllegalStateException naming what to install or configure when there is none
     */
    public Path fontFile() {
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No font for PDF letters: "
                + candidates.stream().map(Path::toString).collect(Collectors.joining(", "))
                + (candidates.size() > 1 ? " do not exist" : " does not exist") + " (from " + origin + "). Install the "
                + "Debian package " + FONT_PACKAGE + " (apt-get install " + FONT_PACKAGE + "; .ci/run does), or set the"
                + " system property " + FONT_PROPERTY + " or the environment variable " + FONT_ENVIRONMENT_VARIABLE
                + " to a CJK font with TrueType outlines (.ttf, or .ttc with an optional #FaceName).");
    }

    /** The configured font, opened; the caller closes it after saving the document it was embedded in. */
    OpenFont openFont() throws IOException {
        return OpenFont.open(fontFile(), face);
    }

    // ---------------------------------------------------------------------------------------------------- DOCX

    /** The letter as a Word document (.docx). */
    public byte[] docx(Letter letter) {
        Objects.requireNonNull(letter, "letter");
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageSetup(doc);
            heading(doc, letter.agencyName());
            heading(doc, letter.title());
            if (letter.documentNumber() != null) {
                text(doc, letter.documentNumber(), ParagraphAlignment.CENTER);
            }
            text(doc, "", ParagraphAlignment.LEFT);
            text(doc, letter.recipient(), ParagraphAlignment.LEFT);
            XWPFParagraph last = null;
            for (String paragraph : letter.paragraphs()) {
                last = text(doc, paragraph, ParagraphAlignment.BOTH);
                last.setIndentationFirstLine(Math.round(2 * BODY_SIZE * TWIPS_PER_POINT));
                last.getCTP().getPPr().getInd().setFirstLineChars(BigInteger.valueOf(200));
            }
            if (last != null) {
                last.getCTP().getPPr().addNewKeepNext();
            }
            // The line under the body holds the seal placeholder, in red; the agency's name and the date follow.
            String sealText = letter.sealText() == null ? "" : letter.sealText();
            XWPFParagraph seal = text(doc, sealText, ParagraphAlignment.RIGHT);
            seal.getRuns().getFirst().setColor("C8102E");
            List<XWPFParagraph> closing = new ArrayList<>(List.of(seal));
            for (String line : letter.closingLines()) {
                closing.add(text(doc, line, ParagraphAlignment.RIGHT));
            }
            // Centred on one another as in the PDF: the right indent is two characters plus half of what each line
            // is narrower than the widest (in em, full-width characters one, ASCII a half).
            double widest = closing.stream().mapToDouble(p -> ems(p.getText())).max().orElse(0);
            for (XWPFParagraph p : closing) {
                double indent = 2 + (p.getText().isEmpty() ? 0 : (widest - ems(p.getText())) / 2);
                p.setIndentationRight((int) Math.round(indent * BODY_SIZE * TWIPS_PER_POINT));
                if (p != closing.getLast()) {
                    p.getCTP().getPPr().addNewKeepNext();
                }
            }
            pageNumberFooter(doc);
            doc.getProperties().getCoreProperties().setTitle(letter.agencyName() + letter.title());
            doc.getProperties().getCoreProperties().setCreator(letter.agencyName());
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the letter as DOCX", e);
        }
    }

    /** The width of a line in em: full-width characters one, ASCII and other narrow characters a half. */
    private static double ems(String text) {
        return text.codePoints().mapToDouble(cp -> cp < 0x1100 ? 0.5 : 1).sum();
    }

    private static void pageSetup(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906)); // 210 mm
        size.setH(BigInteger.valueOf(16838)); // 297 mm
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(twips(TOP));
        margins.setBottom(twips(BOTTOM));
        margins.setLeft(twips(LEFT));
        margins.setRight(twips(RIGHT));
        margins.setHeader(twips(15 * MM));
        margins.setFooter(twips(BOTTOM - 7 * MM - PAGE_NUMBER_SIZE));
    }

    private static BigInteger twips(float points) {
        return BigInteger.valueOf(Math.round(points * TWIPS_PER_POINT));
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(0);
        p.setSpacingBetween(HEADING_LEADING, LineSpacingRule.EXACT);
        p.getCTP().getPPr().addNewKeepNext();
        XWPFRun run = p.createRun();
        font(run, DOCX_HEADING_FONT, HEADING_SIZE);
        run.setBold(true);
        run.setText(text);
    }

    private static XWPFParagraph text(XWPFDocument doc, String text, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingAfter(0);
        p.setSpacingBetween(BODY_LEADING, LineSpacingRule.EXACT);
        XWPFRun run = p.createRun();
        font(run, DOCX_BODY_FONT, BODY_SIZE);
        run.setText(text);
        return p;
    }

    private static void font(XWPFRun run, String name, float size) {
        run.setFontFamily(name, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(name, XWPFRun.FontCharRange.hAnsi);
        run.setFontFamily(name, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(name, XWPFRun.FontCharRange.cs);
        run.setFontSize(size);
    }

    private static void pageNumberFooter(XWPFDocument doc) {
        XWPFParagraph p = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        footerRun(p).setText("— ");
        footerRun(p).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        footerRun(p).getCTR().addNewInstrText().setStringValue(" PAGE ");
        footerRun(p).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        footerRun(p).setText("1");
        footerRun(p).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        footerRun(p).setText(" —");
    }

    private static XWPFRun footerRun(XWPFParagraph p) {
        XWPFRun run = p.createRun();
        font(run, DOCX_HEADING_FONT, PAGE_NUMBER_SIZE);
        return run;
    }

    // ----------------------------------------------------------------------------------------------------- PDF

    /**
     * The letter as PDF, its text set in a subset of the font embedded in the file.
     *
     * @throws IllegalStateException when no font is found (the message says what to install)
     * @throws IllegalArgumentException when the letter has a character the font lacks (the message names it)
     */
    public byte[] pdf(Letter letter) {
        Objects.requireNonNull(letter, "letter");
        Path file = fontFile();
        try (OpenFont open = OpenFont.open(file, face); PDDocument doc = new PDDocument()) {
            requireGlyphs(letter, open, file);
            PDType0Font font = PDType0Font.load(doc, open.font(), true);
            List<List<Line>> blocks = new PdfLayout(font).blocks(letter);
            draw(doc, font, blocks);
            doc.getDocumentInformation().setTitle(letter.agencyName() + letter.title());
            doc.getDocumentInformation().setAuthor(letter.agencyName());
            doc.getDocumentCatalog().setLanguage("zh-CN");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the letter as PDF with the font " + file, e);
        }
    }

    private static void requireGlyphs(Letter letter, OpenFont open, Path file) throws IOException {
        CmapLookup cmap = open.font().getUnicodeCmapLookup();
        List<String> texts = new ArrayList<>(List.of(letter.agencyName(), letter.title(), letter.recipient(),
                Letter.writtenDate(letter.date()), "— 0123456789"));
        texts.addAll(letter.paragraphs());
        if (letter.documentNumber() != null) {
            texts.add(letter.documentNumber());
        }
        if (letter.sealText() != null) {
            texts.add(letter.sealText());
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String text : texts) {
            text.codePoints()
                    .filter(cp -> cp != '\u3000' && !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                    .filter(cp -> cmap.getGlyphId(cp) == 0)
                    .forEach(cp -> missing.add(Character.toString(cp) + " (U+" + Integer.toHexString(cp).toUpperCase()
                            + ")"));
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The font " + open.font().getName() + " (" + file + ") has no glyph for "
                    + String.join(", ", missing) + "; set " + FONT_PROPERTY + " to a font that has them.");
        }
    }

    /**
     * One line of the PDF: its text, where it starts, and how it is set; and, for the agency's name at the end, the
     * seal placeholder drawn across the foot of the line and centred on {@code sealX}.
     */
    private record Line(String text, float x, float size, float leading, float characterSpacing, boolean bold,
            String seal, float sealX) {

        Line(String text, float x, float size, float leading, float characterSpacing, boolean bold) {
            this(text, x, size, leading, characterSpacing, bold, null, 0);
        }

        static Line blank() {
            return new Line("", 0, BODY_SIZE, BODY_LEADING, 0, false);
        }
    }

    /** Breaks the letter into lines, grouped in blocks that are kept on one page. */
    private static final class PdfLayout {

        private final PDType0Font font;
        private final Map<String, Float> widths = new HashMap<>();
        private final float textWidth = PDRectangle.A4.getWidth() - LEFT - RIGHT;

        PdfLayout(PDType0Font font) {
            this.font = font;
        }

        float width(String text, float size) {
            Float em = widths.get(text);
            if (em == null) {
                try {
                    em = font.getStringWidth(text) / 1000f;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                widths.put(text, em);
            }
            return em * size;
        }

        List<List<Line>> blocks(Letter letter) {
            List<List<Line>> blocks = new ArrayList<>();
            List<Line> heading = new ArrayList<>();
            heading.addAll(centred(letter.agencyName(), HEADING_SIZE, HEADING_LEADING, true));
            heading.addAll(centred(letter.title(), HEADING_SIZE, HEADING_LEADING, true));
            if (letter.documentNumber() != null) {
                heading.addAll(centred(letter.documentNumber(), BODY_SIZE, BODY_LEADING, false));
            }
            heading.add(Line.blank());
            heading.add(new Line(letter.recipient(), LEFT, BODY_SIZE, BODY_LEADING, 0, false));
            blocks.add(heading);
            float indent = 2 * BODY_SIZE;
            for (String paragraph : letter.paragraphs()) {
                List<String> lines =
                        LineBreaker.lines(paragraph, textWidth - indent, textWidth, t -> width(t, BODY_SIZE));
                for (int i = 0; i < lines.size(); i++) {
                    String text = lines.get(i);
                    float x = LEFT + (i == 0 ? indent : 0);
                    float spacing = i < lines.size() - 1 ? justification(text, textWidth - (x - LEFT)) : 0;
                    blocks.add(List.of(new Line(text, x, BODY_SIZE, BODY_LEADING, spacing, false)));
                }
            }
            // The closing lines, kept together and with the body's last line, so that no page holds only the signature.
            List<Line> closing = new ArrayList<>();
            if (blocks.size() > 1) {
                closing.addAll(blocks.removeLast());
            }
            closing.add(Line.blank());
            // The agency's name and the date centred on one another, the wider ending two characters from the margin.
            float right = LEFT + textWidth - 2 * BODY_SIZE;
            List<String> lines = new ArrayList<>();
            for (String text : letter.closingLines()) {
                lines.addAll(LineBreaker.lines(text, textWidth - 2 * BODY_SIZE, textWidth - 2 * BODY_SIZE,
                        t -> width(t, BODY_SIZE)));
            }
            float widest = (float) lines.stream().mapToDouble(l -> width(l, BODY_SIZE)).max().orElse(0);
            float axis = right - widest / 2;
            List<Line> signature = new ArrayList<>();
            for (String line : lines) {
                signature.add(new Line(line, axis - width(line, BODY_SIZE) / 2, BODY_SIZE, BODY_LEADING, 0, false));
            }
            if (letter.sealText() != null) {
                // Like the seal itself, the placeholder lies across the agency's name and the date (GB/T 9704 7.3.5.1).
                int agencyLines = signature.size() - 1;
                Line last = signature.get(agencyLines - 1);
                signature.set(agencyLines - 1, new Line(last.text(), last.x(), last.size(), last.leading(), 0, false,
                        letter.sealText(), axis));
            }
            closing.addAll(signature);
            blocks.add(closing);
            return blocks;
        }

        private List<Line> centred(String text, float size, float leading, boolean bold) {
            List<Line> out = new ArrayList<>();
            for (String line : LineBreaker.lines(text, textWidth, textWidth, t -> width(t, size))) {
                float x = LEFT + Math.max(0, (textWidth - width(line, size)) / 2);
                out.add(new Line(line, x, size, leading, 0, bold));
            }
            return out;
        }

        /** The character spacing that makes a full line reach the right margin; none for a line cut short. */
        private float justification(String text, float available) {
            int gaps = text.codePointCount(0, text.length()) - 1;
            float extra = available - width(text, BODY_SIZE);
            if (gaps <= 0 || extra <= 0) {
                return 0;
            }
            float spacing = extra / gaps;
            return spacing > BODY_SIZE / 4 ? 0 : spacing;
        }
    }

    private static void draw(PDDocument doc, PDType0Font font, List<List<Line>> blocks) throws IOException {
        float pageHeight = PDRectangle.A4.getHeight();
        List<List<Line>> pages = new ArrayList<>();
        List<Line> page = new ArrayList<>();
        float used = 0;
        float available = pageHeight - TOP - BOTTOM + 0.5f;
        for (List<Line> block : blocks) {
            float height = (float) block.stream().mapToDouble(Line::leading).sum();
            if (!page.isEmpty() && used + height > available) {
                pages.add(page);
                page = new ArrayList<>();
                used = 0;
            }
            page.addAll(block);
            used += height;
        }
        pages.add(page);
        for (int n = 0; n < pages.size(); n++) {
            PDPage pdPage = new PDPage(PDRectangle.A4);
            doc.addPage(pdPage);
            try (PDPageContentStream content = new PDPageContentStream(doc, pdPage)) {
                float top = pageHeight - TOP;
                for (Line line : pages.get(n)) {
                    if (!line.text().isEmpty()) {
                        float baseline = top - line.leading() / 2 - (ASCENT - 0.5f) * line.size();
                        show(content, font, line.text(), line.x(), baseline, line.size(), line.characterSpacing(),
                                line.bold());
                    }
                    top -= line.leading();
                    if (line.seal() != null) {
                        seal(content, font, line.seal(), line.sealX(), top);
                    }
                }
                String number = "— " + (n + 1) + " —";
                float x = (PDRectangle.A4.getWidth() - font.getStringWidth(number) / 1000f * PAGE_NUMBER_SIZE) / 2;
                show(content, font, number, x, BOTTOM - 7 * MM - ASCENT * PAGE_NUMBER_SIZE, PAGE_NUMBER_SIZE, 0, false);
            }
        }
    }

    /** A dashed red circle with the placeholder text in red at its centre. */
    private static void seal(PDPageContentStream content, PDType0Font font, String text, float cx, float cy)
            throws IOException {
        float r = SEAL_RADIUS;
        float k = 0.5523f * r; // control point distance of a quarter circle drawn as a Bézier curve
        content.saveGraphicsState();
        content.setStrokingColor(SEAL_RED);
        content.setNonStrokingColor(SEAL_RED);
        content.setLineWidth(1f);
        content.setLineDashPattern(new float[] {4, 3}, 0);
        content.moveTo(cx + r, cy);
        content.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        content.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        content.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        content.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        content.closeAndStroke();
        float width = font.getStringWidth(text) / 1000f * SEAL_TEXT_SIZE;
        show(content, font, text, cx - width / 2, cy - (ASCENT - 0.5f) * SEAL_TEXT_SIZE, SEAL_TEXT_SIZE, 0, false);
        content.restoreGraphicsState();
    }

    private static void show(PDPageContentStream content, PDType0Font font, String text, float x, float y, float size,
            float characterSpacing, boolean bold) throws IOException {
        content.setLineWidth(size * 0.03f);
        content.beginText();
        content.setFont(font, size);
        content.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
        content.setCharacterSpacing(characterSpacing);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    /** A TrueType font opened from a file, with what has to be closed after the document is saved. */
    record OpenFont(TrueTypeFont font, Closeable source) implements Closeable {

        static OpenFont open(Path file, String face) throws IOException {
            String name = file.getFileName().toString().toLowerCase();
            OpenFont open;
            if (name.endsWith(".ttc") || name.endsWith(".otc")) {
                TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
                try {
                    open = new OpenFont(choose(collection, face, file), collection);
                } catch (IOException | RuntimeException e) {
                    collection.close();
                    throw e;
                }
            } else {
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
                open = new OpenFont(font, font);
            }
            if (!open.font().getTableMap().containsKey("glyf")) {
                open.close();
                throw new IllegalStateException("The font " + file + " has no TrueType outlines (glyf); PDFBox can "
                        + "only embed those. Use a TrueType CJK font such as AR PL UMing (Debian package "
                        + FONT_PACKAGE + "), not a CFF one such as Noto CJK.");
            }
            return open;
        }

        private static TrueTypeFont choose(TrueTypeCollection collection, String face, Path file) throws IOException {
            List<String> names = new ArrayList<>();
            collection.processAllFonts(font -> names.add(font.getName()));
            String chosen = face;
            if (chosen == null) {
                chosen = names.stream()
                        .filter(n -> n.endsWith("CN") || n.contains("SC") || n.contains("GB"))
                        .findFirst()
                        .orElse(names.isEmpty() ? null : names.getFirst());
            }
            TrueTypeFont font = chosen == null ? null : collection.getFontByName(chosen);
            if (font == null) {
                throw new IllegalStateException("The font collection " + file + " has no face " + chosen
                        + "; it has " + names);
            }
            return font;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
