package cn.gongkai.platform;

/**
 * What typed text may contain, for {@code @Pattern} on every form: no NUL and no other C0/C1 control character (and no
 * lone surrogate, which no keyboard produces and UTF-8 cannot store). Refused rather than stripped, so that what is
 * stored is what the person saw; PostgreSQL could not store a NUL anyway, and feeds and letters must stay valid XML.
 */
public final class TextRules {

    /** Single-line fields: no control character at all. */
    public static final String ONE_LINE = "[^\\x00-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF]*";
    /** Multi-line fields: tabs and line breaks allowed, no other control character. */
    public static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF]*";

    private TextRules() {
    }
}
