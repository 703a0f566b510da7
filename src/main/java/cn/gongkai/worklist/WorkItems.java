package cn.gongkai.worklist;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface WorkItems extends Repository<WorkItem, Long> {

    WorkItem save(WorkItem item);

    Optional<WorkItem> findBySubjectTypeAndSubjectIdAndKind(String subjectType, String subjectId, String kind);

    @Query("select w from WorkItem w where w.state = 'OPEN' and w.unit = 'WORKING_DAYS'")
    List<WorkItem> findOpenCountedInWorkingDays();

    @Query("select w from WorkItem w where w.state = 'OPEN' and w.escalated = false and w.dueAt <= ?1")
    List<WorkItem> findOpenPastDue(Instant now);

    @Query("select w from WorkItem w where w.state = 'OPEN' and w.escalated = false")
    List<WorkItem> findOpenNotEscalated();

    @Query("""
            select w from WorkItem w where w.state = 'OPEN' and w.agencyId = ?1 and (w.ownerUserId = ?2
              or (w.ownerUserId is null and w.ownerRole in ?4 and (w.ownerDepartmentId is null or w.ownerDepartmentId = ?3)))
            order by w.dueAt, w.id""")
    List<WorkItem> findOpenFor(Long agencyId, Long userId, Long departmentId, Collection<String> roles);

    Optional<WorkItem> findById(Long id);
}
