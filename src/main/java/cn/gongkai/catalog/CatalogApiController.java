package cn.gongkai.catalog;

import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** Open data: the public catalog as JSON. Only public entries, whatever is asked. */
@RestController
@RequestMapping(path = "/api/v1/catalog", produces = "application/json")
class CatalogApiController {

    private final CatalogSearch search;
    private final OrgDirectory org;
    private final SearchRateLimit rateLimit;
    private final MessageSource messages;
    private final CatalogInterpretations interpretations;

    CatalogApiController(CatalogSearch search, OrgDirectory org, SearchRateLimit rateLimit, MessageSource messages,
            CatalogInterpretations interpretations) {
        this.interpretations = interpretations;
        this.search = search;
        this.org = org;
        this.rateLimit = rateLimit;
        this.messages = messages;
    }

    private Agency agency() {
        return org.portalAgency().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * 429 when the address has searched too often ({@link SearchRateLimit}), 400 naming {@code q}, {@code page} or
     * {@code size} when the query is beyond {@link SearchLimits}.
     */
    @GetMapping("/search")
    ResponseEntity<Map<String, Object>> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String topic, @RequestParam(required = false) Long department,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String genre,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String agency, HttpServletRequest request) {
        if (!rateLimit.tryAcquire(request.getRemoteAddr())) {
            String text = message("catalog.search.rateLimited");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(rateLimit.retryAfterSeconds()))
                    .body(Map.of("status", 429, "message", text));
        }
        var refusal = SearchLimits.check(q, page, size);
        if (refusal.isPresent()) {
            return badRequest(refusal.get().field(), message(refusal.get().key(), refusal.get().args()));
        }
        // ?agency={code}: that agency's catalog (GET /api/v1/agencies lists the codes); without it, the portal's.
        Agency searched;
        if (agency != null) {
            Optional<Agency> named = org.agencyByCode(agency.strip());
            if (named.isEmpty()) {
                return badRequest("agency", message("catalog.search.error.agency", agency.length() > 40
                        ? agency.substring(0, 40) : agency));
            }
            searched = named.get();
        } else {
            searched = agency();
        }
        // The JSON carries no snippets: the same hits without the cost of highlighting.
        CatalogPage result = search.searchWithoutHighlights(new CatalogQuery(searched.getId(), q, topic, department,
                genre, year, page, size, null));
        Map<String, Object> body = new LinkedHashMap<>();
        // Exact up to gongkai.search.exact-count-limit; beyond it a lower bound, and totalExact says which.
        body.put("total", result.total());
        body.put("totalExact", result.totalExact());
        // Out of time (gongkai.search.time-limit): incomplete; Hibernate Search then lists no hit (CatalogPage).
        body.put("timedOut", result.timedOut());
        // Each entry's page in its own agency's portal.
        String portal = org.portalPrefix(searched);
        body.put("items", result.hits().stream().map(h -> {
            Map<String, Object> m = summary(h.entry());
            m.put("url", portal + h.entry().getPortalPath());
            return m;
        }).toList());
        // An incomplete answer is never kept by a browser or a proxy.
        return result.timedOut() ? ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body)
                : ResponseEntity.ok(body);
    }

    /** A parameter that is not a number ({@code page=x}): 400 naming it. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> notANumber(MethodArgumentTypeMismatchException e) {
        return badRequest(e.getName(), message("catalog.search.error.notANumber", e.getName()));
    }

    static ResponseEntity<Map<String, Object>> badRequest(String field, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 400);
        body.put("message", text);
        body.put("errors", List.of(Map.of("field", field, "message", text)));
        return ResponseEntity.badRequest().body(body);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** The rest of the path is the index number, however many '/' the agency's pattern puts in it. */
    @GetMapping("/items/{*indexNumber}")
    Map<String, Object> item(@PathVariable String indexNumber) {
        CatalogEntry e = search.publicEntry(agency().getId(), indexNumber.substring(1))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, Object> body = summary(CatalogListing.of(e));
        body.put("documentNumber", e.getDocumentNumber());
        body.put("createdOn", e.getCreatedOn().toString());
        body.put("validity", e.getValidity().name());
        body.put("body", e.getBody());
        body.put("version", e.getVersion());
        // 政策解读"三同步": a policy lists its interpretations, an interpretation names its policy.
        body.put("interpretations", interpretations.interpretationsOf(e).stream().map(i -> {
            Map<String, Object> m = InterpretationApiController.link(i);
            m.put("form", i.getInterpretationForm());
            return m;
        }).toList());
        if (e.getInterpretsEntryId() != null) {
            body.put("form", e.getInterpretationForm());
            body.put("mediaUrl", e.getMediaUrl());
            body.put("policy", interpretations.policyOf(e).map(InterpretationApiController::link).orElse(null));
        }
        body.put("files", search.files(e).stream().map(f -> Map.of("filename", f.getFilename(), "contentType",
                f.getContentType(), "size", f.getSizeBytes(), "url", "/portal/files/" + f.getId())).toList());
        return body;
    }

    static Map<String, Object> summary(CatalogListing e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indexNumber", e.getIndexNumber());
        m.put("title", e.getTitle());
        m.put("summary", e.getSummary());
        m.put("publishedAt", e.getPublishedAt().toString());
        m.put("agency", e.getAgencyName());
        m.put("department", e.getDepartmentName());
        m.put("topic", e.getTopic());
        m.put("subtopic", e.getSubtopicName());
        m.put("genre", e.getGenre());
        m.put("url", e.getPortalPath());
        return m;
    }

    static List<String> fields() {
        return List.of("indexNumber", "title", "summary", "publishedAt", "agency", "department", "topic", "subtopic",
                "genre", "url");
    }
}
