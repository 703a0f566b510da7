package cn.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlOptionsTest {

    @Test
    void theFirstOptionSendsNothingAndTheChosenValueIsMarkedSelected() {
        String html = HtmlOptions.withAll("全部", List.of(new HtmlOptions.Option("3", "办公室"),
                new HtmlOptions.Option("7", "法制科")), 7L);

        assertThat(html).isEqualTo("<option value=\"\">全部</option><option value=\"3\">办公室</option>"
                + "<option value=\"7\" selected=\"selected\">法制科</option>");
    }

    @Test
    void nothingChosenSelectsNoOption() {
        assertThat(HtmlOptions.withAll("全部", List.of(HtmlOptions.Option.of(2026)), null))
                .isEqualTo("<option value=\"\">全部</option><option value=\"2026\">2026</option>");
    }

    @Test
    void aDepartmentNamedWithMarkupIsShownAsTextNotRunAsMarkup() {
        String html = HtmlOptions.withAll("全部", List.of(new HtmlOptions.Option("\"><script>x</script>",
                "<img src=x onerror=alert(1)>&")), null);

        assertThat(html).doesNotContain("<script>").doesNotContain("<img")
                .contains("&lt;img src=x onerror=alert(1)&gt;&amp;")
                .contains("value=\"&quot;&gt;&lt;script&gt;");
    }

    @Test
    void aChosenValueThatIsNoOptionSelectsNothing() {
        assertThat(HtmlOptions.withAll("全部", List.of(HtmlOptions.Option.of("交通运输")), "不存在"))
                .doesNotContain("selected");
    }
}
