package cn.gongkai.catalog;

import java.util.List;

/**
 * A page of search hits with the total count: exact, or when {@code totalExact} is false a lower bound (more entries
 * match than were counted; see {@link CatalogSearch#DEFAULT_EXACT_COUNT_LIMIT}). {@code timedOut}: the search ran out
 * of time ({@code gongkai.search.time-limit}) and these are the hits found until then.
 */
public record CatalogPage(long total, boolean totalExact, int page, int size, List<CatalogHit> hits,
        boolean timedOut) {

    /** The pages known to exist: all of them when the total is exact. */
    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    /** A next page exists, or may exist when the total is only a lower bound. */
    public boolean hasNextPage() {
        return page + 1 < totalPages() || !totalExact;
    }
}
