package cn.gongkai.catalog;

/**
 * One search hit: the entry and highlighted snippets as safe HTML (the text is escaped; only {@code <mark>} is
 * added).
 */
public record CatalogHit(CatalogListing entry, String titleHtml, String snippetHtml) {

    static final String OPEN = "\u0001";
    static final String CLOSE = "\u0002";

    static String safe(String highlighted) {
        if (!needsEscaping(highlighted)) {
            return highlighted;
        }
        String escaped = highlighted.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
        return escaped.replace(OPEN, "<mark>").replace(CLOSE, "</mark>");
    }

    /** Whether the text has a character {@link #safe} changes: most titles and summaries have none. */
    private static boolean needsEscaping(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '&', '<', '>', '"', '\u0001', '\u0002' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }
}
