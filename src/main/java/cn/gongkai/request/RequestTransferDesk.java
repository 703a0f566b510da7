package cn.gongkai.request;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.org.Agency;
import cn.gongkai.org.AgencyKind;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.PersonalDataCipher;
import cn.gongkai.worklist.Deadline;
import cn.gongkai.worklist.WorkItemDone;
import cn.gongkai.worklist.WorkItemRequested;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * 转交 between agencies on the platform (依申请公开制度 四; 工作职责 五.4: the office signs for requests the city transfers;
 * Regulations Art. 36(五)). The sending office hands a request to the responsible agency; that agency's office signs
 * for it in its 我的待办, which registers it there as a request of its own, received on the day it is signed for, with
 * a new receipt mailed to the applicant. The sending agency still answers the applicant under Art. 36(五), naming the
 * agency; both timelines show the handover.
 */
@Service
@Transactional
class RequestTransferDesk {

    static final String SUBJECT = "REQUEST_TRANSFER";
    static final String SIGN = "SIGN";
    /** The handover (交接手续) is signed for on the next working day at the latest. */
    static final int SIGN_DAYS = 1;
    static final int MAX_REASON = 500;

    private final RequestTransfers transfers;
    private final InfoRequests requests;
    private final RequestEvents events;
    private final RequestDesk desk;
    private final PersonalDataCipher cipher;
    private final OrgDirectory org;
    private final WorkCalendarStore calendar;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    RequestTransferDesk(RequestTransfers transfers, InfoRequests requests, RequestEvents events, RequestDesk desk,
            PersonalDataCipher cipher, OrgDirectory org, WorkCalendarStore calendar, AuditTrail audit,
            ApplicationEventPublisher publisher, Clock clock) {
        this.transfers = transfers;
        this.requests = requests;
        this.events = events;
        this.desk = desk;
        this.cipher = cipher;
        this.org = org;
        this.calendar = calendar;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The office hands an open request of its agency to the agency responsible for the information. */
    RequestTransfer transfer(StaffPrincipal me, Long requestId, String toAgency, String reason) {
        requireOffice(me);
        InfoRequest r = desk.get(me, requestId);
        String why = reason == null ? "" : reason.strip();
        if (toAgency == null || toAgency.isBlank()) {
            throw new RequestRuleViolation("request.transfer.error.toAgency", "toAgency");
        }
        Agency to = org.agencyByCode(toAgency.strip()).filter(a -> a.getKind() != AgencyKind.SECRECY_BUREAU)
                .orElseThrow(() -> new RequestRuleViolation("request.transfer.error.toAgency", "toAgency"));
        if (to.getId().equals(me.agencyId())) {
            throw new RequestRuleViolation("request.transfer.error.self", "toAgency");
        }
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new RequestRuleViolation("request.transfer.error.reason", "reason");
        }
        if (!r.isOpen()) {
            throw new RequestRuleViolation("request.transfer.error.closed");
        }
        if (transfers.openFor(r.getId()).isPresent()) {
            throw new RequestRuleViolation("request.transfer.error.pending");
        }
        RequestTransfer t = transfers.save(new RequestTransfer(me.agencyId(), r.getId(), to.getId(), why,
                calendar.today(), me.getUsername(), now()));
        String from = agencyName(me.agencyId());
        events.save(new RequestEvent(r.getId(), now(), me.getUsername(), "TRANSFERRED", true,
                to.getName() + "：" + why, "本申请所涉政府信息由" + to.getName() + "负责公开，已于" + calendar.today()
                        + "转交该机关办理；该机关签收后将另行告知受理情况。"));
        audit.record(AuditRecord.of(me.agencyId(), "REQUEST_TRANSFERRED", RequestDesk.SUBJECT,
                r.getTrackingNumber(), "→ " + to.getName() + ": " + why));
        audit.record(AuditRecord.of(to.getId(), "REQUEST_TRANSFER_RECEIVED", SUBJECT, t.getId(),
                from + " " + r.getTrackingNumber()));
        publisher.publishEvent(new WorkItemRequested(to.getId(), SUBJECT, t.getId().toString(), SIGN,
                "签收转交申请：" + brief(r), "/workbench/request-transfers/" + t.getId(), null, Role.OFFICE.name(),
                null, Deadline.workingDays(calendar.today(), SIGN_DAYS)));
        return t;
    }

