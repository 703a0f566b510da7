package cn.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

class LetterRendererTest {

    static final LetterRenderer RENDERER = new LetterRenderer();

    static final String LONG_PARAGRAPH = "经审查，您申请获取的信息属于本机关在履行行政管理职能过程中制作并保存的政府信息。"
            + "根据《中华人民共和国政府信息公开条例》第十九条、第二十条的规定，本机关已于2026年3月1日在本机关门户"
            + "网站（www.shifan.gov.cn）“政府信息公开”专栏主动公开，您可以登录该网站查询；其中涉及第三方商业秘密的部分"
            + "（合同附件三：报价分析表），依据该条例第十五条的规定，第三方不同意公开，且不公开不会对"
            + "公共利益造成重大影响，本机关决定不予公开。";

    static Letter letter(List<String> paragraphs) {
        return new Letter("示范市交通运输局", "政府信息公开申请答复告知书", "示交依复〔2026〕12号", "张三：", paragraphs,
                LocalDate.of(2026, 11, 25), Letter.DEFAULT_SEAL_TEXT);
    }

    static Letter sample() {
        return letter(List.of(
                "本机关于2026年11月11日收到您提交的政府信息公开申请（编号：YSQ-2026-0412），申请公开"
                        + "“2025年度城市道路养护资金使用明细”。",
                LONG_PARAGRAPH,
                "如不服本答复，可以自收到本告知书之日起六十日内申请行政复议，或者在六个月内提起行政诉讼。",
                "特此告知。"));
    }

