package cn.gongkai.opinion;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.JsonFields;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public-opinion events as data: {@code POST /api/v1/opinion/events} records one and answers its clock-hour
 * deadlines (times with their offset, China time); {@code GET /{id}} reads it with its deadlines, responses and
 * timeline; {@code POST /{id}/triage}, {@code /report}, {@code /responses} and {@code /close} take the next steps.
 * 400 names each wrong field; 409 names the rule; 403 for a member who may see the event but not take the step;
 * 404 for an event the caller may not see.
 */
@RestController
@RequestMapping(path = "/api/v1/opinion/events", produces = MediaType.APPLICATION_JSON_VALUE)
class OpinionApiController {

    private final OpinionDesk desk;
    private final MessageSource messages;

    OpinionApiController(OpinionDesk desk, MessageSource messages) {
        this.desk = desk;
        this.messages = messages;
    }

    record EventBody(String source, String url, String content, String foundAt, String level, Long departmentId) {
    }

    record TriageBody(String level, Long departmentId, String analysis, String plan) {
    }

    record ReportBody(String text) {
    }

    record ResponseBody(String kind, String text, Long itemId) {
    }

    record CloseBody(String summary) {
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> record(@AuthenticationPrincipal StaffPrincipal me,
            @RequestBody EventBody body) {
        OpinionEvent e = desk.record(me, new OpinionForms.Event(parse(OpinionSource.class, body.source()),
                body.source(), body.url(), body.content(), instant(body.foundAt()), body.foundAt(),
                parse(RiskLevel.class, body.level()), body.level(), body.departmentId()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.getId());
        out.put("level", e.getLevel().name());
        out.put("deadlines", deadlines(e));
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @GetMapping
    List<Map<String, Object>> list(@AuthenticationPrincipal StaffPrincipal me) {
        return desk.list(me).stream().map(this::summary).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return json(desk.visible(me, id));
    }

    @PostMapping("/{id}/triage")
    Map<String, Object> triage(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestBody TriageBody body) {
        return json(desk.triage(me, id, new OpinionForms.Triage(parse(RiskLevel.class, body.level()), body.level(),
                body.departmentId(), body.analysis(), body.plan())));
    }

    @PostMapping("/{id}/report")
    Map<String, Object> report(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestBody ReportBody body) {
        return json(desk.report(me, id, body.text()));
    }

    @PostMapping("/{id}/responses")
    ResponseEntity<Map<String, Object>> respond(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestBody ResponseBody body) {
        OpinionResponse r = desk.respond(me, id, new OpinionForms.Response(parse(OpinionResponse.Kind.class,
                body.kind()), body.kind(), body.text(), body.itemId()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.getId());
        out.put("kind", r.getKind().name());
        out.put("respondedAt", OpinionDesk.offset(r.getRespondedAt()));
        out.put("event", json(desk.visible(me, id)));
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @PostMapping("/{id}/close")
    Map<String, Object> close(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestBody CloseBody body) {
        return json(desk.close(me, id, body.summary()));
    }

    /** ISO-8601 with an offset ({@code 2026-10-02T23:30:00+08:00}); without one, China time. Null if unreadable. */
    static Instant instant(String text) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).atZone(OpinionDesk.ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** A name that is none of the enum's is left null; the form reports it as unknown, naming the field. */
    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value.strip())) {
                return e;
            }
        }
        return null;
    }

    private List<Map<String, Object>> deadlines(OpinionEvent e) {
        Instant now = desk.now();
        return desk.deadlines(e.getId()).stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", d.getKind());
            m.put("dueAt", OpinionDesk.offset(d.getDueAt()));
            m.put("doneAt", OpinionDesk.offset(d.getDoneAt()));
            m.put("late", d.late(now));
            return m;
        }).toList();
    }

    private Map<String, Object> summary(OpinionEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.getId());
        out.put("source", e.getSource().name());
        out.put("level", e.getLevel().name());
        out.put("status", e.getStatus().name());
        out.put("foundAt", OpinionDesk.offset(e.getFoundAt()));
        out.put("content", OpinionDesk.brief(e));
        return out;
    }

    private Map<String, Object> json(OpinionEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.getId());
        out.put("source", e.getSource().name());
        out.put("url", e.getUrl());
        out.put("content", e.getContent());
        out.put("foundAt", OpinionDesk.offset(e.getFoundAt()));
        out.put("recordedAt", OpinionDesk.offset(e.getRecordedAt()));
        out.put("level", e.getLevel().name());
        out.put("status", e.getStatus().name());
        out.put("departmentId", e.getDepartmentId());
        out.put("department", desk.departmentName(e, e.getDepartmentId()));
        out.put("analysis", e.getAnalysis());
        out.put("plan", e.getPlan());
        out.put("reportedAt", OpinionDesk.offset(e.getReportedAt()));
        out.put("reportText", e.getReportText());
        out.put("summary", e.getSummary());
        out.put("closedAt", OpinionDesk.offset(e.getClosedAt()));
        out.put("deadlines", deadlines(e));
        out.put("responses", desk.responses(e.getId()).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.getId());
            m.put("kind", r.getKind().name());
            m.put("text", r.getText());
            m.put("itemId", r.getItemId());
            m.put("itemTitle", r.getItemTitle());
            m.put("respondedAt", OpinionDesk.offset(r.getRespondedAt()));
            m.put("respondedBy", r.getRespondedBy());
            return m;
        }).toList());
        out.put("timeline", desk.timeline(e.getId()).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", OpinionDesk.offset(s.getAt()));
            m.put("actor", s.getActor());
            m.put("kind", s.getKind());
            m.put("text", s.getText());
            return m;
        }).toList());
        return out;
    }

    @ExceptionHandler(OpinionDesk.InvalidOpinion.class)
    ResponseEntity<Map<String, Object>> invalid(OpinionDesk.InvalidOpinion e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems.forEach(p -> errors.putIfAbsent(p.field(), message(p.key())));
        return JsonFields.badRequest(errors);
    }

    @ExceptionHandler(OpinionRuleViolation.class)
    ResponseEntity<Map<String, Object>> refused(OpinionRuleViolation e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("status", 409, "rule", e.rule(), "message",
                message(e.rule())));
    }

    @ExceptionHandler(OpinionDesk.OpinionForbidden.class)
    ResponseEntity<Map<String, Object>> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("status", 403, "message",
                message("opinion.error.forbidden")));
    }

    @ExceptionHandler(OpinionDesk.OpinionNotFound.class)
    ResponseEntity<Map<String, Object>> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404, "message",
                message("opinion.error.notFound")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String field = JsonFields.unreadableField(e);
        return JsonFields.badRequest(Map.of(field, messages.getMessage("opinion.error.unreadable", new Object[] {field},
                Locale.SIMPLIFIED_CHINESE)));
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }
}
