package cn.gongkai.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;

/**
 * The JSON APIs' answers to bad input, in one shape: 400 {@code {"status":400,"message","errors":[{"field","message"}]}},
 * the first error's message on top; and the field a body that could not be read stumbled on.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** The name of the property the reader was at when the body could not be read, or {@code body}. */
    public static String unreadableField(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException j && !j.getPath().isEmpty()
                    && j.getPath().getLast().getPropertyName() != null) {
                return j.getPath().getLast().getPropertyName();
            }
        }
        return "body";
    }

    /** 400 naming each field: {@code errors} holds {@code field → message}, in order. */
    public static ResponseEntity<Map<String, Object>> badRequest(Map<String, String> errors) {
        List<Map<String, String>> list = errors.entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 400);
        body.put("message", list.isEmpty() ? "" : list.getFirst().get("message"));
        body.put("errors", list);
        return ResponseEntity.badRequest().body(body);
    }
}
