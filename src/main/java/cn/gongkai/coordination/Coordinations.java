package cn.gongkai.coordination;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Coordinations extends Repository<Coordination, Long> {

    Coordination save(Coordination c);

    Optional<Coordination> findById(Long id);

    List<Coordination> findByAgencyIdAndItemIdOrderById(Long agencyId, Long itemId);

    @Query("select c from Coordination c where c.agencyId = ?1 order by c.id desc")
    List<Coordination> sentBy(Long agencyId);

    @Query("select c from Coordination c where c.toAgencyId = ?1 order by c.id desc")
    List<Coordination> receivedBy(Long agencyId);

    @Query("select c from Coordination c where c.authorityAgencyId = ?1 order by c.id desc")
    List<Coordination> escalatedTo(Long agencyId);
}
