package cn.gongkai.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CatalogAttachments extends Repository<CatalogAttachment, Long> {

    CatalogAttachment save(CatalogAttachment attachment);

    List<CatalogAttachment> findByEntryIdOrderById(Long entryId);

    Optional<CatalogAttachment> findById(Long id);

    @Modifying
    @Query("delete from CatalogAttachment a where a.entryId = ?1")
    void deleteByEntryId(Long entryId);
}
