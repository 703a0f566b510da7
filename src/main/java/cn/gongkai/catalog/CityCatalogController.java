package cn.gongkai.catalog;

import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The city platform's search across every agency's catalog ({@code /search}, filter by agency), linked from the city
 * home. Each hit links to its entry in its own agency's portal. The same limits and rate limit as every search.
 */
@Controller
class CityCatalogController {

    static final int PAGE_SIZE = 20;

    private final CatalogSearch search;
    private final OrgDirectory org;
    private final SearchRateLimit rateLimit;
    private final MessageSource messages;

    CityCatalogController(CatalogSearch search, OrgDirectory org, SearchRateLimit rateLimit, MessageSource messages) {
        this.search = search;
        this.org = org;
        this.rateLimit = rateLimit;
        this.messages = messages;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String agency,
            @RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        List<Agency> agencies = org.publishingAgencies();
        model.addAttribute("agencies", agencies);
        model.addAttribute("q", q);
        model.addAttribute("agency", agency);
        CatalogPage empty = new CatalogPage(0, true, 0, PAGE_SIZE, List.of(), false);
        model.addAttribute("result", empty);
        model.addAttribute("paths", Map.of());
        if (!rateLimit.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(rateLimit.retryAfterSeconds()));
            model.addAttribute("refusal", message("catalog.search.rateLimited"));
            return "catalog/city-search";
        }
        Optional<Agency> only = agency == null || agency.isBlank() ? Optional.empty()
                : agencies.stream().filter(a -> a.getCode().equals(agency)).findFirst();
        if (agency != null && !agency.isBlank() && only.isEmpty()) {
            // A code that is no agency of this platform: said, and the form keeps the words typed.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refusal", message("catalog.city.unknownAgency"));
            return "catalog/city-search";
        }
        int deepest = SearchLimits.deepestPage(PAGE_SIZE);
        var refusal = SearchLimits.check(q, page, PAGE_SIZE);
        if (refusal.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refusal", messages.getMessage(refusal.get().key(), refusal.get().args(),
                    LocaleContextHolder.getLocale()));
            return "catalog/city-search";
        }
        CatalogPage result = search.search(new CatalogQuery(only.map(Agency::getId).orElse(null), q, null, null,
                null, null, Math.min(page, deepest), PAGE_SIZE, null));
        if (result.timedOut()) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        model.addAttribute("result", result);
        model.addAttribute("paths", paths(result.hits().stream().map(CatalogHit::entry).toList()));
        return "catalog/city-search";
    }

    /** Each listed entry's page in its own agency's portal (the index number within the agency's portal address). */
    Map<Long, String> paths(List<CatalogListing> listings) {
        Map<Long, Long> agencyOf = search.agenciesOf(listings.stream().map(CatalogListing::getId).toList());
        return listings.stream().collect(Collectors.toMap(CatalogListing::getId, l -> org.portalPrefix(
                org.cachedAgency(agencyOf.get(l.getId())).orElse(null)) + l.getPortalPath(), (x, y) -> x));
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
