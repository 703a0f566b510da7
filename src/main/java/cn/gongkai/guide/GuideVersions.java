package cn.gongkai.guide;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface GuideVersions extends Repository<GuideVersion, Long> {

    GuideVersion save(GuideVersion version);

    List<GuideVersion> findByAgencyIdOrderByVersionDesc(Long agencyId);

    Optional<GuideVersion> findByAgencyIdAndVersion(Long agencyId, int version);

    @Query("select max(g.version) from GuideVersion g where g.agencyId = ?1")
    Integer maxVersion(Long agencyId);

    /** The version being worked on (draft, with the leader, or approved and waiting to be published), if any. */
    @Query("select g from GuideVersion g where g.agencyId = ?1 and g.status <> cn.gongkai.guide.GuideStatus.PUBLISHED")
    Optional<GuideVersion> findOpen(Long agencyId);

    @Query("""
            select g from GuideVersion g where g.agencyId = ?1 and g.status = cn.gongkai.guide.GuideStatus.PUBLISHED
            order by g.version desc""")
    List<GuideVersion> findPublished(Long agencyId);
}
