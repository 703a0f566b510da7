package cn.gongkai.document;

import java.util.Collection;
import java.util.List;

/**
 * 区分处理 (保密审查制度 十三): the public version of a text, with redacted findings and phrases replaced character by
 * character with ■. Plain Java; the original text is never changed.
 */
final class Redactor {

    static final char BLOCK = '■';

    private Redactor() {
    }

    static String redact(String text, String location, Collection<ScanFinding> findings, List<String> phrases) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (ScanFinding f : findings) {
            if (f.isRedacted() && f.getLocation().equals(location) && f.getStart() >= 0
                    && f.getEnd() <= chars.length) {
                for (int i = f.getStart(); i < f.getEnd(); i++) {
                    chars[i] = BLOCK;
                }
            }
        }
        String result = new String(chars);
        for (String phrase : phrases) {
            if (!phrase.isEmpty()) {
                result = result.replace(phrase, String.valueOf(BLOCK).repeat(phrase.length()));
            }
        }
        return result;
    }

    /** Whether a text at a location has anything redacted in it. */
    static boolean touches(String text, String location, Collection<ScanFinding> findings, List<String> phrases) {
        return findings.stream().anyMatch(f -> f.isRedacted() && f.getLocation().equals(location))
                || (text != null && phrases.stream().anyMatch(p -> !p.isEmpty() && text.contains(p)));
    }
}
