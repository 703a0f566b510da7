package cn.gongkai.catalog;

import java.util.List;

/**
 * A page of search hits with the total count: exact, or when {@code totalExact} is false a lower bound (more entries
 * match than were counted; see {@link CatalogSearch#DEFAULT_EXACT_COUNT_LIMIT}). {@code timedOut}: the search ran out
 * of time ({@code gongkai.search.time-limit}): the answer is incomplete, and with Hibernate Search it lists no hit at
 * all (it keeps nothing of a search past its deadline, even the ranked hits whose fields it was reading), while the
 * total is what it had counted by then.
 */
public record CatalogPage(long total, boolean totalExact, int page, int size, List<CatalogHit> hits,
        boolean timedOut) {

    /** The pages known to exist: all of them when the total is exact. */
    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    /**
     * A next page exists, or may exist when the total is only a lower bound; never offered after a search that ran
     * out of time and listed nothing, where a next page would run the same search again, only deeper.
     */
    public boolean hasNextPage() {
        if (nothingListedInTime()) {
            return false;
        }
        return page + 1 < totalPages() || !totalExact;
    }

    /** The search ran out of time before it could list any hit. */
    public boolean nothingListedInTime() {
        return timedOut && hits.isEmpty();
    }

    /** Whether the count says anything: not "at least 0" after a search that ran out of time. */
    public boolean countKnown() {
        return !timedOut || total > 0;
    }
}
