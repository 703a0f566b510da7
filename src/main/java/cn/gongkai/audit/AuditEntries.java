package cn.gongkai.audit;

import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AuditEntries extends Repository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

    AuditEntry save(AuditEntry entry);

    Optional<AuditEntry> findTopByOrderByIdDesc();

    Optional<AuditEntry> findFirstByMacIsNotNullOrderByIdAsc();

    Optional<AuditEntry> findById(Long id);

    @Query("select e from AuditEntry e order by e.id")
    Stream<AuditEntry> streamAllInOrder();

    long count();

    Page<AuditEntry> findAll(Specification<AuditEntry> spec, Pageable pageable);
}
