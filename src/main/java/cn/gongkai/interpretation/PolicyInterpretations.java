package cn.gongkai.interpretation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PolicyInterpretations extends JpaRepository<PolicyInterpretation, Long> {

    @Query("select p from PolicyInterpretation p where p.agencyId = ?1 and year(p.publishedOn) = ?2")
    List<PolicyInterpretation> findByAgencyIdAndYear(Long agencyId, int year);

    List<PolicyInterpretation> findByAgencyIdAndPublishedOnBetween(Long agencyId, java.time.LocalDate from,
            java.time.LocalDate to);
}
