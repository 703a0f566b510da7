package cn.gongkai.interpretation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PolicyInterpretations extends JpaRepository<PolicyInterpretation, Long> {

    List<PolicyInterpretation> findByAgencyIdAndPublishedOnBetween(Long agencyId, java.time.LocalDate from,
            java.time.LocalDate to);
}
