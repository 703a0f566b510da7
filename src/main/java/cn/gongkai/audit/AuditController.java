package cn.gongkai.audit;

import cn.gongkai.org.StaffPrincipal;
import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 审计日志: browse and verify. Only ADMIN and LEADING_GROUP; each sees their own agency's entries. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','LEADING_GROUP')")
class AuditController {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AuditEntries entries;
    private final AuditVerifier verifier;

    AuditController(AuditEntries entries, AuditVerifier verifier) {
        this.entries = entries;
        this.verifier = verifier;
    }

    @GetMapping("/workbench/audit")
    String browse(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String object,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Specification<AuditEntry> spec = (root, query, cb) -> {
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
        model.addAttribute("page", entries.findAll(spec,
                PageRequest.of(Math.max(page, 0), 50, Sort.by(Sort.Direction.DESC, "id"))));
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("object", object);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit/log";
    }

    @PostMapping("/workbench/audit/verify")
    String verify(Model model, @AuthenticationPrincipal StaffPrincipal me) {
        model.addAttribute("verification", verifier.verify());
        return browse(me, null, null, null, null, null, 0, model);
    }

    @GetMapping(path = "/api/v1/audit/verify", produces = "application/json")
    @ResponseBody
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> verifyApi() {
        ChainVerification v = verifier.verify();
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

    private static void putIfPresent(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
