package cn.gongkai.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 工作日历: a month as a grid for everyone; a year's special days edited or imported by the administrator. */
@Controller
@RequestMapping("/workbench/calendar")
class CalendarController {

    private final WorkCalendarStore store;

    CalendarController(WorkCalendarStore store) {
        this.store = store;
    }

    @GetMapping
    String month(@RequestParam(required = false) String month, Model model,
            jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("canEdit", request.isUserInRole("ADMIN"));
        // Today is China's (the platform clock in Asia/Shanghai), whatever the server's zone.
        LocalDate today = store.today();
        YearMonth ym;
        try {
            ym = month == null || month.isBlank() ? YearMonth.from(today) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            ym = YearMonth.from(today);
            model.addAttribute("problem", "calendar.month.invalid");
        }
        WorkCalendar calendar = store.current();
        List<List<CalendarDay>> weeks = new ArrayList<>();
        LocalDate first = ym.atDay(1);
        LocalDate cursor = first.minusDays(first.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
        while (!cursor.isAfter(ym.atEndOfMonth())) {
            List<CalendarDay> week = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                week.add(cursor.getMonth() == ym.getMonth() ? calendar.day(cursor) : null);
                cursor = cursor.plusDays(1);
            }
            weeks.add(week);
        }
        model.addAttribute("month", ym);
        model.addAttribute("today", today);
        model.addAttribute("previous", ym.minusMonths(1));
        model.addAttribute("next", ym.plusMonths(1));
        model.addAttribute("weeks", weeks);
        model.addAttribute("yearCovered", store.covers(ym.getYear()));
        return "calendar/month";
    }

    @GetMapping("/years/{year}")
    @PreAuthorize("hasRole('ADMIN')")
    String year(@PathVariable int year, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("days", store.specialDays(year));
        model.addAttribute("kinds", List.of(DayKind.HOLIDAY, DayKind.ADJUSTED_WORKING_DAY));
        model.addAttribute("today", store.today());
        return "calendar/year";
    }

    @PostMapping("/years/{year}/days")
    @PreAuthorize("hasRole('ADMIN')")
    String saveDay(@PathVariable int year, @RequestParam(required = false) String date,
            @RequestParam(required = false) DayKind kind, @RequestParam(required = false) String name, Model model,
            RedirectAttributes flash) {
        String problem = null;
        LocalDate parsed = null;
        try {
            parsed = LocalDate.parse(date == null ? "" : date.trim());
        } catch (DateTimeParseException e) {
            problem = "calendar.day.error.date";
        }
        if (problem == null && kind == null) {
            problem = "calendar.day.error.kind";
        }
        if (problem == null) {
            try {
                store.save(new CalendarDay(parsed, kind, name == null ? "" : name.trim()));
                flash.addFlashAttribute("notice", "calendar.day.saved");
                return "redirect:/workbench/calendar/years/" + parsed.getYear();
            } catch (CalendarDayInPast e) {
                model.addAttribute("pastDay", e.date());
            } catch (InvalidCalendarImport e) {
                problem = e.getMessage();
            }
        }
        model.addAttribute("problem", problem);
        model.addAttribute("typedDate", date);
        model.addAttribute("typedKind", kind);
        model.addAttribute("typedName", name);
        return year(year, model);
    }

    @PostMapping("/years/{year}/days/{date}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String removeDay(@PathVariable int year, @PathVariable LocalDate date, RedirectAttributes flash) {
        try {
            store.remove(date);
            flash.addFlashAttribute("notice", "calendar.day.removed");
        } catch (CalendarDayInPast e) {
            flash.addFlashAttribute("pastDay", e.date());
        }
        return "redirect:/workbench/calendar/years/" + year;
    }

    @PostMapping("/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importNotice(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String json, RedirectAttributes flash) throws IOException {
        String content = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : json;
        if (content == null || content.isBlank()) {
            flash.addFlashAttribute("problem", "calendar.import.error.empty");
            return "redirect:/workbench/calendar";
        }
        try {
            WorkCalendarStore.ImportResult result = store.importNotice(content);
            if (result.imported() > 0) {
                flash.addFlashAttribute("notice", "calendar.import.done");
            }
            flash.addFlashAttribute("importedCount", result.imported());
            if (!result.refusedPastDays().isEmpty()) {
                flash.addFlashAttribute("pastDays", String.join("、",
                        result.refusedPastDays().stream().map(LocalDate::toString).toList()));
            }
        } catch (InvalidCalendarImport e) {
            flash.addFlashAttribute("problem", e.getMessage());
            flash.addFlashAttribute("typedJson", json);
        }
        return "redirect:/workbench/calendar";
    }
}
