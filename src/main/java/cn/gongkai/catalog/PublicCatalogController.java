package cn.gongkai.catalog;

import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.platform.HtmlOptions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** 政府信息公开目录 on the portal: browse, search, item pages, files. Public, no login. */
@Controller
class PublicCatalogController {

    private static final int PAGE_SIZE = 20;

    /** The genres never change while running: their options are made once. */
    private static final List<HtmlOptions.Option> GENRE_OPTIONS = Taxonomy.GENRES.stream()
            .map(HtmlOptions.Option::of).toList();

    private final CatalogSearch search;
    private final Topics topics;
    private final OrgDirectory org;
    private final SearchRateLimit rateLimit;
    private final MessageSource messages;
    private final CatalogInterpretations interpretations;

    PublicCatalogController(CatalogSearch search, Topics topics, OrgDirectory org, SearchRateLimit rateLimit,
            MessageSource messages, CatalogInterpretations interpretations) {
        this.interpretations = interpretations;
        this.search = search;
        this.topics = topics;
        this.org = org;
        this.rateLimit = rateLimit;
        this.messages = messages;
    }

    Agency agency() {
        return org.portalAgency()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/portal/catalog")
    String catalog(@RequestParam(required = false) String q, @RequestParam(required = false) String topic,
            @RequestParam(required = false) Long department, @RequestParam(required = false) String genre,
            @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) CatalogQuery.Order order, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (!rateLimit.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(rateLimit.retryAfterSeconds()));
            model.addAttribute("section", "catalog");
            model.addAttribute("sections", java.util.List.of("guide", "catalog", "apply", "interpretation",
                    "annual-report"));
            return "catalog/public-busy";
        }
        Agency agency = agency();
        int deepest = SearchLimits.deepestPage(PAGE_SIZE);
        var refusal = SearchLimits.check(q, Math.min(page, deepest), PAGE_SIZE);
        CatalogPage result = new CatalogPage(0, true, 0, PAGE_SIZE, java.util.List.of(), false);
        if (refusal.isEmpty()) {
            result = search.search(new CatalogQuery(agency.getId(), q, topic, department, genre, year,
                    Math.min(page, deepest), PAGE_SIZE, order));
            int last = Math.max(result.totalPages() - 1, 0);
            if (page > last && result.totalExact() && !result.timedOut()) {
                // Past the end (an old link, a typed address): the last page, not an empty one.
                model.addAttribute("pastTheEnd", result.total() > 0);
                if (result.page() != last) {
                    result = search.search(new CatalogQuery(agency.getId(), q, topic, department, genre, year, last,
                            PAGE_SIZE, order));
                }
            } else if (page > deepest) {
                refusal = SearchLimits.check(q, page, PAGE_SIZE);
            }
        }
        if (result.timedOut()) {
            // Only the hits found in time: an incomplete answer is never kept by a browser or a proxy.
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (refusal.isPresent()) {
            // The form keeps what was typed, and says what was too much.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refusal", messages.getMessage(refusal.get().key(), refusal.get().args(),
                    LocaleContextHolder.getLocale()));
            result = new CatalogPage(0, true, 0, PAGE_SIZE, java.util.List.of(), false);
        }
        model.addAttribute("result", result);
        model.addAttribute("q", q);
        model.addAttribute("topic", topic);
        model.addAttribute("department", department);
        model.addAttribute("genre", genre);
        model.addAttribute("year", year);
        model.addAttribute("order", order);
        // The filters' options, written in one pass (HtmlOptions): no per-option work in the template.
        String all = messages.getMessage("catalog.all", null, LocaleContextHolder.getLocale());
        model.addAttribute("topicOptions", HtmlOptions.withAll(all, topics.choices(agency.getId()).stream()
                .map(t -> HtmlOptions.Option.of(t.label())).toList(), topic));
        model.addAttribute("departmentOptions", HtmlOptions.withAll(all, org.departmentNames(agency.getId())
                .entrySet().stream().map(d -> new HtmlOptions.Option(d.getKey().toString(), d.getValue())).toList(),
                department));
        model.addAttribute("genreOptions", HtmlOptions.withAll(all, GENRE_OPTIONS, genre));
        int now = Year.now().getValue();
        model.addAttribute("yearOptions", HtmlOptions.withAll(all, IntStream.rangeClosed(now - 9, now).boxed()
                .sorted((a, b) -> b - a).map(HtmlOptions.Option::of).toList(), year));
        model.addAttribute("section", "catalog");
        model.addAttribute("sections", java.util.List.of("guide", "catalog", "apply", "interpretation",
                "annual-report"));
        return "catalog/public-list";
    }

    /** An item page: the rest of the path is the index number, however many '/' the agency's pattern puts in it. */
    @GetMapping("/portal/catalog/{*indexNumber}")
    String item(@PathVariable String indexNumber, Model model) {
        CatalogEntry entry = search.publicEntry(agency().getId(), indexNumber.substring(1))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("entry", entry);
        model.addAttribute("files", search.files(entry));
        model.addAttribute("versions", search.versions(entry));
        // 政策解读"三同步": a policy's page lists its interpretations; an interpretation's page links its policy.
        model.addAttribute("interpretations", interpretations.interpretationsOf(entry));
        model.addAttribute("policy", interpretations.policyOf(entry).orElse(null));
        model.addAttribute("section", "catalog");
        model.addAttribute("sections", java.util.List.of("guide", "catalog", "apply", "interpretation",
                "annual-report"));
        return "catalog/public-item";
    }

    /** 政策解读: the published interpretations, each with its policy, by topic class, year and form. */
    @GetMapping("/portal/interpretation")
    String interpretations(@RequestParam(required = false) String topic, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String form, @RequestParam(defaultValue = "0") int page, Model model) {
        Agency agency = agency();
        int safePage = Math.max(0, Math.min(page, 500));
        String safeTopic = topic == null || topic.length() > 100 ? null : topic;
        String safeForm = form == null || form.length() > 30 ? null : form;
        model.addAttribute("rows", interpretations.list(agency.getId(), null, safeTopic, year, safeForm, safePage,
                20));
        model.addAttribute("topic", safeTopic);
        model.addAttribute("year", year);
        model.addAttribute("form", safeForm);
        model.addAttribute("topicClasses", Taxonomy.TOPICS);
        model.addAttribute("forms", java.util.List.of("TEXT", "GRAPHIC", "AUDIO_VIDEO", "EXPERT", "PRESS_CONFERENCE",
                "ONLINE_INTERVIEW"));
        int now = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        model.addAttribute("years", IntStream.rangeClosed(now - 9, now).boxed().sorted((a, b) -> b - a).toList());
        model.addAttribute("section", "interpretation");
        model.addAttribute("sections", java.util.List.of("guide", "catalog", "apply", "interpretation",
                "annual-report"));
        return "catalog/public-interpretations";
    }

    @GetMapping("/portal/files/{id}")
    ResponseEntity<byte[]> file(@PathVariable Long id) {
        CatalogSearch.PublicFile file = search.publicFile(agency().getId(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(file.filename(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType())).body(file.data());
    }
}
