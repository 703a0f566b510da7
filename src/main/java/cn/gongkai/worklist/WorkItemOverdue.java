package cn.gongkai.worklist;

import java.time.LocalDate;

/** A work item passed its due time (it turned red); {@code escalateToLeaders} as the item was opened with. */
public record WorkItemOverdue(Long workItemId, Long agencyId, String title, String link, Long ownerDepartmentId,
        String ownerRole, Long ownerUserId, LocalDate dueOn, boolean escalateToLeaders) {
}
