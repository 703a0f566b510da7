package cn.gongkai.audit;

import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.StaffNames;
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
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
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
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** The most entries one export holds; a narrower filter exports the rest. */
    static final int MAX_EXPORT = 10_000;

    /**
     * What the reader filters by. {@code actor}: a login name or (part of) a person's name; {@code action}: a code
     * (the page's select) or Chinese text; {@code actionText}: (part of) an action's Chinese name; {@code object}: an
     * object's id, its type's code or (part of) its type's Chinese name.
     */
    record Filter(String actor, String action, String actionText, String object, LocalDate from, LocalDate to) {

        static Filter of(String actor, String action, String actionText, String object, LocalDate from,
                LocalDate to) {
            return new Filter(trim(actor), trim(action), trim(actionText), trim(object), from, to);
        }

        private static String trim(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }

        /** As recorded with an export: the filter's set parts, e.g. {@code actor=张三 action=LOGIN}. */
        String describe() {
            List<String> parts = new ArrayList<>();
            add(parts, "actor", actor);
            add(parts, "action", action);
            add(parts, "actionText", actionText);
            add(parts, "object", object);
            add(parts, "from", from);
            add(parts, "to", to);
            return parts.isEmpty() ? "none" : String.join(" ", parts);
        }

        private static void add(List<String> parts, String name, Object value) {
            if (value != null) {
                parts.add(name + "=" + value);
            }
        }
    }

    private final AuditEntries entries;
    private final AuditVerifier verifier;
    private final AuditTrail trail;
    private final MessageSource messages;
    private final AuditLabels labels;
    private final OrgDirectory org;

    AuditController(AuditEntries entries, AuditVerifier verifier, AuditTrail trail, MessageSource messages,
            AuditLabels labels, OrgDirectory org) {
        this.entries = entries;
        this.verifier = verifier;
        this.trail = trail;
        this.messages = messages;
        this.labels = labels;
        this.org = org;
    }

    @GetMapping("/workbench/audit")
    String browse(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String actionText,
            @RequestParam(required = false) String object,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Filter filter = Filter.of(actor, action, actionText, object, from, to);
        Page<AuditEntry> found = entries.findAll(spec(me, filter),
                PageRequest.of(Math.max(page, 0), 50, Sort.by(Sort.Direction.DESC, "id")));
        Map<Long, String> departments = org.departmentNames(me.agencyId());
        StaffNames names = org.names(me.agencyId());
        model.addAttribute("page", found);
        model.addAttribute("rows", found.getContent().stream()
                .map(e -> AuditRow.of(e, labels, departments, names)).toList());
        model.addAttribute("actions", labels.actions());
        model.addAttribute("filter", filter);
        return "audit/log";
    }

    private Specification<AuditEntry> spec(StaffPrincipal me, Filter f) {
        List<String> actors = f.actor() == null ? List.of() : org.usernamesMatching(me.agencyId(), f.actor());
        List<String> actionCodes = f.action() == null || labels.actions().containsKey(f.action())
                || f.action().matches("[A-Z][A-Z0-9_]*") ? null : labels.actionsMatching(f.action());
        List<String> textCodes = f.actionText() == null ? null : labels.actionsMatching(f.actionText());
        List<String> objectTypes = f.object() == null ? List.of() : labels.objectTypesMatching(f.object());
        return (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            p.add(cb.equal(root.get("agencyId"), me.agencyId()));
            if (f.actor() != null) {
                p.add(actors.isEmpty() ? cb.equal(root.get("actor"), f.actor())
                        : cb.or(cb.equal(root.get("actor"), f.actor()), root.get("actor").in(actors)));
            }
            if (f.action() != null) {
                p.add(actionCodes == null ? cb.equal(root.get("action"), f.action()) : oneOf(cb, root.get("action"),
                        actionCodes));
            }
            if (textCodes != null) {
                p.add(oneOf(cb, root.get("action"), textCodes));
            }
            if (f.object() != null) {
                Predicate byId = cb.or(cb.equal(root.get("objectId"), f.object()),
                        cb.equal(root.get("objectType"), f.object()));
                p.add(objectTypes.isEmpty() ? byId : cb.or(byId, root.get("objectType").in(objectTypes)));
            }
            if (f.from() != null) {
                p.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), f.from().atStartOfDay(ZONE).toInstant()));
            }
            if (f.to() != null) {
                p.add(cb.lessThan(root.get("occurredAt"), f.to().plusDays(1).atStartOfDay(ZONE).toInstant()));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
    }

    /** The codes, or nothing when no code matched. */
    private static Predicate oneOf(jakarta.persistence.criteria.CriteriaBuilder cb,
            jakarta.persistence.criteria.Path<Object> column, List<String> codes) {
        return codes.isEmpty() ? cb.disjunction() : column.in(codes);
    }

    /** The filtered entries, oldest first, at most {@link #MAX_EXPORT}; the export is audited. */
    private List<AuditRow> exported(StaffPrincipal me, Filter filter, String format, boolean readable) {
        List<AuditEntry> found = entries.findAll(spec(me, filter),
                PageRequest.of(0, MAX_EXPORT, Sort.by(Sort.Direction.ASC, "id"))).getContent();
        Map<Long, String> departments = org.departmentNames(me.agencyId());
        StaffNames names = org.names(me.agencyId());
        List<AuditRow> rows = found.stream().map(e -> readable ? AuditRow.of(e, labels, departments, names)
                : AuditRow.asStored(e, labels, names)).toList();
        trail.record(AuditRecord.of(me.agencyId(), "AUDIT_EXPORTED", "AUDIT_LOG", null,
                "entries=" + found.size() + ", filter=" + filter.describe() + ("csv".equals(format) ? ""
                        : ", format=" + format)));
        return rows;
    }

    /**
     * The filtered entries as CSV (UTF-8 with a byte-order mark, so that spreadsheet software reads the Chinese):
     * codes next to their Chinese names, the actor's login name next to their name and department, and the values
     * and details exactly as stored.
     */
    @GetMapping(path = "/workbench/audit/export", produces = "text/csv")
    @PreAuthorize("hasRole('AUDITOR')")
    ResponseEntity<String> export(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String actionText, @RequestParam(required = false) String object,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        List<AuditRow> rows = exported(me, Filter.of(actor, action, actionText, object, from, to), "csv", false);
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(messages.getMessage("audit.csvHeader", null, ZH)).append("\r\n");
        for (AuditRow r : rows) {
            csv.append(String.join(",", r.cells().stream().map(AuditController::cell).toList())).append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv.toString());
    }

    /**
     * The filtered entries as an Excel workbook for inspections: the CSV's columns, with the values and details in
     * Chinese where their form is known. Every cell is text; one that looks like a formula is marked as text too.
     */
    @GetMapping("/workbench/audit/export.xlsx")
    @PreAuthorize("hasRole('AUDITOR')")
    ResponseEntity<byte[]> exportXlsx(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String actionText, @RequestParam(required = false) String object,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        List<AuditRow> rows = exported(me, Filter.of(actor, action, actionText, object, from, to), "xlsx", true);
        List<String> header = List.of(messages.getMessage("audit.csvHeader", null, ZH).split(","));
        byte[] xlsx = AuditWorkbook.write(messages.getMessage("audit.sheet", null, ZH), header,
                rows.stream().map(AuditRow::cells).toList());
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-log.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(xlsx);
    }

    @PostMapping("/workbench/audit/verify")
    @PreAuthorize("hasRole('AUDITOR')")
    String verify(Model model, @AuthenticationPrincipal StaffPrincipal me) {
        model.addAttribute("verification", verifyAndRecord(me));
        return browse(me, null, null, null, null, null, null, 0, model);
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
