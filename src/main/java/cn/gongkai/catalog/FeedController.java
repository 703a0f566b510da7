package cn.gongkai.catalog;

import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.platform.PublicAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** An Atom feed of newly published items and a sitemap, both of public entries only. */
@RestController
class FeedController {

    private final CatalogSearch search;
    private final OrgDirectory org;
    private final PublicAddress address;

    FeedController(CatalogSearch search, OrgDirectory org, PublicAddress address) {
        this.search = search;
        this.org = org;
        this.address = address;
    }

    private Agency agency() {
        return org.portalAgency().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping(path = "/portal/feed.atom")
    ResponseEntity<String> atom(HttpServletRequest request) {
        Agency agency = agency();
        String base = address.base(); // the configured public address, never a forged Host header
        CatalogPage latest = search.searchWithoutHighlights(new CatalogQuery(agency.getId(), null, null, null, null,
                null, 0, 50, CatalogQuery.Order.DATE));
        List<CatalogHit> hits = latest.hits();
        Instant updated = hits.isEmpty() ? Instant.EPOCH : hits.getFirst().entry().getPublishedAt();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <title>").append(esc(agency.getName())).append(" 政府信息公开</title>\n")
                .append("  <id>").append(esc(base)).append("/portal/catalog</id>\n")
                .append("  <link rel=\"self\" href=\"").append(esc(base)).append("/portal/feed.atom\"/>\n")
                .append("  <updated>").append(updated).append("</updated>\n");
        for (CatalogHit hit : hits) {
            CatalogListing e = hit.entry();
            String url = base + "/portal/catalog/" + e.getIndexNumber();
            xml.append("  <entry>\n    <title>").append(esc(e.getTitle())).append("</title>\n")
                    .append("    <id>").append(esc(url)).append("</id>\n")
                    .append("    <link href=\"").append(esc(url)).append("\"/>\n")
                    .append("    <updated>").append(e.getPublishedAt()).append("</updated>\n")
                    .append("    <author><name>").append(esc(e.getDepartmentName())).append("</name></author>\n")
                    .append("    <summary>").append(esc(e.getSummary())).append("</summary>\n  </entry>\n");
        }
        xml.append("</feed>\n");
        return answer(latest.timedOut()).contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(xml.toString());
    }

    @GetMapping(path = "/sitemap.xml")
    ResponseEntity<String> sitemap() {
        Agency agency = agency();
        String base = address.base(); // the configured public address, never a forged Host header
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String path : List.of("/", "/portal/catalog", "/portal/guide", "/portal/apply", "/portal/interpretation",
                "/portal/annual-report")) {
            xml.append("  <url><loc>").append(esc(base + path)).append("</loc></url>\n");
        }
        int page = 0;
        boolean timedOut = false;
        CatalogPage result;
        do {
            result = search.searchWithoutHighlights(new CatalogQuery(agency.getId(), null, null, null, null, null,
                    page++, 100, CatalogQuery.Order.DATE));
            timedOut |= result.timedOut();
            for (CatalogHit hit : result.hits()) {
                xml.append("  <url><loc>").append(esc(base + "/portal/catalog/" + hit.entry().getIndexNumber()))
                        .append("</loc><lastmod>")
                        .append(hit.entry().getPublishedAt().toString(), 0, 10).append("</lastmod></url>\n");
            }
        } while (page < result.totalPages() && page < 500);
        xml.append("</urlset>\n");
        return answer(timedOut).contentType(MediaType.APPLICATION_XML).body(xml.toString());
    }

    /** An answer built from a search that ran out of time is incomplete: never kept by a browser or a proxy. */
    private static ResponseEntity.BodyBuilder answer(boolean timedOut) {
        return timedOut ? ResponseEntity.ok().cacheControl(CacheControl.noStore()) : ResponseEntity.ok();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
