package cn.gongkai.request;

import cn.gongkai.calendar.WorkCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The reply deadline as its inputs (Regulations Art. 30–33; 依申请公开制度 三; 工作职责 五.4): the clock starts on the
 * received date, or on receipt of the amendment; the day itself is not counted; the time a fee notice waits for
 * payment and the time consultations run (each up to its own due date) are not counted; an approved extension is
 * added. The due date is derived from the calendar each time it is asked, until the request closes and freezes it.
 */
record ReplyClock(LocalDate clockStart, int allowance, int extensionDays, int pausedDays, LocalDate pausedSince,
        List<Pause> consultations) {

    static final int DEFAULT_ALLOWANCE = 15;
    static final int STATUTORY_MAX_ALLOWANCE = 20;
    static final int DEFAULT_EXTENSION = 15;
    /** Regulations Art. 33: an extension is at most 20 working days; the bureau's own limit may be lower. */
    static final int STATUTORY_MAX_EXTENSION = 20;
    static final int AMENDMENT_WINDOW = 7;

    /** A span not counted: from {@code from} (counted) to {@code until} (not counted), at most to {@code cap}. */
    record Pause(LocalDate from, LocalDate until, LocalDate cap) {
    }

    ReplyClock {
        if (allowance < 1 || allowance > STATUTORY_MAX_ALLOWANCE) {
            throw new IllegalArgumentException("allowance must be 1–20 working days (Regulations Art. 33)");
        }
        if (extensionDays < 0 || extensionDays > STATUTORY_MAX_EXTENSION) {
            throw new IllegalArgumentException("an extension is at most 20 working days");
        }
        consultations = consultations == null ? List.of() : List.copyOf(consultations);
    }

    ReplyClock(LocalDate clockStart, int allowance, int extensionDays, int pausedDays, LocalDate pausedSince) {
        this(clockStart, allowance, extensionDays, pausedDays, pausedSince, List.of());
    }

    /**
     * The date from which the reply period is counted (Art. 31). In person and by (registered) post the request is
     * received on the day it is handed in or signed for, even a rest day: that day is not counted and counting starts
     * on the next working day, which {@link WorkCalendar#plusWorkingDays} does by itself. Online, by fax or by e-mail
     * a request that arrives on a rest day counts as received on the next working day.
     */
    static LocalDate effectiveReceivedOn(WorkCalendar calendar, RequestChannel channel, LocalDate submittedOn) {
        return channel.receivedOnTheDayItself() ? submittedOn : calendar.nextWorkingDayOnOrAfter(submittedOn);
    }

    /** Working days not counted so far: fee notices, and consultations (their union) up to {@code today}. */
    int notCounted(WorkCalendar calendar, LocalDate today) {
        int ongoing = pausedSince == null ? 0 : Math.max(0, calendar.workingDaysBetween(pausedSince, today));
        return pausedDays + ongoing + consulted(calendar, today);
    }

    /** Working days in the union of the consultations' spans after the clock's start, up to {@code today}. */
    private int consulted(WorkCalendar calendar, LocalDate today) {
        List<LocalDate[]> spans = new ArrayList<>();
        for (Pause p : consultations) {
            LocalDate from = p.from().isBefore(clockStart) ? clockStart : p.from();
            LocalDate to = min(min(p.until() == null ? today : p.until(), p.cap()), today);
            if (to.isAfter(from)) {
                spans.add(new LocalDate[] {from, to});
            }
        }
        spans.sort(Comparator.comparing(s -> s[0]));
        int days = 0;
        LocalDate from = null;
        LocalDate to = null;
        for (LocalDate[] s : spans) {
            if (to != null && !s[0].isAfter(to)) {
                to = max(to, s[1]);
                continue;
            }
            if (to != null) {
                days += calendar.workingDaysBetween(from, to);
            }
            from = s[0];
            to = s[1];
        }
        return to == null ? days : days + calendar.workingDaysBetween(from, to);
    }

    /** The due date without the extension: an extension must be decided before it. */
    LocalDate originalDue(WorkCalendar calendar, LocalDate today) {
        return calendar.plusWorkingDays(clockStart, allowance + notCounted(calendar, today));
    }

    LocalDate due(WorkCalendar calendar, LocalDate today) {
        return calendar.plusWorkingDays(clockStart, allowance + extensionDays + notCounted(calendar, today));
    }

    /** 补正 may be asked only within 7 working days of receipt (Art. 30). */
    boolean amendmentWindowOpen(WorkCalendar calendar, LocalDate receivedOn, LocalDate today) {
        return !today.isAfter(calendar.plusWorkingDays(receivedOn, AMENDMENT_WINDOW));
    }

    ReplyClock restartOn(LocalDate amendedOn) {
        return new ReplyClock(amendedOn, allowance, extensionDays, 0, null, consultations);
    }

    ReplyClock pause(LocalDate since) {
        return new ReplyClock(clockStart, allowance, extensionDays, pausedDays, since, consultations);
    }

    ReplyClock resume(WorkCalendar calendar, LocalDate today) {
        int fee = pausedSince == null ? 0 : Math.max(0, calendar.workingDaysBetween(pausedSince, today));
        return new ReplyClock(clockStart, allowance, extensionDays, pausedDays + fee, null, consultations);
    }

    ReplyClock extend(int days) {
        return new ReplyClock(clockStart, allowance, days, pausedDays, pausedSince, consultations);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
