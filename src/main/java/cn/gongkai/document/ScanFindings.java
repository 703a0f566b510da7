package cn.gongkai.document;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface ScanFindings extends Repository<ScanFinding, Long> {

    ScanFinding save(ScanFinding finding);

    List<ScanFinding> findByItemIdAndVersionOrderById(Long itemId, int version);

    Optional<ScanFinding> findByIdAndItemId(Long id, Long itemId);

    void deleteByItemIdAndVersionAndAcknowledgedAtIsNull(Long itemId, int version);
}
