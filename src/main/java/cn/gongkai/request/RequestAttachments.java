package cn.gongkai.request;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.request.RequestFileStore.Download;
import cn.gongkai.request.RequestFileStore.FileEntry;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may open a request's files, and the audit of every opening. The identity scan is personal data: only the
 * handling department and the office open it. Released files are for the staff who see the request and, once the
 * reply is made, for the applicant with the tracking number and query code.
 */
@Service
@Transactional
class RequestAttachments {

    private final RequestDesk desk;
    private final RequestFileStore store;
    private final AuditTrail audit;

    RequestAttachments(RequestDesk desk, RequestFileStore store, AuditTrail audit) {
        this.desk = desk;
        this.store = store;
        this.audit = audit;
    }

    /** The identity scan sent with the request, without its content (its name too is personal data). */
    @Transactional(readOnly = true)
    Optional<FileEntry> identityScan(InfoRequest r) {
        return store.list(r.getId(), FileRule.IDENTITY_SCAN).stream().findFirst()
                .map(f -> new FileEntry(f.id(), null, f.contentType(), f.size()));
    }

    Download openIdentityScan(StaffPrincipal me, Long id) {
        InfoRequest r = desk.get(me, id);
        if (!RequestDesk.mayOpenPersonalData(me, r)) {
            throw new RequestRuleViolation("request.error.notAllowed");
        }
        Download scan = store.list(r.getId(), FileRule.IDENTITY_SCAN).stream().findFirst()
                .flatMap(f -> store.open(r.getId(), FileRule.IDENTITY_SCAN, f.id()))
                .orElseThrow(RequestDesk.RequestNotFound::new);
        audit.record(AuditRecord.of(me.agencyId(), "IDENTITY_SCAN_VIEWED", RequestDesk.SUBJECT,
                r.getTrackingNumber(), "file " + scan.id()));
        return scan;
    }

    @Transactional(readOnly = true)
    List<FileEntry> released(InfoRequest r) {
        return store.list(r.getId(), FileRule.RELEASED);
    }

    /** Staff who see the request (the office, the leaders, the handling department) download a released file. */
    Download openReleased(StaffPrincipal me, Long id, Long fileId) {
        InfoRequest r = desk.get(me, id);
        Download file = store.open(r.getId(), FileRule.RELEASED, fileId).orElseThrow(RequestDesk.RequestNotFound::new);
        audit.record(AuditRecord.of(me.agencyId(), "REQUEST_FILE_DOWNLOADED", RequestDesk.SUBJECT,
                r.getTrackingNumber(), "file " + fileId));
        return file;
    }

    /** What the applicant sees when tracking: the released files once the reply is made, nothing before. */
    @Transactional(readOnly = true)
    List<FileEntry> releasedToApplicant(InfoRequest r) {
        return r.isReplied() ? released(r) : List.of();
    }

    /** The applicant's download: the right number and code, a reply made, a file released to this request. */
    Optional<Download> applicantDownload(String trackingNumber, String code, Long fileId) {
        return desk.track(trackingNumber, code).filter(InfoRequest::isReplied).flatMap(r ->
                store.open(r.getId(), FileRule.RELEASED, fileId).map(file -> {
                    audit.recordAs("applicant", AuditTrail.currentAddress(), AuditRecord.of(r.getAgencyId(),
                            "REQUEST_FILE_DOWNLOADED", RequestDesk.SUBJECT, r.getTrackingNumber(),
                            "file " + fileId + " by the applicant"));
                    return file;
                }));
    }
}
