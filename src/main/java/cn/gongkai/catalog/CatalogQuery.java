package cn.gongkai.catalog;

/** A public catalog search: free text (may be blank) and filters; page is 0-based. */
public record CatalogQuery(Long agencyId, String text, String topic, Long departmentId, String genre, Integer year,
        int page, int size, Order order) {

    public enum Order {
        RELEVANCE, DATE
    }

    public CatalogQuery {
        page = Math.max(page, 0);
        size = size < 1 ? 20 : Math.min(size, 100);
        order = order == null ? (text == null || text.isBlank() ? Order.DATE : Order.RELEVANCE) : order;
    }

    boolean hasText() {
        return text != null && !text.isBlank();
    }
}
