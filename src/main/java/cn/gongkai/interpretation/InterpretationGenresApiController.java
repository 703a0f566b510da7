package cn.gongkai.interpretation;

import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agency's genres whose documents need an interpretation plan (三同步 三), for the office and the administrator:
 * {@code GET} and {@code PUT /api/v1/interpretation/genres} {@code {"genres":["规章","行政规范性文件","规划"]}} (an empty
 * list brings back those defaults).
 */
@RestController
@RequestMapping(path = "/api/v1/interpretation/genres", produces = MediaType.APPLICATION_JSON_VALUE)
class InterpretationGenresApiController {

    record GenresRequest(List<String> genres) {
    }

    private final Interpretations interpretations;
    private final MessageSource messages;

    InterpretationGenresApiController(Interpretations interpretations, MessageSource messages) {
        this.interpretations = interpretations;
        this.messages = messages;
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> get(@AuthenticationPrincipal StaffPrincipal me) {
        if (!allowed(me)) {
            return forbidden();
        }
        return ResponseEntity.ok(Map.of("genres", interpretations.genres(me.agencyId())));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> put(@AuthenticationPrincipal StaffPrincipal me,
            @RequestBody GenresRequest request) {
        if (!allowed(me)) {
            return forbidden();
        }
        List<String> genres = request == null || request.genres() == null ? List.of() : request.genres();
        try {
            return ResponseEntity.ok(Map.of("genres", interpretations.setGenres(me.agencyId(), genres)));
        } catch (IllegalArgumentException e) {
            String text = messages.getMessage(e.getMessage(), null, e.getMessage(), LocaleContextHolder.getLocale());
            return ResponseEntity.badRequest().body(Map.of("status", 400, "message", text, "errors",
                    List.of(Map.of("field", "genres", "message", text))));
        }
    }

    private static boolean allowed(StaffPrincipal me) {
        return me.has(Role.OFFICE) || me.has(Role.ADMIN);
    }

    private static ResponseEntity<Map<String, Object>> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("status", 403, "message", "无权访问"));
    }
}