    /**
     * 签收: the receiving office signs; the request is registered in its agency (channel 转交, received today) with the
     * applicant's data as the sending agency holds it, and the applicant gets the new receipt.
     */
    Receipt sign(StaffPrincipal me, Long transferId) {
        RequestTransfer t = visible(me, transferId);
        if (!me.agencyId().equals(t.getToAgencyId())) {
            throw new TransferForbidden();
        }
        if (t.isSigned()) {
            throw new RequestRuleViolation("request.transfer.error.signed");
        }
        InfoRequest from = requests.findById(t.getFromRequestId()).orElseThrow(RequestDesk.RequestNotFound::new);
        Applicant applicant = new Applicant(from.getApplicantKind(), from.getOrganisationKind(), from.getName(),
                from.getIdType(), cipher.decrypt(from.getIdNumberCipher()), cipher.decrypt(from.getPhoneCipher()),
                from.getEmail(), from.getAddress(), from.getPostcode(), from.getCreditCode(),
                from.getLegalRepresentative(), from.getContactPerson());
        Sought sought = new Sought(from.getInfoTitle(), from.getInfoDocumentNumber(), from.getInfoDescription(),
                from.getPurpose(), from.getDelivery());
        Receipt receipt = desk.receive(t.getToAgencyId(), RequestChannel.TRANSFERRED, calendar.today(), applicant,
                sought, me.getUsername());
        InfoRequest created = requests.findByTrackingNumber(receipt.trackingNumber()).orElseThrow();
        t.sign(created.getId(), calendar.today(), me.getUsername(), now());
        String fromName = agencyName(t.getFromAgencyId());
        String toName = agencyName(t.getToAgencyId());
        events.save(new RequestEvent(created.getId(), now(), me.getUsername(), "TRANSFERRED_IN", true,
                fromName + " " + from.getTrackingNumber() + "：" + t.getReason(),
                "由" + fromName + "转来，本机关于" + calendar.today() + "签收受理。"));
        events.save(new RequestEvent(from.getId(), now(), me.getUsername(), "TRANSFER_SIGNED", true,
                toName + " " + receipt.trackingNumber(),
                toName + "已于" + calendar.today() + "签收，受理编号 " + receipt.trackingNumber() + "。"));
        audit.record(AuditRecord.of(t.getToAgencyId(), "REQUEST_TRANSFER_SIGNED", SUBJECT, t.getId(),
                fromName + " " + from.getTrackingNumber() + " → " + receipt.trackingNumber()));
        audit.record(AuditRecord.of(t.getFromAgencyId(), "REQUEST_TRANSFER_SIGNED", SUBJECT, t.getId(),
                toName + " " + receipt.trackingNumber()));
        publisher.publishEvent(new WorkItemDone(SUBJECT, t.getId().toString(), SIGN));
        return receipt;
    }

    enum Box {
        SENT, RECEIVED
    }

    @Transactional(readOnly = true)
    List<RequestTransfer> list(StaffPrincipal me, Box box) {
        requireOffice(me);
        return box == Box.SENT ? transfers.sentBy(me.agencyId()) : transfers.receivedBy(me.agencyId());
    }

    /** A transfer the office of either agency may see; otherwise not found. */
    @Transactional(readOnly = true)
    RequestTransfer visible(StaffPrincipal me, Long id) {
        requireOffice(me);
        RequestTransfer t = transfers.findById(id).orElseThrow(RequestDesk.RequestNotFound::new);
        if (!me.agencyId().equals(t.getFromAgencyId()) && !me.agencyId().equals(t.getToAgencyId())) {
            throw new RequestDesk.RequestNotFound();
        }
        return t;
    }

    /** The request a transfer hands over, for the receiving office to read before it signs. */
    @Transactional(readOnly = true)
    InfoRequest handedOver(RequestTransfer t) {
        return requests.findById(t.getFromRequestId()).orElseThrow(RequestDesk.RequestNotFound::new);
    }

    @Transactional(readOnly = true)
    String trackingOf(Long requestId) {
        return requestId == null ? null : requests.findById(requestId).map(InfoRequest::getTrackingNumber)
                .orElse(null);
    }

    /** The agencies a request may be transferred to: every other agency that publishes. */
    @Transactional(readOnly = true)
    List<Agency> destinations(StaffPrincipal me) {
        return org.publishingAgencies().stream().filter(a -> !a.getId().equals(me.agencyId())).toList();
    }

    String agencyName(Long id) {
        return org.agency(id).map(Agency::getName).orElse("");
    }

    private static String brief(InfoRequest r) {
        String text = r.getInfoTitle() != null && !r.getInfoTitle().isBlank() ? r.getInfoTitle()
                : r.getInfoDescription();
        return text == null ? r.getTrackingNumber() : text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    static void requireOffice(StaffPrincipal me) {
        if (!me.has(Role.OFFICE)) {
            throw new TransferForbidden();
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }

    /** Not the office whose step it is: 403. */
    @ResponseStatus(HttpStatus.FORBIDDEN)
    static class TransferForbidden extends RuntimeException {
        TransferForbidden() {
            super("request.transfer.error.forbidden");
        }
    }
}
