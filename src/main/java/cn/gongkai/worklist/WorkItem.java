package cn.gongkai.worklist;

import cn.gongkai.calendar.WorkCalendar;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An open piece of work with an owner and a deadline; its due date is derived, stored only for querying. */
@Entity
@Table(name = "work_item")
class WorkItem {

    enum State {
        OPEN, CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private String subjectType;
    private String subjectId;
    private String kind;
    private String title;
    private String link;
    private Long ownerDepartmentId;
    private String ownerRole;
    private Long ownerUserId;
    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_unit")
    private DeadlineUnit unit;
    @Column(name = "deadline_start")
    private LocalDate start;
    @Column(name = "deadline_amount")
    private int amount;
    @Column(name = "deadline_start_at")
    private Instant startAt;
    private LocalDate dueOn;
    private Instant dueAt;
    @Enumerated(EnumType.STRING)
    private State state;
    private boolean reminded;
    private boolean escalated;
    private boolean escalateToLeaders;
    private String reminderDays;
    private String remindersSent;
    private Instant openedAt;
    private Instant closedAt;

    protected WorkItem() {
    }

    WorkItem(WorkItemRequested request, WorkCalendar calendar, Instant now) {
        this.subjectType = request.subjectType();
        this.subjectId = request.subjectId();
        this.kind = request.kind();
        reopen(request, calendar, now);
    }

    void reopen(WorkItemRequested request, WorkCalendar calendar, Instant now) {
        this.agencyId = request.agencyId();
        this.title = request.title();
        this.link = request.link();
        this.ownerDepartmentId = request.ownerDepartmentId();
        this.ownerRole = request.ownerRole();
        this.ownerUserId = request.ownerUserId();
        this.escalateToLeaders = request.escalateToLeaders();
        Deadline d = request.deadline();
        this.unit = d.unit();
        this.start = d.start();
        this.amount = d.amount();
        this.startAt = d.startAt();
        this.state = State.OPEN;
        this.reminded = false;
        this.escalated = false;
        this.reminderDays = request.reminderDays().isEmpty() ? null
                : String.join(",", request.reminderDays().stream().map(String::valueOf).toList());
        this.remindersSent = null;
        this.openedAt = now;
        this.closedAt = null;
        recompute(calendar, now);
    }

    Deadline deadline() {
        return new Deadline(unit, start, amount, startAt);
    }

    /** Derives the due date again from the stored inputs; returns true when it moved. */
    boolean recompute(WorkCalendar calendar, Instant now) {
        LocalDate before = dueOn;
        this.dueOn = deadline().dueOn(calendar);
        this.dueAt = deadline().dueAt(calendar);
        if (escalated && now.isBefore(dueAt)) {
            escalated = false;
        }
        return before != null && !before.equals(dueOn);
    }

    void close(Instant now) {
        if (state == State.OPEN) {
            state = State.CLOSED;
            closedAt = now;
        }
    }

    Light light(WorkCalendar calendar, Instant now, int yellowDays) {
        if (!now.isBefore(dueAt)) {
            return Light.RED;
        }
        LocalDate today = now.atZone(Deadline.ZONE).toLocalDate();
        if (unit == DeadlineUnit.CLOCK_HOURS) {
            // An hour clock turns yellow when half its time has gone (a 1-hour report at 30 minutes).
            long half = 3600L * amount / 2;
            return !now.isBefore(startAt.plusSeconds(half)) ? Light.YELLOW : Light.GREEN;
        }
        return calendar.workingDaysBetween(today, dueOn) <= yellowDays ? Light.YELLOW : Light.GREEN;
    }

    /** Marks the item escalated; true only the first time it passes due. */
    boolean escalate() {
        if (escalated) {
            return false;
        }
        escalated = true;
        return true;
    }

    /** The explicit reminder due now (the smallest window reached and not yet sent), if any. */
    java.util.Optional<Integer> reminderDue(int workingDaysLeft) {
        if (reminderDays == null) {
            return java.util.Optional.empty();
        }
        java.util.Set<String> sent = remindersSent == null ? java.util.Set.of()
                : java.util.Set.of(remindersSent.split(","));
        return java.util.Arrays.stream(reminderDays.split(",")).map(Integer::valueOf)
                .filter(d -> workingDaysLeft <= d && !sent.contains(String.valueOf(d)))
                .min(Integer::compare);
    }

    /** Marks this reminder and every larger window as sent (one message even when two windows are passed at once). */
    void reminderSent(int days) {
        java.util.Set<String> sent = new java.util.TreeSet<>();
        if (remindersSent != null) {
            sent.addAll(java.util.List.of(remindersSent.split(",")));
        }
        java.util.Arrays.stream(reminderDays.split(",")).filter(d -> Integer.parseInt(d) >= days).forEach(sent::add);
        remindersSent = String.join(",", sent);
    }

    boolean hasExplicitReminders() {
        return reminderDays != null;
    }

    boolean remind() {
        if (reminded) {
            return false;
        }
        reminded = true;
        return true;
    }

    WorkItemOverdue overdue() {
        return new WorkItemOverdue(id, agencyId, title, link, ownerDepartmentId, ownerRole, ownerUserId, dueOn,
                escalateToLeaders, unit == DeadlineUnit.CLOCK_HOURS ? dueAt : null);
    }

    WorkItemDueSoon dueSoon() {
        return new WorkItemDueSoon(id, agencyId, title, link, ownerDepartmentId, ownerRole, ownerUserId, dueOn,
                unit == DeadlineUnit.CLOCK_HOURS ? dueAt : null);
    }

    Long getId() {
        return id;
    }

    Long getAgencyId() {
        return agencyId;
    }

    String getTitle() {
        return title;
    }

    String getLink() {
        return link;
    }

    String getKind() {
        return kind;
    }

    LocalDate getDueOn() {
        return dueOn;
    }

    Instant getDueAt() {
        return dueAt;
    }

    State getState() {
        return state;
    }

    DeadlineUnit getUnit() {
        return unit;
    }

    boolean isEscalated() {
        return escalated;
    }
}
