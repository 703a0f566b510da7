package cn.gongkai.worklist;

import java.util.List;

/**
 * Opens (or, for the same subject and kind, re-opens) a work item. The owner is a user, or a role within a
 * department, or a role across the agency when the department is null. {@code reminderDays} are the working days
 * before due at which the owner is reminded (e.g. 5 and 1); without them the agency's yellow window applies. When
 * {@code escalateToLeaders}, overdue work is escalated to the agency's leaders (分管领导) as well as to the owner's
 * department head (e.g. a reply to a request past its statutory due date).
 */
public record WorkItemRequested(Long agencyId, String subjectType, String subjectId, String kind, String title,
        String link, Long ownerDepartmentId, String ownerRole, Long ownerUserId, Deadline deadline,
        List<Integer> reminderDays, boolean escalateToLeaders) {

    public WorkItemRequested {
        reminderDays = reminderDays == null ? List.of() : List.copyOf(reminderDays);
    }

    public WorkItemRequested(Long agencyId, String subjectType, String subjectId, String kind, String title,
            String link, Long ownerDepartmentId, String ownerRole, Long ownerUserId, Deadline deadline,
            List<Integer> reminderDays) {
        this(agencyId, subjectType, subjectId, kind, title, link, ownerDepartmentId, ownerRole, ownerUserId, deadline,
                reminderDays, false);
    }

    public WorkItemRequested(Long agencyId, String subjectType, String subjectId, String kind, String title,
            String link, Long ownerDepartmentId, String ownerRole, Long ownerUserId, Deadline deadline) {
        this(agencyId, subjectType, subjectId, kind, title, link, ownerDepartmentId, ownerRole, ownerUserId, deadline,
                List.of());
    }
}
