package cn.gongkai.calendar;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calendar's special days in PostgreSQL and the current {@link WorkCalendar} built from them. Every change is
 * audited and publishes {@link WorkCalendarChanged}, on which open deadlines are recomputed. Days before today (China
 * time) are history and cannot be changed by an administrator; seeding an empty calendar at first start is not a change.
 */
@Service
public class WorkCalendarStore {

    /** The longest holiday name {@code calendar_day.name} holds. */
    public static final int NAME_MAX_LENGTH = 100;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final SpecialDays days;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;
    private final AtomicReference<WorkCalendar> current = new AtomicReference<>();

    WorkCalendarStore(SpecialDays days, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.days = days;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today in China, by the application's clock: the first day an administrator may still change. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** The calendar as last committed. */
    public WorkCalendar current() {
        WorkCalendar calendar = current.get();
        if (calendar == null) {
            calendar = reload();
        }
        return calendar;
    }

    /**
     * Re-reads the special days (also after another node changed them). Reading and publishing the result happen
     * under one lock, so a reload that read before a change committed cannot overwrite the calendar read after it
     * (a listener reloading for the previous change raced the committing thread's own reload).
     */
    @Transactional(readOnly = true)
    public WorkCalendar reload() {
        synchronized (current) {
            WorkCalendar calendar = WorkCalendar.of(days.findAll().stream().map(SpecialDay::toDay).toList());
            current.set(calendar);
            return calendar;
        }
    }

    /** The holidays and adjusted working days whose date falls in a year, in date order. */
    public List<CalendarDay> specialDays(int year) {
        return current().specialDays().stream().filter(d -> d.date().getYear() == year)
                .sorted(Comparator.comparing(CalendarDay::date)).toList();
    }

    /** Whether the State Council's arrangement for a year is in the calendar (any holiday that year). */
    public boolean covers(int year) {
        return current().specialDays().stream()
                .anyMatch(d -> d.date().getYear() == year && d.kind() == DayKind.HOLIDAY);
    }

    @Transactional
    public void save(CalendarDay day) {
        if (day.kind() != DayKind.HOLIDAY && day.kind() != DayKind.ADJUSTED_WORKING_DAY) {
            throw new InvalidCalendarImport("calendar.day.error.kind");
        }
        if (!WorkCalendar.inRange(day.date())) {
            throw new InvalidCalendarImport("calendar.day.error.range");
        }
        if (day.name().isBlank()) {
            throw new InvalidCalendarImport("calendar.day.error.name");
        }
        if (day.name().length() > NAME_MAX_LENGTH) {
            throw new InvalidCalendarImport("calendar.day.error.nameLength");
        }
        requireNotPast(day.date());
        var existing = days.findById(day.date());
        String before = existing.map(d -> describe(d.toDay())).orElse(null);
        existing.ifPresentOrElse(d -> d.apply(day), () -> days.save(new SpecialDay(day)));
        changed(Set.of(day.date().getYear()), "CALENDAR_DAY_SAVED", day.date().toString(), before, describe(day));
    }

    /** Gives a date back its Monday-to-Friday kind (a holiday or adjusted working day no longer). */
    @Transactional
    public void remove(LocalDate date) {
        requireNotPast(date);
        days.findById(date).ifPresent(d -> {
            String before = describe(d.toDay());
            days.delete(d);
            changed(Set.of(date.getYear()), "CALENDAR_DAY_REMOVED", date.toString(), before, null);
        });
    }

    /**
     * Imports one State Council notice in the reference JSON format. Its days replace those of the same dates, except
     * days before today that would change: those are history and are left as they are, and reported (a notice imported
     * late, after its first holiday, still brings in the rest of its year). Days before today that the calendar already
     * has as the notice says are not changes and count as imported.
     */
    @Transactional
    public ImportResult importNotice(String json) {
        List<CalendarDay> notice = HolidayNotice.parse(json);
        if (notice.isEmpty()) {
            throw new InvalidCalendarImport("calendar.import.error.empty");
        }
        for (CalendarDay day : notice) {
            if (!WorkCalendar.inRange(day.date())) {
                throw new InvalidCalendarImport("calendar.day.error.range");
            }
        }
        LocalDate today = today();
        Set<Integer> years = new TreeSet<>();
        List<LocalDate> refused = new ArrayList<>();
        int imported = 0;
        for (CalendarDay day : notice) {
            var existing = days.findById(day.date());
            boolean unchanged = existing.map(d -> d.toDay().equals(day)).orElse(false);
            if (day.date().isBefore(today) && !unchanged) {
                refused.add(day.date()); // the calendar of past days is history (issue 9)
                continue;
            }
            existing.ifPresentOrElse(d -> d.apply(day), () -> days.save(new SpecialDay(day)));
            years.add(day.date().getYear());
            imported++;
        }
        if (!years.isEmpty()) {
            changed(years, "CALENDAR_IMPORTED", years.toString(), null,
                    imported + " days" + (refused.isEmpty() ? "" : ", past days left unchanged: " + refused));
        }
        return new ImportResult(imported, List.copyOf(refused));
    }

    /** What an import did: how many days of the notice are now in the calendar, and the past days it left alone. */
    public record ImportResult(int imported, List<LocalDate> refusedPastDays) {
    }

    /** Seeds an empty calendar without auditing each day (first start only). */
    @Transactional
    void seed(Collection<CalendarDay> seedDays) {
        seedDays.forEach(d -> days.save(new SpecialDay(d)));
        afterCommitReload();
    }

    private void requireNotPast(LocalDate date) {
        if (date.isBefore(today())) {
            throw new CalendarDayInPast(date); // the calendar of past days is history (issue 9)
        }
    }

    boolean isEmpty() {
        return days.count() == 0;
    }

    private void changed(Set<Integer> years, String action, String objectId, String before, String after) {
        audit.record(AuditRecord.of(null, action, "CALENDAR", objectId, null).withChange(before, after));
        events.publishEvent(new WorkCalendarChanged(Set.copyOf(years), action));
        afterCommitReload();
    }

    private void afterCommitReload() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reload();
                }
            });
        } else {
            reload();
        }
    }

    private static String describe(CalendarDay day) {
        return day.date() + " " + day.kind() + " " + day.name();
    }
}
