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

    /** Each entry's agency: [id, agencyId] rows. */
    @org.springframework.data.jpa.repository.Query("select e.id, e.agencyId from CatalogEntry e where e.id in ?1")
    java.util.List<Object[]> agenciesOf(java.util.Collection<Long> ids);

    Optional<CatalogEntry> findByItemId(Long itemId);

    Optional<CatalogEntry> findByAgencyIdAndIndexNumber(Long agencyId, String indexNumber);

    /** A renamed sub-class: the entries filed under it show the new name (the index holds only the id). */
    @Modifying
    @Query("update CatalogEntry e set e.subtopicName = ?2 where e.subtopicId = ?1")
    int renameSubtopic(Long subtopicId, String name);

    Optional<CatalogEntry> findByIdAndAgencyId(Long id, Long agencyId);

    Optional<CatalogEntry> findById(Long id);

    Page<CatalogEntry> findAll(Specification<CatalogEntry> spec, Pageable pageable);

    List<CatalogEntry> findAll(Specification<CatalogEntry> spec);

    long count();

    /** The public interpretations of a policy entry, oldest first. */
    @Query("""
            select e from CatalogEntry e where e.interpretsEntryId = ?1
              and e.state in (cn.gongkai.catalog.EntryState.PUBLISHED, cn.gongkai.catalog.EntryState.REPEALED)
              and e.attribute = cn.gongkai.catalog.DisclosureAttribute.PROACTIVE
            order by e.publishedAt, e.id""")
    List<CatalogEntry> findPublicInterpretationsOf(Long policyEntryId);
}
