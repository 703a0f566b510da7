package cn.gongkai.catalog;

/**
 * One search hit: the entry and highlighted snippets as safe HTML (the text is escaped; only {@code <mark>} is
 * added).
 */
public record CatalogHit(CatalogListing entry, String titleHtml, String snippetHtml) {

    static final String OPEN = "\u0001";
    static final String CLOSE = "\u0002";

    static String safe(String highlighted) {
        String escaped = highlighted.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
        return escaped.replace(OPEN, "<mark>").replace(CLOSE, "</mark>");
    }
}
