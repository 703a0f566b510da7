package cn.gongkai.catalog;

import java.util.List;

/** A page of search hits with the total count. */
public record CatalogPage(long total, int page, int size, List<CatalogHit> hits) {

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }
}
