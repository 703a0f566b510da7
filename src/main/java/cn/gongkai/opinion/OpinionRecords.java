package cn.gongkai.opinion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface OpinionEvents extends Repository<OpinionEvent, Long> {

    OpinionEvent save(OpinionEvent e);

    Optional<OpinionEvent> findById(Long id);

    @Query("select e from OpinionEvent e where e.agencyId = ?1 order by e.foundAt desc, e.id desc limit 500")
    List<OpinionEvent> recent(Long agencyId);

    @Query("select e from OpinionEvent e where e.agencyId = ?1 and e.foundAt >= ?2 and e.foundAt < ?3 order by e.foundAt")
    List<OpinionEvent> foundBetween(Long agencyId, Instant from, Instant to);

    @Query("""
            select distinct e from OpinionEvent e where e.agencyId = ?1 and (
              (e.foundAt >= ?2 and e.foundAt < ?3) or (e.closedAt >= ?2 and e.closedAt < ?3)
              or exists (select s from OpinionStep s where s.eventId = e.id and s.at >= ?2 and s.at < ?3))
            order by e.foundAt""")
    List<OpinionEvent> activeBetween(Long agencyId, Instant from, Instant to);
}

interface OpinionDeadlines extends Repository<OpinionDeadline, Long> {

    OpinionDeadline save(OpinionDeadline d);

    List<OpinionDeadline> findByEventIdOrderByDueAt(Long eventId);

    void delete(OpinionDeadline d);

    @Query("select d from OpinionDeadline d where d.eventId in ?1")
    List<OpinionDeadline> forEvents(java.util.Collection<Long> eventIds);
}

interface OpinionResponses extends Repository<OpinionResponse, Long> {

    OpinionResponse save(OpinionResponse r);

    List<OpinionResponse> findByEventIdOrderById(Long eventId);
}

interface OpinionSteps extends Repository<OpinionStep, Long> {

    OpinionStep save(OpinionStep s);

    List<OpinionStep> findByEventIdOrderById(Long eventId);
}

interface OpinionFiles extends Repository<OpinionFile, Long> {

    OpinionFile save(OpinionFile f);

    Optional<OpinionFile> findByIdAndEventId(Long id, Long eventId);

    @Query("select count(f) from OpinionFile f where f.eventId = ?1")
    long countByEvent(Long eventId);

    @Query("select f from OpinionFile f where f.eventId = ?1 order by f.id")
    List<OpinionFile> findByEvent(Long eventId);
}
