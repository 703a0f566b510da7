package cn.gongkai.catalog;

import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Withdrawal (撤回) and repeal (废止) of catalog entries by the office, as JSON. */
@RestController
@RequestMapping(path = "/api/v1/catalog/entries", produces = "application/json")
class CatalogAdminApiController {

    private final Catalog catalog;
    private final MessageSource messages;

    CatalogAdminApiController(Catalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    record ReasonRequest(String reason) {
    }

    @PostMapping("/{id}/withdraw")
    ResponseEntity<Map<String, Object>> withdraw(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestBody ReasonRequest request) {
        requireOffice(me);
        CatalogEntry e = catalog.withdraw(me.agencyId(), id, request.reason());
        return ResponseEntity.ok(Map.of("indexNumber", e.getIndexNumber(), "state", e.getState().name(),
                "validity", e.getValidity().name()));
    }

    @PostMapping("/{id}/repeal")
    ResponseEntity<Map<String, Object>> repeal(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestBody ReasonRequest request) {
        requireOffice(me);
        CatalogEntry e = catalog.repeal(me.agencyId(), id, request.reason());
        return ResponseEntity.ok(Map.of("indexNumber", e.getIndexNumber(), "state", e.getState().name(),
                "validity", e.getValidity().name()));
    }

    private static void requireOffice(StaffPrincipal me) {
        if (!me.has(Role.OFFICE)) {
            throw new org.springframework.security.access.AccessDeniedException("OFFICE only");
        }
    }

    @ExceptionHandler(CatalogRuleViolation.class)
    ResponseEntity<Map<String, Object>> refused(CatalogRuleViolation e) {
        String message = messages.getMessage(e.getMessage(), null, e.getMessage(), LocaleContextHolder.getLocale());
        HttpStatus status = "catalog.error.notFound".equals(e.getMessage()) ? HttpStatus.NOT_FOUND
                : "catalog.error.reasonRequired".equals(e.getMessage()) ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "rule", e.getMessage(),
                "message", message));
    }
}
