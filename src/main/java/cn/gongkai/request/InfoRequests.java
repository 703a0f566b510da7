package cn.gongkai.request;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface InfoRequests extends Repository<InfoRequest, Long> {

    InfoRequest save(InfoRequest request);

    Optional<InfoRequest> findByIdAndAgencyId(Long id, Long agencyId);

    Optional<InfoRequest> findById(Long id);

    Optional<InfoRequest> findByTrackingNumber(String trackingNumber);

    @Query("select r from InfoRequest r where r.agencyId = ?1 order by r.id desc")
    List<InfoRequest> findByAgency(Long agencyId);

    @Query("select r from InfoRequest r where r.agencyId = ?1 and r.departmentId = ?2 order by r.id desc")
    List<InfoRequest> findByDepartment(Long agencyId, Long departmentId);

    long count();

    @Query("""
            select r from InfoRequest r where r.agencyId = ?1 and r.applicantKey = ?2 and r.receivedOn >= ?3
              and r.id <> ?4 order by r.id desc""")
    List<InfoRequest> findSameApplicantSince(Long agencyId, String applicantKey, java.time.LocalDate since, Long id);

    @Query("""
            select count(r) from InfoRequest r where r.agencyId = ?1 and r.applicantKey = ?2
              and r.receivedOn >= ?3 and r.receivedOn < ?4 and r.id <= ?5""")
    long countSameApplicantBetween(Long agencyId, String applicantKey, java.time.LocalDate from,
            java.time.LocalDate until, Long upToId);

    List<InfoRequest> findByStatus(RequestStatus status);

    @Query("select r from InfoRequest r where r.repliedOn is not null and r.finalDueOn is null")
    List<InfoRequest> findAnsweredWithoutFinalDue();

    @Query("select r from InfoRequest r where r.agencyId = ?1 and r.receivedOn >= ?2 and r.receivedOn <= ?3")
    List<InfoRequest> findReceivedBetween(Long agencyId, java.time.LocalDate from, java.time.LocalDate to);
}
