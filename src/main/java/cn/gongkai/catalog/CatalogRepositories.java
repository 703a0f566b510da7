package cn.gongkai.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CatalogEntries extends Repository<CatalogEntry, Long>, JpaSpecificationExecutor<CatalogEntry> {

    CatalogEntry save(CatalogEntry entry);

    Optional<CatalogEntry> findByItemId(Long itemId);

    Optional<CatalogEntry> findByIndexNumber(String indexNumber);

    Optional<CatalogEntry> findByIdAndAgencyId(Long id, Long agencyId);

    Page<CatalogEntry> findAll(Specification<CatalogEntry> spec, Pageable pageable);

    List<CatalogEntry> findAll(Specification<CatalogEntry> spec);

    long count();
}

interface CatalogVersions extends Repository<CatalogVersion, Long> {

    CatalogVersion save(CatalogVersion version);

    List<CatalogVersion> findByEntryIdOrderByVersionDesc(Long entryId);
}

interface CatalogAttachments extends Repository<CatalogAttachment, Long> {

    CatalogAttachment save(CatalogAttachment attachment);

    List<CatalogAttachment> findByEntryIdOrderById(Long entryId);

    Optional<CatalogAttachment> findById(Long id);

    @Modifying
    @Query("delete from CatalogAttachment a where a.entryId = ?1")
    void deleteByEntryId(Long entryId);
}
