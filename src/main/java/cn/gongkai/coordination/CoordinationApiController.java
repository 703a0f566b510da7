package cn.gongkai.coordination;

import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.JsonFields;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Release coordination as data, for the offices' other systems: {@code POST /api/v1/coordinations} sends,
 * {@code GET ?role=sent|received|escalated} lists, {@code POST /{id}/answer} answers and {@code POST /{id}/decision}
 * records the authority's decision. 400 names each wrong field; 409 names the rule; 403 for a caller who is not the
 * office whose turn it is; 404 for a coordination that does not involve the caller's agency.
 */
@RestController
@RequestMapping(path = "/api/v1/coordinations", produces = MediaType.APPLICATION_JSON_VALUE)
class CoordinationApiController {

    private final CoordinationDesk desk;
    private final MessageSource messages;

    CoordinationApiController(CoordinationDesk desk, MessageSource messages) {
        this.desk = desk;
        this.messages = messages;
    }

    record SendBody(Long itemId, String toAgency, String outsideAgency, String question, Boolean urgent) {
    }

    record AnswerBody(String answer, String wording, String reasons) {
    }

    record DecisionBody(String decision, String wording, String reasons) {
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> send(@AuthenticationPrincipal StaffPrincipal me,
            @RequestBody SendBody body) {
        Coordination c = desk.send(me, new CoordinationForms.Request(body.itemId(), body.toAgency(),
                body.outsideAgency(), body.question(), Boolean.TRUE.equals(body.urgent())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.getId());
        out.put("dueOn", desk.dueOn(c).toString());
        out.put("status", c.getStatus().name());
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @GetMapping
    List<Map<String, Object>> list(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(defaultValue = "sent") String role) {
        CoordinationDesk.Box box = switch (role) {
            case "sent" -> CoordinationDesk.Box.SENT;
            case "received" -> CoordinationDesk.Box.RECEIVED;
            case "escalated" -> CoordinationDesk.Box.ESCALATED;
            default -> throw new CoordinationDesk.InvalidCoordination(
                    List.of(new CoordinationForms.Problem("role", "coordination.error.role")));
        };
        return desk.list(me, box).stream().map(this::json).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return json(desk.visible(me, id));
    }

    @PostMapping("/{id}/answer")
    Map<String, Object> answer(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestBody AnswerBody body) {
        CoordinationAnswer answer = parse(CoordinationAnswer.class, body.answer(), "answer");
        return json(desk.answer(me, id, new CoordinationForms.Answer(answer, body.wording(), body.reasons())));
    }

    @PostMapping("/{id}/decision")
    Map<String, Object> decide(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestBody DecisionBody body) {
        AuthorityDecision decision = parse(AuthorityDecision.class, body.decision(), "decision");
        return json(desk.decide(me, id, new CoordinationForms.Decision(decision, body.wording(), body.reasons())));
    }

    /** A missing value is left to the form's own check; a value that is none of the names is 400 naming the field. */
    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new CoordinationDesk.InvalidCoordination(
                    List.of(new CoordinationForms.Problem(field, "coordination.error." + field + ".unknown")));
        }
    }

    private Map<String, Object> json(Coordination c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.getId());
        out.put("status", c.getStatus().name());
        out.put("itemId", c.getItemId());
        out.put("itemTitle", c.getItemTitle());
        out.put("fromAgency", desk.agencyName(c.getAgencyId()));
        out.put("toAgency", c.isOutside() ? null : desk.agencyName(c.getToAgencyId()));
        out.put("outsideAgency", c.getOutsideAgency());
        out.put("question", c.getQuestion());
        out.put("urgent", c.isUrgent());
        out.put("sentOn", c.getSentOn().toString());
        out.put("dueOn", desk.dueOn(c).toString());
        out.put("answer", c.getAnswer() == null ? null : c.getAnswer().name());
        out.put("wording", c.getWording());
        out.put("reasons", c.getReasons());
        out.put("answeredOn", c.getAnsweredOn() == null ? null : c.getAnsweredOn().toString());
        out.put("authority", c.getAuthorityAgencyId() == null ? null : desk.agencyName(c.getAuthorityAgencyId()));
        out.put("decision", c.getDecision() == null ? null : c.getDecision().name());
        out.put("decisionWording", c.getDecisionWording());
        out.put("decisionReasons", c.getDecisionReasons());
        return out;
    }

    @ExceptionHandler(CoordinationDesk.InvalidCoordination.class)
    ResponseEntity<Map<String, Object>> invalid(CoordinationDesk.InvalidCoordination e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems.forEach(p -> errors.putIfAbsent(p.field(), message(p.key())));
        return JsonFields.badRequest(errors);
    }

    @ExceptionHandler(CoordinationRuleViolation.class)
    ResponseEntity<Map<String, Object>> refused(CoordinationRuleViolation e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("status", 409, "rule", e.rule(), "message",
                message(e.rule())));
    }

    @ExceptionHandler(CoordinationDesk.CoordinationForbidden.class)
    ResponseEntity<Map<String, Object>> forbidden(CoordinationDesk.CoordinationForbidden e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("status", 403, "message",
                message("coordination.error.forbidden")));
    }

    @ExceptionHandler(CoordinationDesk.CoordinationNotFound.class)
    ResponseEntity<Map<String, Object>> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404, "message",
                message("coordination.error.notFound")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String field = JsonFields.unreadableField(e);
        return JsonFields.badRequest(Map.of(field, messages.getMessage("coordination.error.unreadable", new Object[] {field},
                Locale.SIMPLIFIED_CHINESE)));
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }
}
