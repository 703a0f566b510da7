package cn.gongkai.catalog;

import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** Open data: the portal agency's published policy interpretations (政策解读), each with its policy. */
@RestController
class InterpretationApiController {

    private final CatalogInterpretations interpretations;
    private final OrgDirectory org;
    private final MessageSource messages;

    InterpretationApiController(CatalogInterpretations interpretations, OrgDirectory org, MessageSource messages) {
        this.interpretations = interpretations;
        this.org = org;
        this.messages = messages;
    }

    /** {@code policy}: the policy's index number; {@code form}: TEXT, GRAPHIC, …; 20 a page unless {@code size}. */
    @GetMapping(path = "/api/v1/interpretations", produces = "application/json")
    ResponseEntity<Map<String, Object>> list(@RequestParam(required = false) String policy,
            @RequestParam(required = false) String topic, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String form, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || (long) page * size >= SearchLimits.RESULT_WINDOW) {
            return badRequest("page", message("catalog.interpretations.error.page"));
        }
        if (size < 1 || size > CatalogInterpretations.MAX_SIZE) {
            return badRequest("size", message("catalog.interpretations.error.size", CatalogInterpretations.MAX_SIZE));
        }
        for (String[] text : new String[][] {{"policy", policy}, {"topic", topic}, {"form", form}}) {
            if (text[1] != null && text[1].length() > 100) {
                return badRequest(text[0], message("catalog.interpretations.error.tooLong", text[0]));
            }
        }
        Agency agency = org.portalAgency().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Page<CatalogInterpretations.Row> rows = interpretations.list(agency.getId(), policy, topic, year, form, page,
                size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", rows.getTotalElements());
        body.put("items", rows.getContent().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("indexNumber", r.interpretation().getIndexNumber());
            m.put("title", r.interpretation().getTitle());
            m.put("form", r.interpretation().getInterpretationForm());
            m.put("publishedAt", r.interpretation().getPublishedAt().toString());
            m.put("url", r.interpretation().getPortalPath());
            m.put("mediaUrl", r.interpretation().getMediaUrl());
            m.put("policy", r.policy() == null ? null : link(r.policy()));
            return m;
        }).toList());
        return ResponseEntity.ok(body);
    }

    static Map<String, Object> link(CatalogEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indexNumber", e.getIndexNumber());
        m.put("title", e.getTitle());
        m.put("url", e.getPortalPath());
        return m;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> notANumber(MethodArgumentTypeMismatchException e) {
        return badRequest(e.getName(), message("catalog.search.error.notANumber", e.getName()));
    }

    private static ResponseEntity<Map<String, Object>> badRequest(String field, String text) {
        return CatalogApiController.badRequest(field, text);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
