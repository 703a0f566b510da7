package cn.gongkai.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Marks the visitor's words in the title and one snippet of a search hit, for the page's 20 hits only, from the
 * entry's own text: no term vectors, no stored fields, no second pass over the index. Before this, Lucene's fast
 * vector highlighter read the term vectors of four fields of every hit, which took about a fifth of the search page's
 * time and half of the index's size (docs/benchmarks.md, "Catalog search").
 *
 * <p>What is marked is what the character-pair analysis ({@link ChineseAnalysis#BIGRAM}) finds: each pair of
 * adjacent Chinese characters of a query word (a lone character as itself), and each Latin word or number whole,
 * ignoring case and full-width forms. Adjacent and overlapping pairs merge into one mark, so 安全生产 is marked as one
 * run where it occurs whole. Words after {@code -} (非) are not marked. The snippet is the
 * {@value #FRAGMENT}-character window of the first field (summary, body, attachment text) where a word occurs,
 * placed where most of the words occur together.
 */
final class Highlighter {

    static final int FRAGMENT = 120;
    /** How many characters of context the window keeps before the first mark. */
    private static final int LEAD = 20;
    /** A query has at most a few dozen terms (SearchLimits bounds it); a text is searched once per term. */
    private static final int MAX_TERMS = 64;

    private static final Analyzer BIGRAMS = bigrams();

    private final List<String> terms;

    private Highlighter(List<String> terms) {
        this.terms = terms;
    }

    /** The terms of a query typed on the portal, without its operators and without the words it excludes. */
    static Highlighter of(String query) {
        Set<String> terms = new LinkedHashSet<>();
        if (query != null) {
            for (String word : query.split("[\\s|+()\"]+")) {
                if (word.isEmpty() || word.startsWith("-")) {
                    continue;
                }
                terms.addAll(analyse(word));
            }
        }
        return new Highlighter(terms.stream().limit(MAX_TERMS).toList());
    }

    boolean marksNothing() {
        return terms.isEmpty();
    }

    /** The title as safe HTML, every occurrence of the words marked. */
    String title(String title) {
        String text = title == null ? "" : title;
        if (terms.isEmpty()) {
            return CatalogHit.safe(unmarked(text));
        }
        return CatalogHit.safe(marked(text, 0, text.length(), marks(text)));
    }

    /**
     * A window of the first field where a word occurs, as safe HTML with the words marked; when none occurs, the
     * summary's beginning.
     */
    String snippet(String summary, String body, String attachmentText) {
        for (String field : terms.isEmpty() ? new String[0] : new String[] {summary, body, attachmentText}) {
            if (field == null || field.isEmpty()) {
                continue;
            }
            boolean[] marks = marks(field);
            int start = bestWindow(marks);
            if (start >= 0) {
                int end = Math.min(field.length(), start + FRAGMENT);
                return (start > 0 ? "…" : "") + CatalogHit.safe(marked(field, start, end, marks))
                        + (end < field.length() ? "…" : "");
            }
        }
        String s = unmarked(summary == null ? "" : summary);
        return CatalogHit.safe(s.length() > FRAGMENT ? s.substring(0, FRAGMENT) + "…" : s);
    }

    /** Which characters of the text belong to an occurrence of a term (ignoring case and full-width forms). */
    private boolean[] marks(String text) {
        boolean[] marks = new boolean[text.length()];
        if (terms.isEmpty() || text.isEmpty()) {
            return marks;
        }
        String folded = fold(text);
        for (String term : terms) {
            for (int at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
                if (isWholeWord(folded, at, term)) {
                    java.util.Arrays.fill(marks, at, at + term.length(), true);
                }
            }
        }
        return marks;
    }

    /**
     * The start of the {@value #FRAGMENT}-character window holding the most marked characters, a little before its
     * first mark; -1 when nothing is marked.
     */
    private static int bestWindow(boolean[] marks) {
        int best = -1;
        int bestCount = 0;
        int count = 0;
        // Sliding window [i - FRAGMENT + 1, i]: where it ends on a mark with more marks inside than before, the
        // window's first mark is the candidate.
        for (int i = 0; i < marks.length; i++) {
            count += marks[i] ? 1 : 0;
            if (i >= FRAGMENT && marks[i - FRAGMENT]) {
                count--;
            }
            if (marks[i] && count > bestCount) {
                bestCount = count;
                int first = Math.max(0, i - FRAGMENT + 1);
                while (!marks[first]) {
                    first++;
                }
                best = first;
            }
        }
        if (best < 0) {
            return -1;
        }
        int start = Math.max(0, best - LEAD);
        return Math.max(0, Math.min(start, marks.length - FRAGMENT));
    }

    /** The text between start and end with each marked run between the highlighter's open and close marks. */
    private static String marked(String text, int start, int end, boolean[] marks) {
        StringBuilder out = new StringBuilder(end - start + 16);
        boolean open = false;
        for (int i = start; i < end; i++) {
            if (marks[i] != open) {
                out.append(open ? CatalogHit.CLOSE : CatalogHit.OPEN);
                open = marks[i];
            }
            char c = text.charAt(i);
            // The marks are control characters: never let the text itself open or close one.
            out.append(c == CatalogHit.OPEN.charAt(0) || c == CatalogHit.CLOSE.charAt(0) ? ' ' : c);
        }
        if (open) {
            out.append(CatalogHit.CLOSE);
        }
        return out.toString();
    }

    /** The text as it is, but never opening or closing a mark of its own (as {@link #marked}). */
    private static String unmarked(String text) {
        return text.indexOf(CatalogHit.OPEN.charAt(0)) < 0 && text.indexOf(CatalogHit.CLOSE.charAt(0)) < 0 ? text
                : text.replace(CatalogHit.OPEN.charAt(0), ' ').replace(CatalogHit.CLOSE.charAt(0), ' ');
    }

    /** A Latin word or number matches only whole (公路2 does not mark 2024); Chinese pairs match anywhere. */
    private static boolean isWholeWord(String folded, int at, String term) {
        if (!isLatinOrDigit(term.charAt(0))) {
            return true;
        }
        int end = at + term.length();
        return (at == 0 || !isLatinOrDigit(folded.charAt(at - 1)))
                && (end >= folded.length() || !isLatinOrDigit(folded.charAt(end)));
    }

    private static boolean isLatinOrDigit(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    /** Lower case and half-width forms, one character for one, so that positions stay those of the text. */
    static String fold(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            }
            out[i] = Character.toLowerCase(c);
        }
        return new String(out);
    }

    private static List<String> analyse(String word) {
        List<String> out = new ArrayList<>();
        try (TokenStream tokens = BIGRAMS.tokenStream("", word)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                out.add(fold(term.toString()).toLowerCase(Locale.ROOT));
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The chain of {@link ChineseAnalysis#BIGRAM}. */
    private static Analyzer bigrams() {
        try {
            return CustomAnalyzer.builder().withTokenizer(StandardTokenizerFactory.class)
                    .addTokenFilter(CJKWidthFilterFactory.class).addTokenFilter(LowerCaseFilterFactory.class)
                    .addTokenFilter(CJKBigramFilterFactory.class).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
