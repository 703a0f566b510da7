package cn.gongkai.request;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface RequestTransfers extends Repository<RequestTransfer, Long> {

    RequestTransfer save(RequestTransfer t);

    Optional<RequestTransfer> findById(Long id);

    @Query("select t from RequestTransfer t where t.fromAgencyId = ?1 order by t.id desc")
    List<RequestTransfer> sentBy(Long agencyId);

    @Query("select t from RequestTransfer t where t.toAgencyId = ?1 order by t.id desc")
    List<RequestTransfer> receivedBy(Long agencyId);

    @Query("select t from RequestTransfer t where t.fromRequestId = ?1 and t.signedOn is null")
    Optional<RequestTransfer> openFor(Long requestId);
}
