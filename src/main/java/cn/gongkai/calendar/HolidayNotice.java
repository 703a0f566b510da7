package cn.gongkai.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one State Council holiday notice in the holiday-cn JSON format
 * ({@code {"year":2026,"days":[{"name":"元旦","date":"2026-01-01","isOffDay":true}]}}).
 * A notice's year may include dates of the previous December.
 */
final class HolidayNotice {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HolidayNotice() {
    }

    static List<CalendarDay> parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (RuntimeException e) {
            throw new InvalidCalendarImport("calendar.import.error.json");
        }
        JsonNode days = root == null ? null : root.get("days");
        if (days == null || !days.isArray()) {
            throw new InvalidCalendarImport("calendar.import.error.days");
        }
        List<CalendarDay> result = new ArrayList<>();
        for (JsonNode day : days) {
            JsonNode date = day.get("date");
            JsonNode off = day.get("isOffDay");
            JsonNode name = day.get("name");
            if (date == null || off == null || !off.isBoolean()) {
                throw new InvalidCalendarImport("calendar.import.error.day");
            }
            LocalDate parsed;
            try {
                parsed = LocalDate.parse(date.asString());
            } catch (DateTimeParseException e) {
                throw new InvalidCalendarImport("calendar.import.error.day");
            }
            result.add(new CalendarDay(parsed, off.asBoolean() ? DayKind.HOLIDAY : DayKind.ADJUSTED_WORKING_DAY,
                    name == null ? "" : name.asString()));
        }
        return result;
    }
}
