package cn.gongkai.catalog;

import java.util.List;
import org.springframework.data.repository.Repository;

interface CatalogVersions extends Repository<CatalogVersion, Long> {

    CatalogVersion save(CatalogVersion version);

    List<CatalogVersion> findByEntryIdOrderByVersionDesc(Long entryId);
}
