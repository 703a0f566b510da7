package cn.gongkai.readingroom;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Visits extends Repository<Visit, Long> {

    Visit save(Visit visit);

    @Query("select v from Visit v where v.agencyId = ?1 order by v.visitedOn desc, v.id desc")
    List<Visit> latest(Long agencyId, Pageable page);

    /** Per channel: the number of visits and the pages printed, between two days (inclusive). */
    @Query("""
            select v.channel, count(v), coalesce(sum(v.printedPages), 0) from Visit v
            where v.agencyId = ?1 and v.visitedOn between ?2 and ?3 group by v.channel""")
    List<Object[]> byChannel(Long agencyId, LocalDate from, LocalDate to);
}
