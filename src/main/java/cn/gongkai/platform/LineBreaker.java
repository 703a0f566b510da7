package cn.gongkai.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Breaks a paragraph into lines for {@link LetterRenderer}'s PDF. Chinese text may break after any character; a run of
 * Latin letters, digits and ASCII signs (a number, {@code GB/T}, a web address) is kept whole unless it is longer than
 * a line; spaces are break points and never start or end a line. Closing punctuation (，。、；：？！”）》 and the like) does
 * not start a line and opening punctuation (“（《 and the like) does not end one: the characters before are carried over
 * to the next line instead.
 */
final class LineBreaker {

    /** Not at the start of a line. */
    private static final String NO_START = "，。、；：？！）》」』】〕〗〉］｝”’…—～·％‰℃,.;:?!)]}%";

    /** Not at the end of a line. */
    private static final String NO_END = "（《「『【〔〖〈［｛“‘([{";

    private static final String SPACE = " ";

    private LineBreaker() {
    }

    /**
     * The lines of {@code text}, the first at most {@code firstWidth} wide, the others at most {@code width}, as
     * measured by {@code measure} (the width of a piece of text). Lines carry no leading or trailing spaces; the last
     * one ends the paragraph. Empty text gives no line.
     */
    static List<String> lines(String text, double firstWidth, double width, ToDoubleFunction<String> measure) {
        List<String> units = units(text);
        List<String> lines = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < units.size() && units.get(i).equals(SPACE)) {
                i++;
            }
            if (i == units.size()) {
                return lines;
            }
            double available = lines.isEmpty() ? firstWidth : width;
            int start = i;
            double used = 0;
            while (i < units.size()) {
                double w = measure.applyAsDouble(units.get(i));
                if (!units.get(i).equals(SPACE) && used + w > available + 1e-3) {
                    break;
                }
                used += w;
                i++;
            }
            if (i == start) {
                // One unit wider than the line: cut it where it fills the line (at least one character).
                String unit = units.get(i);
                int cut = unit.offsetByCodePoints(0, 1);
                while (cut < unit.length()) {
                    int next = unit.offsetByCodePoints(cut, 1);
                    if (measure.applyAsDouble(unit.substring(0, next)) > available + 1e-3) {
                        break;
                    }
                    cut = next;
                }
                if (cut < unit.length()) {
                    units.set(i, unit.substring(0, cut));
                    units.add(i + 1, unit.substring(cut));
                }
                i++;
            } else if (i < units.size()) {
                int end = i;
                while (end > start + 1 && forbidden(units, end)) {
                    end--;
                }
                if (!forbidden(units, end)) {
                    i = end;
                }
            }
            lines.add(String.join("", units.subList(start, i)).stripTrailing());
        }
    }

    /** Whether a line may not break before {@code units[index]}. */
    private static boolean forbidden(List<String> units, int index) {
        String next = units.get(index);
        String previous = units.get(index - 1);
        if (next.equals(SPACE) || previous.equals(SPACE)) {
            return false;
        }
        return NO_START.indexOf(next.codePointAt(0)) >= 0
                || NO_END.indexOf(previous.codePointBefore(previous.length())) >= 0;
    }

    /** Words of Latin letters, digits and ASCII signs; single spaces for runs of white space; each other character. */
    static List<String> units(String text) {
        List<String> units = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp != '\u3000' && (Character.isWhitespace(cp) || Character.isSpaceChar(cp))) {
                flush(word, units);
                if (units.isEmpty() || !units.getLast().equals(SPACE)) {
                    units.add(SPACE);
                }
            } else if (isWordCharacter(cp)) {
                word.appendCodePoint(cp);
            } else {
                flush(word, units);
                units.add(Character.toString(cp));
            }
        }
        flush(word, units);
        return units;
    }

    private static boolean isWordCharacter(int cp) {
        if (cp >= 0x21 && cp <= 0x7E) {
            return NO_END.indexOf(cp) < 0; // an opening bracket stands alone so that it cannot end a line
        }
        return cp < 0x2000 && Character.isLetterOrDigit(cp);
    }

    private static void flush(StringBuilder word, List<String> units) {
        if (!word.isEmpty()) {
            units.add(word.toString());
            word.setLength(0);
        }
    }
}
