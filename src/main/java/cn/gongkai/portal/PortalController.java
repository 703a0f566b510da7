package cn.gongkai.portal;

import cn.gongkai.catalog.CatalogListing;
import cn.gongkai.catalog.CatalogHit;
import cn.gongkai.catalog.CatalogPage;
import cn.gongkai.catalog.CatalogQuery;
import cn.gongkai.catalog.CatalogSearch;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.report.AnnualReportDesk;
import cn.gongkai.org.Agency;
import cn.gongkai.org.AgencyKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Portal home and its sections. Sections whose capability is not built yet say so plainly. */
@Controller
class PortalController {

    static final List<String> SECTIONS = List.of("guide", "catalog", "apply", "interpretation", "annual-report");

    /** How many of the latest published entries the home page lists. */
    static final int LATEST = 6;
    /** How many of the latest entries of all agencies the city home lists. */
    static final int CITY_LATEST = 10;

    private final OrgDirectory org;
    private final CatalogSearch catalog;
    private final AnnualReportDesk reports;

    PortalController(OrgDirectory org, CatalogSearch catalog, AnnualReportDesk reports) {
        this.org = org;
        this.catalog = catalog;
        this.reports = reports;
    }

    /**
     * The home page: on a city platform ({@link OrgDirectory#cityPortal()}) at {@code /}, the city's disclosure home;
     * otherwise, and at every {@code /agencies/{code}/}, the agency's: a search box, the sections, the latest
     * published information and the latest annual report.
     */
    @GetMapping("/")
    String home(Model model, HttpServletRequest request, HttpServletResponse response) {
        if (org.cityPortal() && request.getAttribute(OrgDirectory.PORTAL_AGENCY_ATTRIBUTE) == null) {
            return cityHome(model, response);
        }
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

    /**
     * 机构导航: every agency with its portal, the number of its public entries and its request form; a search across
     * every agency's catalog; the latest information of all of them.
     */
    private String cityHome(Model model, HttpServletResponse response) {
        List<AgencyTile> tiles = new ArrayList<>();
        boolean complete = true;
        for (Agency a : org.publishingAgencies()) {
            CatalogPage count = catalog.searchWithoutHighlights(new CatalogQuery(a.getId(), null, null, null, null,
                    null, 0, 1, CatalogQuery.Order.DATE));
            complete &= !count.timedOut();
            tiles.add(new AgencyTile(a.getCode(), a.getName(), a.getKind().name(), count.total(),
                    org.portalHome(a), applyPath(a)));
        }
        CatalogPage latest = catalog.searchWithoutHighlights(new CatalogQuery(null, null, null, null, null, null, 0,
                CITY_LATEST, CatalogQuery.Order.DATE));
        if (!complete || latest.timedOut()) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        List<CatalogListing> entries = latest.hits().stream().map(CatalogHit::entry).toList();
        Map<Long, Long> agencyOf = catalog.agenciesOf(entries.stream().map(CatalogListing::getId).toList());
        model.addAttribute("agencies", tiles);
        model.addAttribute("latest", entries.stream()
                .map(e -> new LatestEntry(e.getTitle(), entryPath(org.cachedAgency(agencyOf.get(e.getId())).orElse(null), e),
                        e.getPublishedLabel(), e.getAgencyName()))
                .toList());
        model.addAttribute("sections", List.of());
        model.addAttribute("portalAgency", authority().orElse(null));
        return "portal/city";
    }

    /** The city's disclosure authority, whose name heads the city's pages. */
    private Optional<Agency> authority() {
        return org.publishingAgencies().stream().filter(a -> a.getKind() == AgencyKind.DISCLOSURE_AUTHORITY)
                .findFirst();
    }

    /** An entry's page in its own agency's portal; the served agency keeps its addresses under /portal. */
    private String entryPath(Agency agency, CatalogListing e) {
        return org.portalPrefix(agency) + e.getPortalPath();
    }

    private String applyPath(Agency agency) {
        return org.portalPrefix(agency) + "/portal/apply";
    }

    /**
     * One form for a request to any agency (依申请公开): the city home's choice of agency leads to that agency's
     * request form. A code that is no agency here is 404.
     */
    @GetMapping("/apply")
    String applyTo(@RequestParam(required = false) String agency) {
        Agency a = org.publishingAgencies().stream().filter(x -> x.getCode().equals(agency)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return "redirect:" + applyPath(a);
    }

    /** An agency on the city home: its code, name, kind, public entries, portal and request form. */
    record AgencyTile(String code, String name, String kind, long entries, String home, String apply) {
    }

    /** One line of the home page's latest information: title, link and day of publication. */
    record LatestEntry(String title, String path, String publishedOn, String agencyName) {

        static LatestEntry of(CatalogListing e) {
            return new LatestEntry(e.getTitle(), e.getPortalPath(), e.getPublishedLabel(), e.getAgencyName());
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