    static Letter longLetter() {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            paragraphs.add("第" + i + "项：" + LONG_PARAGRAPH);
        }
        return letter(paragraphs);
    }

    static String withoutWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** The text of a PDF with white space and the page numbers (— 1 —) left out. */
    static String flatText(PDDocument doc) throws IOException {
        return withoutWhitespace(new PDFTextStripper().getText(doc)).replaceAll("—\\d+—", "");
    }

    // ------------------------------------------------------------------------------------------- Chinese dates

    @Test
    void datesAreWrittenInChineseNumeralsAsOfficialDocumentsDo() {
        assertThat(Letter.chineseDate(LocalDate.of(2026, 11, 25))).isEqualTo("二〇二六年十一月二十五日");
        assertThat(Letter.chineseDate(LocalDate.of(2030, 1, 10))).isEqualTo("二〇三〇年一月十日");
        assertThat(Letter.chineseDate(LocalDate.of(2026, 3, 20))).isEqualTo("二〇二六年三月二十日");
        assertThat(Letter.chineseDate(LocalDate.of(2025, 12, 31))).isEqualTo("二〇二五年十二月三十一日");
        assertThat(Letter.chineseDate(LocalDate.of(2027, 1, 1))).isEqualTo("二〇二七年一月一日");
        assertThat(Letter.chineseDate(LocalDate.of(2026, 10, 30))).isEqualTo("二〇二六年十月三十日");
        assertThat(Letter.chineseDate(LocalDate.of(2000, 2, 19))).isEqualTo("二〇〇〇年二月十九日");
        assertThat(Letter.chineseDate(LocalDate.of(2019, 9, 11))).isEqualTo("二〇一九年九月十一日");
    }

    @Test
    void lettersWriteDatesInArabicNumeralsWithYearMonthAndDayAsGbT9704Of2012Does() {
        assertThat(Letter.writtenDate(LocalDate.of(2026, 12, 1))).isEqualTo("2026年12月1日");
        assertThat(Letter.writtenDate(LocalDate.of(2030, 1, 10))).isEqualTo("2030年1月10日");
    }

    @Test
    void theLetterClosesWithTheAgencyAndTheWrittenDate() {
        assertThat(sample().closingLines()).containsExactly("示范市交通运输局", "2026年11月25日");
    }

    @Test
    void aLetterNeedsItsPartsAndSplitsParagraphsAtLineBreaks() {
        assertThatThrownBy(() -> new Letter(" ", "告知书", null, "张三：", List.of(), LocalDate.now(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agencyName");
        Letter letter = new Letter("示范市交通运输局", "告知书", "  ", "张三：", List.of("第一段。\n\n第二段。", " "),
                LocalDate.of(2026, 1, 1), "");
        assertThat(letter.paragraphs()).containsExactly("第一段。", "第二段。");
        assertThat(letter.documentNumber()).isNull();
        assertThat(letter.sealText()).isNull();
    }

    // ---------------------------------------------------------------------------------------------------- DOCX

    @Test
    void theDocxHasEveryPartOfTheLetterSetInAChineseFont() throws IOException {
        Letter letter = sample();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(RENDERER.docx(letter)))) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("示范市交通运输局", "政府信息公开申请答复告知书", "示交依复〔2026〕12号", "张三：",
                    "（印章）", "2026年11月25日");
            assertThat(texts).containsAll(letter.paragraphs());
            assertThat(texts.getLast()).isEqualTo("2026年11月25日");
            assertThat(texts.get(texts.size() - 3)).as("the seal placeholder on the line under the body")
                    .isEqualTo("（印章）");

            XWPFParagraph title = paragraph(doc, "政府信息公开申请答复告知书");
            assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(title.getRuns().getFirst().isBold()).isTrue();

            XWPFParagraph body = paragraph(doc, LONG_PARAGRAPH);
            assertThat(body.getIndentationFirstLine()).isEqualTo(640); // two 16 pt characters, in twips
            assertThat(body.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
            XWPFRun run = body.getRuns().getFirst();
            assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋");
            assertThat(run.getFontFamily(XWPFRun.FontCharRange.ascii)).isEqualTo("仿宋");
            assertThat(run.getFontSizeAsDouble()).isEqualTo(16.0);

            assertThat(paragraph(doc, "2026年11月25日").getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(paragraph(doc, "（印章）").getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);

            var pageSize = doc.getDocument().getBody().getSectPr().getPgSz();
            assertThat(pageSize.getW().toString()).isEqualTo("11906");
            assertThat(pageSize.getH().toString()).isEqualTo("16838");
            assertThat(doc.getFooterList()).singleElement()
                    .satisfies(footer -> assertThat(footer.getText()).contains("—"));
        }
    }

    @Test
    void theDocxLeavesOutWhatTheLetterDoesNotHave() throws IOException {
        Letter letter = new Letter("示范市交通运输局", "政府信息公开申请答复告知书", null, "李四：", List.of("特此告知。"),
                LocalDate.of(2026, 1, 10), null);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(RENDERER.docx(letter)))) {
            String all = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(all).contains("李四：", "特此告知。", "2026年1月10日").doesNotContain("印章", "〔");
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst().orElseThrow();
    }

    // ----------------------------------------------------------------------------------------------------- PDF

    @Test
    void thePdfHasTheLettersTextAsRealTextInAnEmbeddedSubsetFont() throws IOException {
        Letter letter = sample();
        byte[] pdf = RENDERER.pdf(letter);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/sample-letter.pdf"), pdf);
        Files.write(Path.of("target/sample-letter.docx"), RENDERER.docx(letter));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDPage page = doc.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            String text = new PDFTextStripper().getText(doc);
            String flat = flatText(doc);
            assertThat(text).contains("政府信息公开申请答复告知书", "示范市交通运输局", "2026年11月25日", "张三：");
            for (String paragraph : letter.paragraphs()) {
                assertThat(flat).contains(withoutWhitespace(paragraph));
            }
            assertThat(flat).contains("示交依复〔2026〕12号", "（印章）");
            assertThat(withoutWhitespace(text)).endsWith("—1—");

            List<PDFont> fonts = new ArrayList<>();
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).singleElement().satisfies(font -> {
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+.+"); // a subset's tag
            });
        }
        assertThat(pdf.length).as("a subset, not the whole font").isLessThan(300_000);
    }

    @Test
    void aLongLetterRunsOntoMorePagesAndKeepsItsClosingTogether() throws IOException {
        Letter letter = longLetter();
        byte[] pdf = RENDERER.pdf(letter);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/sample-letter-long.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            String flat = flatText(doc);
            for (String paragraph : letter.paragraphs()) {
                assertThat(flat).contains(withoutWhitespace(paragraph));
            }
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(doc.getNumberOfPages());
            lastPage.setEndPage(doc.getNumberOfPages());
            assertThat(withoutWhitespace(lastPage.getText(doc)))
                    .contains("示范市交通运输局（印章）2026年11月25日", "—" + doc.getNumberOfPages() + "—");
        }
    }

    @Test
    void noLineOfThePdfStartsWithClosingPunctuation() throws IOException {
        try (PDDocument doc = Loader.loadPDF(RENDERER.pdf(longLetter()))) {
            List<String> lines = new PDFTextStripper().getText(doc).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
            assertThat(lines).hasSizeGreaterThan(40);
            assertThat(lines).noneMatch(l -> "，。、；：？！）》”’".indexOf(l.charAt(0)) >= 0);
            assertThat(lines).noneMatch(l -> "（《“‘".indexOf(l.charAt(l.length() - 1)) >= 0);
        }
    }

    @Test
    void lettersAreRenderedSafelyFromSeveralThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<byte[]>> pdfs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                pdfs.add(pool.submit(() -> RENDERER.pdf(sample())));
            }
            for (Future<byte[]> pdf : pdfs) {
                try (PDDocument doc = Loader.loadPDF(pdf.get())) {
                    assertThat(new PDFTextStripper().getText(doc)).contains("2026年11月25日");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutAFontThePdfIsRefusedNamingWhatToInstall() {
        LetterRenderer renderer = new LetterRenderer(Path.of("/nonexistent/font.ttf"));
        assertThatThrownBy(() -> renderer.pdf(sample()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/font.ttf")
                .hasMessageContaining("apt-get install fonts-arphic-uming")
                .hasMessageContaining(LetterRenderer.FONT_PROPERTY);
        assertThat(renderer.docx(sample())).isNotEmpty(); // the DOCX needs no font file
    }

    @Test
    void aFaceOfTheCollectionCanBeChosenAndAnUnknownOneIsNamed() throws IOException {
        Path uming = RENDERER.fontFile();
        assumeTrue(uming.getFileName().toString().equals("uming.ttc"), "the default font is AR PL UMing");
        try (PDDocument doc = Loader.loadPDF(new LetterRenderer(uming, "UMingTW").pdf(sample()))) {
            PDPage page = doc.getPage(0);
            String font = page.getResources().getFont(page.getResources().getFontNames().iterator().next()).getName();
            assertThat(font).endsWith("+UMingTW");
        }
        assertThatThrownBy(() -> new LetterRenderer(uming, "NoSuchFace").pdf(sample()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NoSuchFace").hasMessageContaining("UMingCN");
    }

    @Test
    void aFontWithPostScriptOutlinesIsRefusedSayingWhy() {
        Path noto = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        assumeTrue(Files.isRegularFile(noto), "Noto CJK (fonts-noto-cjk) is installed");
        assertThatThrownBy(() -> new LetterRenderer(noto).pdf(sample()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TrueType outlines")
                .hasMessageContaining("fonts-arphic-uming");
    }

    @Test
    void aCharacterTheFontLacksIsNamedRatherThanLeftOut() {
        assertThatThrownBy(() -> RENDERER.pdf(letter(List.of("请见附件😀。"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+1F600");
    }

    // ------------------------------------------------------------------------------------------- line breaking

    /** Every character one unit wide, ASCII half a unit. */
    static double measure(String text) {
        return text.codePoints().mapToDouble(cp -> cp < 0x80 ? 0.5 : 1).sum();
    }

    @Test
    void chineseTextBreaksAfterAnyCharacterAndFillsTheLine() {
        List<String> lines = LineBreaker.lines("一二三四五六七八九十甲乙", 3, 5, LetterRendererTest::measure);
        assertThat(lines).containsExactly("一二三", "四五六七八", "九十甲乙");
    }

    @Test
    void closingPunctuationDoesNotStartALineNorOpeningPunctuationEndOne() {
        assertThat(LineBreaker.lines("一二三四，五六七八", 4, 4, LetterRendererTest::measure))
                .containsExactly("一二三", "四，五六", "七八");
        assertThat(LineBreaker.lines("一二三。”四五", 3, 3, LetterRendererTest::measure))
                .containsExactly("一二", "三。”", "四五");
        assertThat(LineBreaker.lines("一二三“四五”", 4, 4, LetterRendererTest::measure))
                .containsExactly("一二三", "“四五”");
    }

    @Test
    void numbersAndLatinWordsStayWholeAndSpacesNeverStartALine() {
        assertThat(LineBreaker.lines("见2026年文件", 3.5, 3.5, LetterRendererTest::measure))
                .containsExactly("见2026", "年文件");
        assertThat(LineBreaker.lines("see the www.example.cn site", 6, 6, LetterRendererTest::measure))
                .containsExactly("see the", "www.example.", "cn site");
    }
}
