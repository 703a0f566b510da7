package cn.gongkai.opinion;

import cn.gongkai.platform.TextRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The opinion forms as typed, each with its checks; a problem names its field and its message key. */
final class OpinionForms {

    static final int MAX_TEXT = 8000;
    static final int MAX_URL = 1000;

    record Problem(String field, String key) {
    }

    private OpinionForms() {
    }

    static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    static void text(List<Problem> out, String field, String value, boolean required, int max, boolean multiLine) {
        text(out, "opinion.error.", field, value, required, max, multiLine);
    }

    /** Required, at most {@code max} characters, no control characters; messages {@code <prefix><field>.required|size}. */
    static void text(List<Problem> out, String prefix, String field, String value, boolean required, int max,
            boolean multiLine) {
        if (value.isEmpty()) {
            if (required) {
                out.add(new Problem(field, prefix + field + ".required"));
            }
            return;
        }
        if (value.length() > max) {
            out.add(new Problem(field, prefix + field + ".size"));
        } else if (!value.matches(multiLine ? TextRules.MULTI_LINE : TextRules.ONE_LINE)) {
            out.add(new Problem(field, "opinion.error.controlCharacters"));
        }
    }

    /** A new event as typed. {@code foundAt} null when missing or unreadable ({@code foundAtText} says which). */
    record Event(OpinionSource source, String sourceText, String url, String content, Instant foundAt,
            String foundAtText, RiskLevel level, String levelText, Long departmentId) {

        Event {
            url = clean(url);
            content = clean(content);
            sourceText = clean(sourceText);
            foundAtText = clean(foundAtText);
            levelText = clean(levelText);
        }

        List<Problem> problems() {
            List<Problem> out = new ArrayList<>();
            if (source == null) {
                out.add(new Problem("source", sourceText.isEmpty() ? "opinion.error.source.required"
                        : "opinion.error.source.unknown"));
            }
            if (!url.isEmpty() && (url.length() > MAX_URL || !url.matches("(?i)https?://[^\\s<>\"]+"))) {
                out.add(new Problem("url", "opinion.error.url.invalid"));
            }
            OpinionForms.text(out, "content", content, true, MAX_TEXT, true);
            if (foundAt == null) {
                out.add(new Problem("foundAt", foundAtText.isEmpty() ? "opinion.error.foundAt.required"
                        : "opinion.error.foundAt.invalid"));
            }
            if (level == null && !levelText.isEmpty()) {
                out.add(new Problem("level", "opinion.error.level.unknown"));
            }
            return out;
        }
    }

    record Triage(RiskLevel level, String levelText, Long departmentId, String analysis, String plan) {

        Triage {
            levelText = clean(levelText);
            analysis = clean(analysis);
            plan = clean(plan);
        }

        List<Problem> problems() {
            List<Problem> out = new ArrayList<>();
            if (level == null) {
                out.add(new Problem("level", levelText.isEmpty() ? "opinion.error.level.required"
                        : "opinion.error.level.unknown"));
            }
            if (departmentId == null) {
                out.add(new Problem("department", "opinion.error.department.required"));
            }
            OpinionForms.text(out, "analysis", analysis, true, MAX_TEXT, true);
            OpinionForms.text(out, "plan", plan, true, MAX_TEXT, true);
            return out;
        }
    }

    record Response(OpinionResponse.Kind kind, String kindText, String text, Long itemId) {

        Response {
            kindText = clean(kindText);
            text = clean(text);
        }

        List<Problem> problems() {
            List<Problem> out = new ArrayList<>();
            if (kind == null) {
                out.add(new Problem("kind", kindText.isEmpty() ? "opinion.error.kind.required"
                        : "opinion.error.kind.unknown"));
            }
            OpinionForms.text(out, "text", text, true, MAX_TEXT, true);
            if (kind == OpinionResponse.Kind.STATEMENT && itemId == null) {
                out.add(new Problem("itemId", "opinion.error.itemId.required"));
            }
            return out;
        }
    }
}
