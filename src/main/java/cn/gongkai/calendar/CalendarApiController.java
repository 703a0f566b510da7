package cn.gongkai.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public calendar API: what kind of day a date is, and working-day arithmetic. */
@RestController
@RequestMapping(path = "/api/v1/calendar", produces = "application/json")
class CalendarApiController {

    private final WorkCalendarStore store;
    private final MessageSource messages;

    CalendarApiController(WorkCalendarStore store, MessageSource messages) {
        this.store = store;
        this.messages = messages;
    }

    @GetMapping("/days/{date}")
    ResponseEntity<Map<String, Object>> day(@PathVariable String date) {
        LocalDate d = parse(date);
        if (d == null || !WorkCalendar.inRange(d)) {
            return badRequest("date", "calendar.api.error.date");
        }
        CalendarDay day = store.current().day(d);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", d.toString());
        body.put("workingDay", day.workingDay());
        body.put("kind", day.kind().name());
        body.put("name", day.name());
        return ResponseEntity.ok(body);
    }

    @GetMapping("/plus-working-days")
    ResponseEntity<Map<String, Object>> plus(@RequestParam(required = false) String from,
            @RequestParam(required = false) String days) {
        LocalDate d = parse(from);
        if (d == null || !WorkCalendar.inRange(d)) {
            return badRequest("from", "calendar.api.error.date");
        }
        int n;
        try {
            n = Integer.parseInt(days == null ? "" : days.trim());
        } catch (NumberFormatException e) {
            return badRequest("days", "calendar.api.error.days");
        }
        if (n < 0 || n > 3650) {
            return badRequest("days", "calendar.api.error.days");
        }
        LocalDate due;
        try {
            due = store.current().plusWorkingDays(d, n);
        } catch (IllegalArgumentException e) {
            return badRequest("days", "calendar.api.error.range");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", d.toString());
        body.put("days", n);
        body.put("due", due.toString());
        return ResponseEntity.ok(body);
    }

    private static LocalDate parse(String s) {
        try {
            return s == null ? null : LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private ResponseEntity<Map<String, Object>> badRequest(String field, String key) {
        String message = messages.getMessage(key, null, LocaleContextHolder.getLocale());
        return ResponseEntity.badRequest().body(Map.of("status", 400, "message", message,
                "errors", java.util.List.of(Map.of("field", field, "message", message))));
    }
}
