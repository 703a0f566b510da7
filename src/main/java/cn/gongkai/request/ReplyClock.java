package cn.gongkai.request;

import cn.gongkai.calendar.WorkCalendar;
import java.time.LocalDate;

/**
 * The reply deadline as its inputs (Regulations Art. 30–33; 依申请公开制度 三; 工作职责 五.4): the clock starts on the
 * (effective) received date, or on receipt of the amendment; the day itself is not counted; consultation days are not
 * counted; an approved extension is added. The due date is derived from the calendar each time it is asked.
 */
record ReplyClock(LocalDate clockStart, int allowance, int extensionDays, int pausedDays, LocalDate pausedSince) {

    static final int DEFAULT_ALLOWANCE = 15;
    static final int STATUTORY_MAX_ALLOWANCE = 20;
    static final int DEFAULT_EXTENSION = 15;
    static final int MAX_EXTENSION = 20;
    static final int AMENDMENT_WINDOW = 7;

    ReplyClock {
        if (allowance < 1 || allowance > STATUTORY_MAX_ALLOWANCE) {
            throw new IllegalArgumentException("allowance must be 1–20 working days (Regulations Art. 33)");
        }
        if (extensionDays < 0 || extensionDays > MAX_EXTENSION) {
            throw new IllegalArgumentException("an extension is at most 20 working days");
        }
    }

    /** A request received on a rest day counts as received on the next working day (Art. 31 practice). */
    static LocalDate effectiveReceivedOn(WorkCalendar calendar, LocalDate receivedOn) {
        return calendar.nextWorkingDayOnOrAfter(receivedOn);
    }

    /** Working days not counted so far, including a consultation still running on {@code today}. */
    int notCounted(WorkCalendar calendar, LocalDate today) {
        int ongoing = pausedSince == null ? 0 : Math.max(0, calendar.workingDaysBetween(pausedSince, today));
        return pausedDays + ongoing;
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
        return new ReplyClock(amendedOn, allowance, extensionDays, 0, null);
    }

    ReplyClock pause(LocalDate since) {
        return new ReplyClock(clockStart, allowance, extensionDays, pausedDays, since);
    }

    ReplyClock resume(WorkCalendar calendar, LocalDate today) {
        return new ReplyClock(clockStart, allowance, extensionDays, notCounted(calendar, today), null);
    }

    ReplyClock extend(int days) {
        return new ReplyClock(clockStart, allowance, days, pausedDays, pausedSince);
    }
}
