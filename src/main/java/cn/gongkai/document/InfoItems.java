package cn.gongkai.document;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface InfoItems extends Repository<InfoItem, Long> {

    InfoItem save(InfoItem item);

    Optional<InfoItem> findByIdAndAgencyId(Long id, Long agencyId);

    /** Unscoped: only for the secrecy bureau's answer to a determination it was sent (checked by the caller). */
    Optional<InfoItem> findById(Long id);

    @Query("select i from InfoItem i where i.agencyId = ?1 order by i.updatedAt desc")
    List<InfoItem> findByAgency(Long agencyId);

    @Query("select i from InfoItem i where i.agencyId = ?1 and (i.departmentId = ?2 or i.drafterId = ?3) "
            + "order by i.updatedAt desc")
    List<InfoItem> findByDepartmentOrDrafter(Long agencyId, Long departmentId, Long drafterId);

    long count();
}
