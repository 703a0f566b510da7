package cn.gongkai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HighlighterTest {

    @Test
    void aWordFoundWholeIsMarkedAsOneRun() {
        assertThat(Highlighter.of("安全生产").title("关于开展安全生产大检查的通知"))
                .isEqualTo("关于开展<mark>安全生产</mark>大检查的通知");
    }

    @Test
    void theCharacterPairsOfAWordAreMarkedWhereTheDocumentSplitsIt() {
        // Found through the character pairs (桥梁, 检测): both are marked, not the characters between.
        assertThat(Highlighter.of("桥梁检测").title("桥梁定期检测报告")).isEqualTo("<mark>桥梁</mark>定期<mark>检测</mark>报告");
    }

    @Test
    void excludedWordsOperatorsAndQuotesAreNotMarked() {
        Highlighter h = Highlighter.of("\"公路 养护\" | 春运 -收费");
        assertThat(h.title("公路养护与春运期间收费公路")).isEqualTo(
                "<mark>公路</mark><mark>养护</mark>与<mark>春运</mark>期间收费<mark>公路</mark>"
                        .replace("</mark><mark>", ""));
    }

    @Test
    void latinWordsAndNumbersMatchWholeIgnoringCaseAndFullWidth() {
        Highlighter h = Highlighter.of("g205");
        assertThat(h.title("Ｇ２０５国道与G2050、xG205")).isEqualTo("<mark>Ｇ２０５</mark>国道与G2050、xG205");
    }

    @Test
    void theTextIsEscapedAndOnlyTheMarksAreMarkup() {
        assertThat(Highlighter.of("安全").title("<script>安全</script> & \u0001"))
                .isEqualTo("&lt;script&gt;<mark>安全</mark>&lt;/script&gt; &amp;  ");
    }

    @Test
    void theSnippetComesFromTheFirstFieldWhereAWordOccursAroundItsDensestPart() {
        String body = "前言。".repeat(60) + "春运期间加强春运客流组织，春运安全第一。" + "其他内容。".repeat(60);
        String snippet = Highlighter.of("春运").snippet("本通知部署客运工作。", body, "附件：春运方案");
        assertThat(snippet).startsWith("…").endsWith("…").contains("<mark>春运</mark>期间加强<mark>春运</mark>客流组织");
        String plain = snippet.replace("<mark>", "").replace("</mark>", "");
        assertThat(plain.length()).isLessThanOrEqualTo(Highlighter.FRAGMENT + 2);
    }

    @Test
    void withoutAnyOccurrenceTheSnippetIsTheSummarysBeginning() {
        String summary = "示".repeat(200);
        assertThat(Highlighter.of("春运").snippet(summary, "正文", null)).isEqualTo("示".repeat(120) + "…");
        assertThat(Highlighter.of(null).snippet("短摘要<b>", "正文", null)).isEqualTo("短摘要&lt;b&gt;");
    }

    @Test
    void withoutWordsNothingIsMarkedAndTheTextCannotMarkItself() {
        Highlighter none = Highlighter.of(null);
        assertThat(none.marksNothing()).isTrue();
        // The marks are control characters: text carrying them must not open a <mark> of its own, with words or not.
        assertThat(none.title("公路\u0001养护\u0002 & <b>")).isEqualTo("公路 养护  &amp; &lt;b&gt;");
        assertThat(none.snippet("摘要\u0001春运\u0002", "正文春运", null)).isEqualTo("摘要 春运 ");
        assertThat(Highlighter.of("桥梁").snippet("摘要\u0001春运\u0002", "正文", null)).isEqualTo("摘要 春运 ");
        assertThat(none.title("关于春运的通知")).isEqualTo("关于春运的通知");
    }
}
