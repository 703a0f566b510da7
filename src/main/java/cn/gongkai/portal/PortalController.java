package cn.gongkai.portal;

import cn.gongkai.catalog.CatalogListing;
import cn.gongkai.catalog.CatalogHit;
import cn.gongkai.catalog.CatalogPage;
import cn.gongkai.catalog.CatalogQuery;
import cn.gongkai.catalog.CatalogSearch;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.report.AnnualReportDesk;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Portal home and its sections. Sections whose capability is not built yet say so plainly. */
@Controller
class PortalController {

    static final List<String> SECTIONS = List.of("guide", "catalog", "apply", "interpretation", "annual-report");

    /** How many of the latest published entries the home page lists. */
    static final int LATEST = 6;

    private final OrgDirectory org;
    private final CatalogSearch catalog;
    private final AnnualReportDesk reports;

    PortalController(OrgDirectory org, CatalogSearch catalog, AnnualReportDesk reports) {
        this.org = org;
        this.catalog = catalog;
        this.reports = reports;
    }

    /** The home page: a search box, the sections, the latest published information and the latest annual report. */
    @GetMapping("/")
    String home(Model model, HttpServletResponse response) {
        model.addAttribute("sections", SECTIONS);
        org.portalAgency().ifPresent(agency -> {
            CatalogPage latest = catalog.searchWithoutHighlights(new CatalogQuery(agency.getId(), null, null, null,
                    null, null, 0, LATEST, CatalogQuery.Order.DATE));
            if (latest.timedOut()) {
                // An incomplete list is never kept by a browser or a proxy.
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            model.addAttribute("latest", latest.hits().stream().map(CatalogHit::entry).map(LatestEntry::of).toList());
            reports.latestPublishedYear(agency.getId()).ifPresent(year -> model.addAttribute("latestReportYear",
                    Integer.toString(year)));
        });
        return "portal/home";
    }

    /** One line of the home page's latest information: title, link and day of publication. */
    record LatestEntry(String title, String path, String publishedOn) {

        static LatestEntry of(CatalogListing e) {
            return new LatestEntry(e.getTitle(), e.getPortalPath(), e.getPublishedLabel());
        }
    }

    @GetMapping("/portal/{section}")
    String section(@PathVariable String section, Model model) {
        if (!SECTIONS.contains(section)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("section", section);
        model.addAttribute("sections", SECTIONS);
        return "portal/section";
    }
}
