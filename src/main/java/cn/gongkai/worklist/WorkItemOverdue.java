package cn.gongkai.worklist;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A work item passed its due time (it turned red); {@code escalateToLeaders} as the item was opened with.
 * {@code dueAt} is the exact moment for a clock-hour item, null for one counted in days.
 */
public record WorkItemOverdue(Long workItemId, Long agencyId, String title, String link, Long ownerDepartmentId,
        String ownerRole, Long ownerUserId, LocalDate dueOn, boolean escalateToLeaders, Instant dueAt) {

    public WorkItemOverdue(Long workItemId, Long agencyId, String title, String link, Long ownerDepartmentId,
            String ownerRole, Long ownerUserId, LocalDate dueOn, boolean escalateToLeaders) {
        this(workItemId, agencyId, title, link, ownerDepartmentId, ownerRole, ownerUserId, dueOn, escalateToLeaders,
                null);
    }

    /** The due date, or for an hour clock the date and minute (China time), as a reader expects it. */
    public String dueLabel() {
        return Deadline.label(dueOn, dueAt);
    }
}
