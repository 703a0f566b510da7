package cn.gongkai.worklist;

/**
 * Opens (or, for the same subject and kind, re-opens) a work item. The owner is a user, or a role within a
 * department, or a role across the agency when the department is null.
 */
public record WorkItemRequested(Long agencyId, String subjectType, String subjectId, String kind, String title,
        String link, Long ownerDepartmentId, String ownerRole, Long ownerUserId, Deadline deadline) {
}
