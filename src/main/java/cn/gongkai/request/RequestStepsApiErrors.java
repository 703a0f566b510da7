package cn.gongkai.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;

/**
 * The request APIs' answers to refusals (intake, tracking, the actions endpoint and every step): 400 names each bad field (a value that is not a date, a number or one of the
 * enum's names included), 409 names the rule, 403 a step the role may not take, 404 a request not visible.
 */
@RestControllerAdvice(assignableTypes = {RequestApiController.class, RequestStepsApiController.class})
class RequestStepsApiErrors {

    private final MessageSource messages;

    RequestStepsApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RequestDesk.RequestNotFound.class)
    ResponseEntity<Map<String, Object>> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404, "message",
                message("request.track.notFound")));
    }

    @ExceptionHandler(RequestRuleViolation.class)
    ResponseEntity<Map<String, Object>> refused(RequestRuleViolation e) {
        HttpStatus status = "request.error.notAllowed".equals(e.rule()) ? HttpStatus.FORBIDDEN
                : e.field() != null ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
        String text = messages.getMessage(e.rule(), e.args(), e.rule(), LocaleContextHolder.getLocale());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("rule", e.rule());
        body.put("message", text);
        if (e.field() != null) {
            body.put("errors", List.of(Map.of("field", e.field(), "message", text)));
        }
        return ResponseEntity.status(status).body(body);
    }

    /** Unreadable JSON: the field whose value could not be read, when Jackson knows it. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String field = null;
        for (Throwable t = e.getCause(); t != null && field == null; t = t.getCause()) {
            if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference ref : j.getPath()) {
                    if (ref.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0) {
                        path.append('[').append(ref.getIndex()).append(']');
                    }
                }
                field = path.toString();
            }
        }
        String text = field == null ? message("request.api.unreadable")
                : messages.getMessage("request.api.badField", new Object[] {field}, LocaleContextHolder.getLocale());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 400);
        body.put("message", text);
        body.put("errors", List.of(Map.of("field", field == null ? "body" : field, "message", text)));
        return ResponseEntity.badRequest().body(body);
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
