package cn.gongkai.request;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface InfoRequests extends Repository<InfoRequest, Long> {

    InfoRequest save(InfoRequest request);

    Optional<InfoRequest> findByIdAndAgencyId(Long id, Long agencyId);

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

interface Consultations extends Repository<Consultation, Long> {

    Consultation save(Consultation consultation);
}

interface Challenges extends Repository<Challenge, Long> {

    Challenge save(Challenge challenge);

    List<Challenge> findByRequestIdOrderById(Long requestId);

    java.util.Optional<Challenge> findByIdAndRequestId(Long id, Long requestId);
}

interface RequestEvents extends Repository<RequestEvent, Long> {

    RequestEvent save(RequestEvent event);

    List<RequestEvent> findByRequestIdOrderById(Long requestId);
}

interface RequestFiles extends Repository<RequestFile, Long> {

    RequestFile save(RequestFile file);

    void delete(RequestFile file);

    Optional<RequestFile> findByIdAndRequestIdAndKind(Long id, Long requestId, FileRule kind);

    /** The files of a request without their content. */
    @Query("""
            select new cn.gongkai.request.StoredFile(f.id, f.kind, f.filenameCipher, f.contentType, f.size,
              f.uploadedAt) from RequestFile f where f.requestId = ?1 and f.kind = ?2 order by f.id""")
    List<StoredFile> findStored(Long requestId, FileRule kind);
}
