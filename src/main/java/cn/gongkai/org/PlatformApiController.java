package cn.gongkai.org;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's agencies as data: {@code GET /api/v1/agencies} for anyone (code, name, kind and portal address), and
 * for the platform administrator {@code GET}/{@code POST /api/v1/platform/agencies}, which lists them with their
 * parents and creates one with its first system administrator (201; 400 naming each bad field).
 */
@RestController
class PlatformApiController {

    private final PlatformAdministration platform;
    private final OrgDirectory org;
    private final MessageSource messages;

    PlatformApiController(PlatformAdministration platform, OrgDirectory org, MessageSource messages) {
        this.platform = platform;
        this.org = org;
        this.messages = messages;
    }

    /** The public list: every agency of the platform, the one whose portal is served first. */
    @GetMapping(path = "/api/v1/agencies", produces = "application/json")
    List<Map<String, Object>> agencies() {
        return platform.agencies().stream().map(this::publicView).toList();
    }

    @GetMapping(path = "/api/v1/platform/agencies", produces = "application/json")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    List<Map<String, Object>> platformAgencies() {
        Map<Long, Agency> byId = platform.byId();
        return platform.agencies().stream().map(a -> fullView(a, byId)).toList();
    }

    @PostMapping(path = "/api/v1/platform/agencies", produces = "application/json")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal StaffPrincipal me,
            @Valid @RequestBody NewAgencyForm form) {
        PlatformAdministration.Created created = platform.create(form, me.agencyId());
        Map<String, Object> body = fullView(created.agency(), platform.byId());
        body.put("administrator", account(created.administrator()));
        body.put("securityAdministrator", account(created.securityAdministrator()));
        body.put("auditor", account(created.auditor()));
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    /** Given once: each holder must choose their own password at the first sign-in. */
    private static Map<String, Object> account(PlatformAdministration.FirstAccount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.account().getUsername());
        m.put("displayName", a.account().getDisplayName());
        m.put("oneTimePassword", a.oneTimePassword());
        return m;
    }

    private Map<String, Object> publicView(Agency a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", a.getCode());
        m.put("name", a.getName());
        m.put("kind", a.getKind().name());
        m.put("portalUrl", portalUrl(a));
        return m;
    }

    private Map<String, Object> fullView(Agency a, Map<Long, Agency> byId) {
        Map<String, Object> m = publicView(a);
        m.put("organisationCode", a.getOrganisationCode());
        m.put("indexPattern", a.getIndexPattern().text());
        Agency parent = a.getParentId() == null ? null : byId.get(a.getParentId());
        m.put("parent", parent == null ? null : parent.getCode());
        m.put("createdAt", a.getCreatedAt() == null ? null : a.getCreatedAt().toString());
        return m;
    }

    /**
     * The address of the agency's portal: {@code /agencies/{code}/} (on a single-agency installation the served
     * agency's is {@code /}); a secrecy bureau publishes nothing and has none.
     */
    private String portalUrl(Agency a) {
        return a.getKind() == AgencyKind.SECRECY_BUREAU ? null : org.portalHome(a);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", messages.getMessage(f,
                        LocaleContextHolder.getLocale())))
                .toList();
        return bad(errors);
    }

    @ExceptionHandler(OrgRuleViolation.class)
    ResponseEntity<Map<String, Object>> refused(OrgRuleViolation e) {
        String text = messages.getMessage(e.getMessage(), e.arguments(), e.getMessage(),
                LocaleContextHolder.getLocale());
        return bad(List.of(Map.of("field", e.field(), "message", text)));
    }

    /** Unreadable JSON or a kind that is none of {@link AgencyKind}'s names. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String text = messages.getMessage("org.platform.unreadable", null, LocaleContextHolder.getLocale());
        return bad(List.of(Map.of("field", "body", "message", text)));
    }

    private static ResponseEntity<Map<String, Object>> bad(List<Map<String, String>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 400);
        body.put("message", errors.isEmpty() ? "" : errors.get(0).get("message"));
        body.put("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }
}
