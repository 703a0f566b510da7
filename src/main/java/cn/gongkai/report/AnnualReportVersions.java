package cn.gongkai.report;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface AnnualReportVersions extends Repository<AnnualReportVersion, Long> {

    AnnualReportVersion save(AnnualReportVersion version);

    List<AnnualReportVersion> findByReportIdOrderByVersionDesc(Long reportId);

    Optional<AnnualReportVersion> findByReportIdAndVersion(Long reportId, int version);
}
