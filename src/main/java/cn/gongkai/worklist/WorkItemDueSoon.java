package cn.gongkai.worklist;

import java.time.LocalDate;

/** A work item entered its reminder window (it turned yellow). */
public record WorkItemDueSoon(Long workItemId, Long agencyId, String title, String link, Long ownerDepartmentId,
        String ownerRole, Long ownerUserId, LocalDate dueOn) {
}
