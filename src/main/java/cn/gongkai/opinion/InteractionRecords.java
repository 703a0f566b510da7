package cn.gongkai.opinion;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CitizenMessages extends Repository<CitizenMessage, Long> {

    CitizenMessage save(CitizenMessage m);

    Optional<CitizenMessage> findById(Long id);

    Optional<CitizenMessage> findByMessageNumber(String number);

    @Query("select m from CitizenMessage m where m.agencyId = ?1 order by m.receivedAt desc, m.id desc limit 500")
    List<CitizenMessage> recent(Long agencyId);

    @Query("""
            select m from CitizenMessage m where m.agencyId = ?1 and m.publishedAt is not null and (?2 = ''
              or lower(m.publishedSubject) like ?2 escape '!' or lower(m.publishedContent) like ?2 escape '!'
              or lower(m.publishedAnswer) like ?2 escape '!')
            order by m.publishedAt desc, m.id desc""")
    List<CitizenMessage> published(Long agencyId, String pattern, Pageable page);
}

interface HotlineCalls extends Repository<HotlineCall, Long> {

    HotlineCall save(HotlineCall c);

    Optional<HotlineCall> findById(Long id);

    @Query("select c from HotlineCall c where c.agencyId = ?1 order by c.calledAt desc, c.id desc limit 500")
    List<HotlineCall> recent(Long agencyId);
}
