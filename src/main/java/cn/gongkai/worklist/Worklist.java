package cn.gongkai.worklist;

import cn.gongkai.calendar.WorkCalendar;
import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.StaffPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, closes and recomputes work items, and answers "my open work" with lights. */
@Service
public class Worklist {

    private final WorkItems items;
    private final WorkCalendarStore calendars;
    private final OrgDirectory org;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Worklist(WorkItems items, WorkCalendarStore calendars, OrgDirectory org, ApplicationEventPublisher events,
            Clock clock) {
        this.items = items;
        this.calendars = calendars;
        this.org = org;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void open(WorkItemRequested request) {
        WorkCalendar calendar = calendars.current();
        Instant now = Instant.now(clock);
        items.findBySubjectTypeAndSubjectIdAndKind(request.subjectType(), request.subjectId(), request.kind())
                .ifPresentOrElse(item -> item.reopen(request, calendar, now),
                        () -> items.save(new WorkItem(request, calendar, now)));
    }

    @Transactional
    void close(WorkItemDone done) {
        items.findBySubjectTypeAndSubjectIdAndKind(done.subjectType(), done.subjectId(), done.kind())
                .ifPresent(item -> item.close(Instant.now(clock)));
    }

    /** After a calendar change: every open working-day deadline is derived again. Returns how many moved. */
    @Transactional
    int recomputeAll() {
        WorkCalendar calendar = calendars.reload();
        Instant now = Instant.now(clock);
        int moved = 0;
        for (WorkItem item : items.findOpenCountedInWorkingDays()) {
            if (item.recompute(calendar, now)) {
                moved++;
            }
        }
        return moved;
    }

    /** The scheduler's pass: red items are escalated once, yellow items reminded once. */
    @Transactional
    public void checkDeadlines() {
        Instant now = Instant.now(clock);
        WorkCalendar calendar = calendars.current();
        for (WorkItem item : items.findOpenPastDue(now)) {
            if (item.escalate()) {
                events.publishEvent(item.overdue());
            }
        }
        LocalDate today = now.atZone(Deadline.ZONE).toLocalDate();
        for (WorkItem item : items.findOpenNotEscalated()) {
            if (item.hasExplicitReminders()) {
                int left = calendar.workingDaysBetween(today, item.getDueOn());
                item.reminderDue(left).ifPresent(days -> {
                    item.reminderSent(days);
                    events.publishEvent(item.dueSoon());
                });
            } else if (item.light(calendar, now, yellowDays(item.getAgencyId())) == Light.YELLOW && item.remind()) {
                events.publishEvent(item.dueSoon());
            }
        }
    }

    /** The signed-in member's open work, most urgent first. */
    @Transactional(readOnly = true)
    public List<OpenWork> openFor(StaffPrincipal me) {
        WorkCalendar calendar = calendars.current();
        Instant now = Instant.now(clock);
        int yellow = yellowDays(me.agencyId());
        List<String> roles = me.roles().stream().map(Enum::name).toList();
        return items.findOpenFor(me.agencyId(), me.id(), me.departmentId(), roles.isEmpty() ? List.of("-") : roles)
                .stream().map(i -> new OpenWork(i.getId(), i.getTitle(), i.getLink(), i.getKind(), i.getDueOn(),
                        i.getUnit() == DeadlineUnit.CLOCK_HOURS ? i.getDueAt() : null, i.light(calendar, now, yellow),
                        calendar.workingDaysBetween(now.atZone(Deadline.ZONE).toLocalDate(), i.getDueOn()),
                        i.getUnit() == DeadlineUnit.CLOCK_HOURS
                                ? java.time.Duration.between(now, i.getDueAt()).toMinutes() : null))
                .toList();
    }

    /** How many of the member's open work items are past due (red), for the count beside 我的待办. */
    @Transactional(readOnly = true)
    public long overdueCount(StaffPrincipal me) {
        Instant now = Instant.now(clock);
        List<String> roles = me.roles().stream().map(Enum::name).toList();
        return items.findOpenFor(me.agencyId(), me.id(), me.departmentId(), roles.isEmpty() ? List.of("-") : roles)
                .stream().filter(i -> !now.isBefore(i.getDueAt())).count();
    }

    public static Map<Light, Long> countByLight(List<OpenWork> work) {
        Map<Light, Long> counts = new EnumMap<>(Light.class);
        for (Light l : Light.values()) {
            counts.put(l, work.stream().filter(w -> w.light() == l).count());
        }
        return counts;
    }

    private int yellowDays(Long agencyId) {
        return org.agency(agencyId).map(a -> a.getYellowDays()).orElse(3);
    }

    /** One row of 我的待办. {@code workingDaysLeft} is negative when overdue. */
    public record OpenWork(Long id, String title, String link, String kind, LocalDate dueOn, Instant dueAt,
            Light light, int workingDaysLeft, Long minutesLeft) {

        public String dueLabel() {
            return Deadline.label(dueOn, dueAt);
        }

        /** For an hour clock: whole hours and minutes left (or late), for 剩 1 小时 5 分 / 超时 0 小时 12 分. */
        public long hoursPart() {
            return minutesLeft == null ? 0 : Math.abs(minutesLeft) / 60;
        }

        public long minutesPart() {
            return minutesLeft == null ? 0 : Math.abs(minutesLeft) % 60;
        }
    }
}
