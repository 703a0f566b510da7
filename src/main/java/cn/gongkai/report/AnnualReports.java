package cn.gongkai.report;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface AnnualReports extends Repository<AnnualReport, Long> {

    AnnualReport save(AnnualReport report);

    Optional<AnnualReport> findByIdAndAgencyId(Long id, Long agencyId);

    Optional<AnnualReport> findByAgencyIdAndYear(Long agencyId, int year);

    List<AnnualReport> findByAgencyIdOrderByYearDesc(Long agencyId);

    List<AnnualReport> findByAgencyIdAndStatusOrderByYearDesc(Long agencyId, ReportStatus status);
}
