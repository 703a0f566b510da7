package cn.gongkai.audit;

import cn.gongkai.org.StaffPrincipal;
import jakarta.persistence.criteria.Predicate;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 审计日志. 三权分立: the audit administrator (AUDITOR) reads, filters, exports and verifies; the leading group
 * (领导小组, which inspects the agency's disclosure work) reads and filters; the system and security administrators
 * have no access at all, so they can neither read about themselves nor hide anything. Each reader sees their own
 * agency's entries. There is no endpoint that changes or deletes an entry; verifying and exporting are audited.
 */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR','LEADING_GROUP')")
class AuditController {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The most entries one export holds; a narrower filter exports the rest. */
    static final int MAX_EXPORT = 10_000;

    private final AuditEntries entries;
    private final AuditVerifier verifier;
    private final AuditTrail trail;
    private final MessageSource messages;

    AuditController(AuditEntries entries, AuditVerifier verifier, AuditTrail trail, MessageSource messages) {
        this.entries = entries;
        this.verifier = verifier;
        this.trail = trail;
        this.messages = messages;
    }

    @GetMapping("/workbench/audit")
    String browse(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String object,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Specification<AuditEntry> spec = filter(me, actor, action, object, from, to);
        model.addAttribute("page", entries.findAll(spec,
                PageRequest.of(Math.max(page, 0), 50, Sort.by(Sort.Direction.DESC, "id"))));
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("object", object);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit/log";
    }

    private static Specification<AuditEntry> filter(StaffPrincipal me, String actor, String action, String object,
            LocalDate from, LocalDate to) {
        return (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            p.add(cb.equal(root.get("agencyId"), me.agencyId()));
            if (actor != null && !actor.isBlank()) {
                p.add(cb.equal(root.get("actor"), actor.trim()));
            }
            if (action != null && !action.isBlank()) {
                p.add(cb.equal(root.get("action"), action.trim()));
            }
            if (object != null && !object.isBlank()) {
                String o = object.trim();
                p.add(cb.or(cb.equal(root.get("objectId"), o), cb.equal(root.get("objectType"), o)));
            }
            if (from != null) {
                p.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), from.atStartOfDay(ZONE).toInstant()));
            }
            if (to != null) {
                p.add(cb.lessThan(root.get("occurredAt"), to.plusDays(1).atStartOfDay(ZONE).toInstant()));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
    }

    /** The filtered entries as CSV (UTF-8 with a byte-order mark, so that spreadsheet software reads the Chinese). */
    @GetMapping(path = "/workbench/audit/export", produces = "text/csv")
    @PreAuthorize("hasRole('AUDITOR')")
    ResponseEntity<String> export(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String object,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        List<AuditEntry> found = entries.findAll(filter(me, actor, action, object, from, to),
                PageRequest.of(0, MAX_EXPORT, Sort.by(Sort.Direction.ASC, "id"))).getContent();
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(messages.getMessage("audit.csvHeader", null, Locale.SIMPLIFIED_CHINESE)).append("\r\n");
        for (AuditEntry e : found) {
            csv.append(String.join(",", cell(e.getId()), cell(e.occurredLabel()), cell(e.getActor()),
                    cell(e.getAddress()), cell(e.getAction()), cell(e.getObjectType()), cell(e.getObjectId()),
                    cell(e.getBefore()), cell(e.getAfter()), cell(e.getDetail()))).append("\r\n");
        }
        trail.record(AuditRecord.of(me.agencyId(), "AUDIT_EXPORTED", "AUDIT_LOG", null,
                "entries=" + found.size() + ", filter=" + describe(actor, action, object, from, to)));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv.toString());
    }

    @PostMapping("/workbench/audit/verify")
    @PreAuthorize("hasRole('AUDITOR')")
    String verify(Model model, @AuthenticationPrincipal StaffPrincipal me) {
        model.addAttribute("verification", verifyAndRecord(me));
        return browse(me, null, null, null, null, null, 0, model);
    }

    @GetMapping(path = "/api/v1/audit/verify", produces = "application/json")
    @ResponseBody
    @PreAuthorize("hasRole('AUDITOR')")
    Map<String, Object> verifyApi(@AuthenticationPrincipal StaffPrincipal me) {
        ChainVerification v = verifyAndRecord(me);
        // Absent fields are left out rather than null.
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("intact", v.intact());
        answer.put("entries", v.entries());
        putIfPresent(answer, "firstBrokenEntry", v.firstBrokenEntryId());
        putIfPresent(answer, "missingAfter", v.missingAfter());
        putIfPresent(answer, "anchoredUpTo", v.anchoredUpTo());
        putIfPresent(answer, "unsignedUpTo", v.unsignedUpTo());
        return answer;
    }

    /** The audit administrator's own work is audited too: the verification is recorded after it ran. */
    private ChainVerification verifyAndRecord(StaffPrincipal me) {
        ChainVerification v = verifier.verify();
        trail.record(AuditRecord.of(me.agencyId(), "AUDIT_VERIFIED", "AUDIT_LOG", null,
                "intact=" + v.intact() + ", entries=" + v.entries()));
        return v;
    }

    private static String describe(String actor, String action, String object, LocalDate from, LocalDate to) {
        List<String> parts = new ArrayList<>();
        if (actor != null && !actor.isBlank()) {
            parts.add("actor=" + actor.trim());
        }
        if (action != null && !action.isBlank()) {
            parts.add("action=" + action.trim());
        }
        if (object != null && !object.isBlank()) {
            parts.add("object=" + object.trim());
        }
        if (from != null) {
            parts.add("from=" + from);
        }
        if (to != null) {
            parts.add("to=" + to);
        }
        return parts.isEmpty() ? "none" : String.join(" ", parts);
    }

    /** One CSV cell: quoted when needed; a leading = + - @ is defused so that no spreadsheet runs it as a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = String.valueOf(value);
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static void putIfPresent(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
