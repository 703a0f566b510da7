package cn.gongkai.interpretation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InterpretationGenres extends JpaRepository<InterpretationGenre, InterpretationGenre.Key> {

    List<InterpretationGenre> findByAgencyIdOrderByGenre(Long agencyId);

    void deleteByAgencyId(Long agencyId);
}
