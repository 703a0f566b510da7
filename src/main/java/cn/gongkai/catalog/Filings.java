package cn.gongkai.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface Filings extends Repository<Filing, Long> {

    Filing save(Filing filing);

    List<Filing> findByAgencyIdOrderByIdDesc(Long agencyId);

    Optional<Filing> findByIdAndAgencyId(Long id, Long agencyId);
}
