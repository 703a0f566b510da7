package cn.gongkai.platform;

import java.util.Collection;
import java.util.Objects;
import org.springframework.web.util.HtmlUtils;

/**
 * The {@code <option>}s of a public page's {@code <select>}, written in one pass: a template that iterates the
 * options evaluates three expressions and sets a request attribute per option, which on the portal's search form (66
 * options: topics, departments, genres, years) was a sixth of the page's CPU (docs/benchmarks.md). The template puts
 * the result in with {@code th:utext}; every value and label is HTML-escaped here.
 */
public final class HtmlOptions {

    /** One option: what the form sends, and what the visitor reads. */
    public record Option(String value, String label) {

        public Option {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }

        /** An option whose value is also its label. */
        public static Option of(Object valueAndLabel) {
            String text = String.valueOf(valueAndLabel);
            return new Option(text, text);
        }
    }

    private HtmlOptions() {
    }

    /**
     * {@code <option value="">allLabel</option>} followed by {@code options}; the one whose value equals
     * {@code selected} (compared as text; null selects none) is marked {@code selected}.
     */
    public static String withAll(String allLabel, Collection<Option> options, Object selected) {
        String chosen = selected == null ? null : String.valueOf(selected);
        StringBuilder html = new StringBuilder(64 + options.size() * 48);
        append(html, new Option("", allLabel), false);
        for (Option option : options) {
            append(html, option, option.value().equals(chosen));
        }
        return html.toString();
    }

    private static void append(StringBuilder html, Option option, boolean selected) {
        html.append("<option value=\"").append(HtmlUtils.htmlEscape(option.value(), "UTF-8")).append('"');
        if (selected) {
            html.append(" selected=\"selected\"");
        }
        html.append('>').append(HtmlUtils.htmlEscape(option.label(), "UTF-8")).append("</option>");
    }
}
