package cn.gongkai.worklist;

import cn.gongkai.calendar.WorkCalendarChanged;
import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The State Council announces next year's holidays each November–December. From 1 November, while next year is
 * missing, every agency's administrator has a work item to import it, due 31 December; it closes itself once the
 * year is in the calendar.
 */
@Component
class CalendarUpkeep {

    static final String KIND = "CALENDAR_NEXT_YEAR";

    private final WorkCalendarStore calendars;
    private final OrgDirectory org;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    CalendarUpkeep(WorkCalendarStore calendars, OrgDirectory org, ApplicationEventPublisher events,
            MessageSource messages, Clock clock) {
        this.calendars = calendars;
        this.org = org;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    void check() {
        LocalDate today = LocalDate.now(clock.withZone(Deadline.ZONE));
        int next = today.getYear() + 1;
        boolean covered = calendars.covers(next);
        for (Agency agency : org.agencies()) {
            String subject = agency.getId() + ":" + next;
            if (covered) {
                events.publishEvent(new WorkItemDone("CALENDAR", subject, KIND));
            } else if (today.getMonth().compareTo(Month.NOVEMBER) >= 0) {
                String title = messages.getMessage("worklist.calendarUpkeep.title", new Object[] {String.valueOf(next)},
                        java.util.Locale.SIMPLIFIED_CHINESE);
                events.publishEvent(new WorkItemRequested(agency.getId(), "CALENDAR", subject, KIND, title,
                        "/workbench/calendar/years/" + next, null, Role.ADMIN.name(), null,
                        Deadline.fixedDate(LocalDate.of(today.getYear(), 12, 31))));
            }
        }
    }

    /** Also once at start-up, after the organisation has been set up. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void onStart() {
        check();
    }

    @ApplicationModuleListener
    void on(WorkCalendarChanged changed) {
        check();
    }
}
