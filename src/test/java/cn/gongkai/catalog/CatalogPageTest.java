package cn.gongkai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the portal offers after a search: the count and the next page. A search past its time limit lists no hit
 * (Hibernate Search drops what it collected) but may have counted many: 674,895 under load on 1,000,000 entries.
 */
class CatalogPageTest {

    @Test
    void aSearchThatRanOutOfTimeAndListedNothingOffersNoNextPageButKeepsTheCountItMade() {
        CatalogPage page = new CatalogPage(674_895, false, 0, 20, List.of(), true);

        assertThat(page.nothingListedInTime()).isTrue();
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.countKnown()).isTrue();
    }

    @Test
    void aSearchThatRanOutOfTimeBeforeCountingAnythingHasNoCountToShow() {
        assertThat(new CatalogPage(0, false, 0, 20, List.of(), true).countKnown()).isFalse();
    }

    @Test
    void aSearchInTimeWhoseTotalIsALowerBoundMayHaveANextPageAndItsCountIsShownEvenAtZero() {
        assertThat(new CatalogPage(1_000, false, 49, 20, List.of(), false).hasNextPage()).isTrue();
        assertThat(new CatalogPage(0, true, 0, 20, List.of(), false).countKnown()).isTrue();
        assertThat(new CatalogPage(0, true, 0, 20, List.of(), false).hasNextPage()).isFalse();
    }
}
