package cn.gongkai.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calendar API: what kind of day a date is and working-day arithmetic (public), and setting one day (administrator).
 */
@RestController
@RequestMapping(path = "/api/v1/calendar", produces = "application/json")
@Tag(name = "工作日历", description = "Working days, statutory holidays and adjusted working days (调休上班)")
class CalendarApiController {

    private final WorkCalendarStore store;
    private final MessageSource messages;

    CalendarApiController(WorkCalendarStore store, MessageSource messages) {
        this.store = store;
        this.messages = messages;
    }

    @GetMapping("/days/{date}")
    @Operation(summary = "What kind of day a date is: WORKDAY, WEEKEND, HOLIDAY or ADJUSTED_WORKING_DAY, with the "
            + "holiday's name")
    ResponseEntity<Map<String, Object>> day(@PathVariable String date) {
        LocalDate d = parse(date);
        if (d == null || !WorkCalendar.inRange(d)) {
            return badRequest("date", "calendar.api.error.date");
        }
        return ResponseEntity.ok(body(store.current().day(d)));
    }

    /** The body of PUT /days/{date}: a kind as GET answers it, and the holiday's name. */
    record DayRequest(String kind, String name) {
    }

    @PutMapping(path = "/days/{date}", consumes = "application/json")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set one day (administrator): HOLIDAY or ADJUSTED_WORKING_DAY with a name (at most 100 "
            + "characters), or the date's normal kind (WORKDAY Monday to Friday, WEEKEND on Saturday and Sunday) to "
            + "reset it. Answers the day as GET does; open deadlines are recomputed. Days before today (China time) "
            + "cannot be changed.", responses = {
                @ApiResponse(responseCode = "200", description = "the day as it now is"),
                @ApiResponse(responseCode = "400", description = "errors[].field names date, kind or name"),
                @ApiResponse(responseCode = "403", description = "not an administrator"),
                @ApiResponse(responseCode = "409", description = "the date is before today")})
    ResponseEntity<Map<String, Object>> setDay(@PathVariable String date, @RequestBody(required = false)
            DayRequest request) {
        LocalDate d = parse(date);
        if (d == null || !WorkCalendar.inRange(d)) {
            return badRequest("date", "calendar.api.error.date");
        }
        DayKind kind = kindOf(request == null ? null : request.kind());
        if (kind == null) {
            return badRequest("kind", "calendar.api.error.kind");
        }
        String name = request.name() == null ? "" : request.name().trim();
        DayKind normal = normalKind(d);
        try {
            if (kind == DayKind.HOLIDAY || kind == DayKind.ADJUSTED_WORKING_DAY) {
                store.save(new CalendarDay(d, kind, name));
            } else if (kind != normal) {
                return badRequest("kind", normal == DayKind.WEEKEND ? "calendar.api.error.normalWeekend"
                        : "calendar.api.error.normalWorkday");
            } else if (!name.isEmpty()) {
                return badRequest("name", "calendar.api.error.normalName");
            } else {
                store.remove(d);
            }
        } catch (CalendarDayInPast e) {
            String message = messages.getMessage(e.getMessage(), new Object[] {e.date().toString()},
                    LocaleContextHolder.getLocale());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("status", 409, "rule", e.getMessage(),
                    "message", message));
        } catch (InvalidCalendarImport e) {
            return badRequest("name", e.getMessage());
        }
        return ResponseEntity.ok(body(store.current().day(d)));
    }

    private static DayKind kindOf(String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return DayKind.valueOf(kind.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What the Monday-to-Friday rule makes a date. */
    private static DayKind normalKind(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? DayKind.WEEKEND : DayKind.WORKDAY;
    }

    private static Map<String, Object> body(CalendarDay day) {
        LocalDate d = day.date();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", d.toString());
        body.put("workingDay", day.workingDay());
        body.put("kind", day.kind().name());
        body.put("name", day.name());
        return body;
    }

    @GetMapping("/plus-working-days")
    @Operation(summary = "The n-th working day after a date (the start day is not counted)")
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

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return badRequest("body", "calendar.api.error.body");
    }

    private ResponseEntity<Map<String, Object>> badRequest(String field, String key) {
        String message = messages.getMessage(key, null, LocaleContextHolder.getLocale());
        return ResponseEntity.badRequest().body(Map.of("status", 400, "message", message,
                "errors", List.of(Map.of("field", field, "message", message))));
    }
}
