package cn.gongkai.catalog;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one public search (portal or open-data API) may ask for, so that no single query can occupy the index for
 * seconds (issue 10, "Search"): every gate a named constant and a plain method. A query over a limit is refused by
 * the field at fault before it reaches Lucene.
 */
final class SearchLimits {

    /** Words, counted between runs of white space (the ideographic space U+3000 included). */
    static final int MAX_TERMS = 20;
    /** Characters (code points) of the trimmed text. */
    static final int MAX_CHARACTERS = 100;
    /** Hits per page. */
    static final int MAX_SIZE = 100;
    /** The deepest hit a page may reach: Lucene keeps page x size hits in memory to find a page. */
    static final int RESULT_WINDOW = 10_000;

    private static final Pattern WHITE_SPACE = Pattern.compile("\\p{javaWhitespace}+");

    private SearchLimits() {
    }

    /** A refusal: the request parameter at fault, the bundle key and its arguments. */
    record Refusal(String field, String key, Object... args) {
    }

    /** The deepest page (0-based) of {@code size} hits within the result window. */
    static int deepestPage(int size) {
        return RESULT_WINDOW / size - 1;
    }

    static Optional<Refusal> check(String text, long page, long size) {
        if (text != null && !text.isBlank()) {
            String trimmed = text.strip();
            if (WHITE_SPACE.split(trimmed).length > MAX_TERMS) {
                return Optional.of(new Refusal("q", "catalog.search.error.tooManyTerms", MAX_TERMS));
            }
            if (trimmed.codePointCount(0, trimmed.length()) > MAX_CHARACTERS) {
                return Optional.of(new Refusal("q", "catalog.search.error.tooLong", MAX_CHARACTERS));
            }
        }
        if (size < 1 || size > MAX_SIZE) {
            return Optional.of(new Refusal("size", "catalog.search.error.size", MAX_SIZE));
        }
        if (page < 0 || (page + 1) * size > RESULT_WINDOW) {
            return Optional.of(new Refusal("page", "catalog.search.error.page", String.valueOf(RESULT_WINDOW / size - 1),
                    String.valueOf(RESULT_WINDOW)));
        }
        return Optional.empty();
    }
}
