package cn.gongkai.worklist;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A work item entered its reminder window (it turned yellow). {@code dueAt} is the exact moment for a clock-hour
 * item, null for one counted in days.
 */
public record WorkItemDueSoon(Long workItemId, Long agencyId, String title, String link, Long ownerDepartmentId,
        String ownerRole, Long ownerUserId, LocalDate dueOn, Instant dueAt) {

    public WorkItemDueSoon(Long workItemId, Long agencyId, String title, String link, Long ownerDepartmentId,
            String ownerRole, Long ownerUserId, LocalDate dueOn) {
        this(workItemId, agencyId, title, link, ownerDepartmentId, ownerRole, ownerUserId, dueOn, null);
    }

    /** The due date, or for an hour clock the date and minute (China time), as a reader expects it. */
    public String dueLabel() {
        return Deadline.label(dueOn, dueAt);
    }
}
