package cn.gongkai.request;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.calendar.WorkCalendar;
import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.Masks;
import cn.gongkai.platform.PersonalDataCipher;
import cn.gongkai.worklist.Deadline;
import cn.gongkai.worklist.WorkItemDone;
import cn.gongkai.worklist.WorkItemRequested;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Intake, handling and tracking of requests for government information. */
@Service
@Transactional
class RequestDesk {

    static final String SUBJECT = "INFO_REQUEST";
    static final String HANDLE = "HANDLE";
    static final List<Integer> REPLY_REMINDERS = List.of(5, 1);
    static final List<Integer> CONSULTATION_REMINDERS = List.of(3, 1);
    static final int MAX_AMENDMENT_DAYS = 30;
    static final int MAX_AMENDMENT_ITEMS = 20;
    static final int MAX_SPLIT_PARTS = 10;
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter ZH_WEEKDAY = DateTimeFormatter.ofPattern("EEEE",
            java.util.Locale.SIMPLIFIED_CHINESE);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_CHARS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final InfoRequests requests;
    private final Consultations consultations;
    private final RequestEvents events;
    private final Challenges challenges;
    private final PersonalDataCipher cipher;
    private final WorkCalendarStore calendars;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final JdbcTemplate jdbc;
    private final ReceiptMailer mailer;
    private final cn.gongkai.org.OrgDirectory org;
    private final cn.gongkai.catalog.CatalogSearch catalog;
    private final RequestFileStore files;
    private final ReplyLetters letters;
    private final Clock clock;
    private final int allowance;
    private final int amendmentDays;
    private final int maxExtension;
    private final org.springframework.context.MessageSource messages;

    RequestDesk(InfoRequests requests, Consultations consultations, RequestEvents events, Challenges challenges, PersonalDataCipher cipher, WorkCalendarStore calendars,
            AuditTrail audit, ApplicationEventPublisher publisher, JdbcTemplate jdbc, ReceiptMailer mailer,
            cn.gongkai.org.OrgDirectory org, cn.gongkai.catalog.CatalogSearch catalog, RequestFileStore files,
            ReplyLetters letters, Clock clock, org.springframework.context.MessageSource messages,
            @Value("${gongkai.requests.allowance:15}") int allowance,
            @Value("${gongkai.requests.amendment-days:15}") int amendmentDays,
            @Value("${gongkai.requests.max-extension:15}") int maxExtension) {
        if (allowance < 1 || allowance > ReplyClock.STATUTORY_MAX_ALLOWANCE) {
            throw new IllegalStateException("gongkai.requests.allowance must be 1–20 working days (Regulations Art. 33)");
        }
        if (maxExtension < 1 || maxExtension > ReplyClock.STATUTORY_MAX_EXTENSION) {
            throw new IllegalStateException(
                    "gongkai.requests.max-extension must be 1–20 working days (Regulations Art. 33)");
        }
        if (amendmentDays < 1 || amendmentDays > MAX_AMENDMENT_DAYS) {
            throw new IllegalStateException("gongkai.requests.amendment-days must be 1–" + MAX_AMENDMENT_DAYS);
        }
        this.maxExtension = maxExtension;
        this.messages = messages;
        this.requests = requests;
        this.consultations = consultations;
        this.events = events;
        this.challenges = challenges;
        this.cipher = cipher;
        this.calendars = calendars;
        this.audit = audit;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.org = org;
        this.catalog = catalog;
        this.files = files;
        this.letters = letters;
        this.clock = clock;
        this.allowance = allowance;
        this.amendmentDays = amendmentDays;
    }

    // ---- intake ---------------------------------------------------------------------------------------------------

    Receipt receive(Long agencyId, RequestChannel channel, LocalDate receivedOn, Applicant applicant, Sought sought,
            String actor) {
        return receive(agencyId, channel, receivedOn, applicant, sought, null, actor);
    }

    /**
     * The revised Regulations (国务院令第711号) took effect on 2019-05-15; the deadlines computed here are theirs, so
     * no request can be registered as received before that day.
     */
    static final LocalDate REGULATIONS_IN_FORCE = LocalDate.of(2019, 5, 15);

    /** Receives a request with the applicant's identity scan (null when none), stored with it, encrypted. */
    Receipt receive(Long agencyId, RequestChannel channel, LocalDate receivedOn, Applicant applicant, Sought sought,
            FileRule.Upload identityScan, String actor) {
        if (identityScan != null && identityScan.rule() != FileRule.IDENTITY_SCAN) {
            throw new IllegalArgumentException("not an identity scan");
        }
        WorkCalendar calendar = calendars.current();
        LocalDate given = receivedOn == null ? today() : receivedOn;
        if (given.isAfter(today())) {
            throw new RequestRuleViolation("request.error.receivedInFuture", "receivedOn");
        }
        if (given.isBefore(REGULATIONS_IN_FORCE)) {
            throw new RequestRuleViolation("request.error.receivedBeforeRegulations", "receivedOn");
        }
        String tracking = nextTrackingNumber(given);
        String code = queryCode();
        String idHash = applicant.idNumber() == null ? null : cipher.lookupHash(applicant.idNumber());
        String applicantKey = idHash != null ? idHash : applicant.creditCode() != null
                ? cipher.lookupHash("ORG:" + applicant.creditCode()) : cipher.lookupHash(applicant.name() + "|"
                        + applicant.phone());
        EncryptedPersonalData personal = new EncryptedPersonalData(cipher.encrypt(applicant.idNumber()), idHash,
                cipher.encrypt(applicant.phone()), cipher.lookupHash(applicant.phone()), applicantKey);
        InfoRequest request = requests.save(new InfoRequest(agencyId, tracking, hashCode(tracking, code), channel,
                given, applicant, personal, sought, allowance, calendar, now()));
        // 重复申请: a similar request from the same applicant in the last 12 months is flagged for the handler.
        requests.findSameApplicantSince(agencyId, applicantKey, request.getReceivedOn().minusMonths(12),
                request.getId()).stream().filter(other -> DuplicateHint.similar(request, other)).findFirst()
                .ifPresent(other -> request.hintDuplicateOf(other.getTrackingNumber()));
        events.save(new RequestEvent(request.getId(), now(), actor, "RECEIVED", true, null,
                receivedText(request, calendar)));
        audit.recordAs(actor, AuditTrail.currentAddress(), AuditRecord.of(agencyId, "REQUEST_RECEIVED",
                SUBJECT, tracking, channel.name()));
        if (identityScan != null) {
            RequestFile scan = files.save(request.getId(), identityScan, actor);
            audit.recordAs(actor, AuditTrail.currentAddress(), AuditRecord.of(agencyId, "IDENTITY_SCAN_ADDED",
                    SUBJECT, tracking, "file " + scan.getId() + " " + identityScan.contentType()));
        }
        moveWork(request);
        Receipt receipt = new Receipt(tracking, code, request.getReceivedOn(), request.dueOn(calendar, today()));
        mailer.afterCommit(applicant.email(), receipt, org.agency(agencyId).map(a -> a.getName()).orElse(""));
        return receipt;
    }

    /**
     * Receives a request that first arrived as a citizen's message or a hotline call, and marks its origin converted
     * in the same transaction: both happen, or neither.
     */
    Receipt receiveConverted(StaffPrincipal me, RequestOrigins origins, String ref, RequestChannel channel,
            LocalDate receivedOn, Applicant applicant, Sought sought, FileRule.Upload identityScan) {
        Receipt receipt = receive(me.agencyId(), channel, receivedOn, applicant, sought, identityScan,
                me.getUsername());
        origins.converted(me, ref, receipt.trackingNumber());
        return receipt;
    }

    /** The received date as the applicant reads it (Art. 31): the day, its weekday, and from when it counts. */
    private String receivedText(InfoRequest r, WorkCalendar calendar) {
        LocalDate submitted = r.getSubmittedOn();
        String day = zh(submitted) + "（" + ZH_WEEKDAY.format(submitted) + "）";
        String due = zh(r.dueOn(calendar, today()));
        if (!submitted.equals(r.getReceivedOn())) {
            return text("request.timeline.receivedNextWorkingDay", day, zh(r.getReceivedOn()), due);
        }
        return text(calendar.isWorkingDay(submitted) ? "request.timeline.received"
                : "request.timeline.receivedOnRestDay", day, due);
    }

    static String zh(LocalDate date) {
        return date == null ? "" : ZH_DATE.format(date);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    private String nextTrackingNumber(LocalDate date) {
        Long seq = jdbc.queryForObject("select nextval('info_request_seq')", Long.class);
        return "YS" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%06d", seq);
    }

    private static String queryCode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(CODE_CHARS.charAt(RANDOM.nextInt(CODE_CHARS.length())));
        }
        return sb.toString();
    }

    static String hashCode(String tracking, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((tracking + ":" + code.trim().toUpperCase(java.util.Locale.ROOT))
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    /**
     * The office sees all of its agency's requests; a department only those assigned to it; an administrator
     * (三权分立: system, security or audit administrator) none, whatever department the account sits in, because
     * requests hold applicants' personal data.
     */
    @Transactional(readOnly = true)
    List<InfoRequest> visibleTo(StaffPrincipal me) {
        if (!Role.anyContent(me.roles())) {
            return List.of();
        }
        if (me.has(Role.OFFICE) || me.has(Role.LEADER) || me.has(Role.LEADING_GROUP)) {
            return requests.findByAgency(me.agencyId());
        }
        return requests.findByDepartment(me.agencyId(), me.departmentId());
    }

    @Transactional(readOnly = true)
    InfoRequest get(StaffPrincipal me, Long id) {
        if (!Role.anyContent(me.roles())) {
            throw new RequestNotFound();
        }
        InfoRequest r = requests.findByIdAndAgencyId(id, me.agencyId()).orElseThrow(RequestNotFound::new);
        boolean office = me.has(Role.OFFICE) || me.has(Role.LEADER) || me.has(Role.LEADING_GROUP);
        if (!office && !me.departmentId().equals(r.getDepartmentId())) {
            throw new RequestNotFound();
        }
        return r;
    }

    record Page(long total, List<InfoRequest> items) {
    }

    /** The requests the member may see, newest first, filtered; overdue = open and past its due date today. */
    @Transactional(readOnly = true)
    Page search(StaffPrincipal me, RequestStatus status, Long departmentId, Boolean overdue, int page, int size) {
        LocalDate today = today();
        WorkCalendar calendar = calendars.current();
        List<InfoRequest> matching = visibleTo(me).stream()
                .filter(r -> status == null || r.getStatus() == status)
                .filter(r -> departmentId == null || departmentId.equals(r.getDepartmentId()))
                .filter(r -> overdue == null || overdue == (r.isOpen() && r.dueOn(calendar, today).isBefore(today)))
                .toList();
        int from = (int) Math.min((long) page * size, matching.size());
        return new Page(matching.size(), matching.subList(from, Math.min(from + size, matching.size())));
    }

    /** A request of the member's agency by its tracking number, as {@link #get} would allow it. */
    @Transactional(readOnly = true)
    Long idOf(StaffPrincipal me, String trackingNumber) {
        InfoRequest r = requests.findByTrackingNumber(trackingNumber).filter(x -> x.getAgencyId().equals(me.agencyId()))
                .orElseThrow(RequestNotFound::new);
        return get(me, r.getId()).getId();
    }

    @Transactional(readOnly = true)
    List<RequestEvent> timeline(Long requestId) {
        return events.findByRequestIdOrderById(requestId);
    }

    LocalDate dueOn(InfoRequest r) {
        return r.dueOn(calendars.current(), today());
    }

    String maskedIdNumber(InfoRequest r) {
        String id = cipher.decrypt(r.getIdNumberCipher());
        return id == null ? null : Masks.residentId(id);
    }

    String maskedPhone(InfoRequest r) {
        return Masks.phone(cipher.decrypt(r.getPhoneCipher()));
    }

    /** Who may open an applicant's full personal data (ID number, phone, identity scan): the handler and the office. */
    static boolean mayOpenPersonalData(StaffPrincipal me, InfoRequest r) {
        boolean handling = me.departmentId().equals(r.getDepartmentId()) && (me.has(Role.STAFF)
                || me.has(Role.DEPT_HEAD));
        return handling || me.has(Role.OFFICE);
    }

    /** The full ID number and phone: only the handling department and the office, and every view is audited. */
    PersonalData personalData(StaffPrincipal me, Long id) {
        InfoRequest r = get(me, id);
        if (!mayOpenPersonalData(me, r)) {
            throw new RequestRuleViolation("request.error.notAllowed");
        }
        audit.record(AuditRecord.of(me.agencyId(), "PERSONAL_DATA_VIEWED", SUBJECT, r.getTrackingNumber(),
                "ID number and phone"));
        return new PersonalData(cipher.decrypt(r.getIdNumberCipher()), cipher.decrypt(r.getPhoneCipher()));
    }

    record PersonalData(String idNumber, String phone) {
    }

    /** Public tracking: wrong number and wrong code answer the same (nothing). */
    @Transactional(readOnly = true)
    Optional<InfoRequest> track(String trackingNumber, String code) {
        if (trackingNumber == null || code == null) {
            return Optional.empty();
        }
        return requests.findByTrackingNumber(typed(trackingNumber))
                .filter(r -> MessageDigest.isEqual(r.getQueryCodeHash().getBytes(StandardCharsets.UTF_8),
                        hashCode(r.getTrackingNumber(), typed(code)).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A tracking number or query code as people type or copy it: in any case, with spaces anywhere (the ideographic
     * space too), with full-width letters and digits. Neither ever holds a space, and both are upper case.
     */
    static String typed(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
                .replaceAll("[\\s\\p{javaWhitespace}\\p{Z}]+", "").toUpperCase(java.util.Locale.ROOT);
    }

    // ---- handling -------------------------------------------------------------------------------------------------

    InfoRequest requestAmendment(StaffPrincipal me, Long id, String whatIsNeeded) {
        List<String> items = whatIsNeeded == null ? List.of() : whatIsNeeded.lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        return requestAmendment(me, id, items, null);
    }

    /**
     * 补正 (Art. 30): one notice listing everything needed at once, within 7 working days of receipt, giving the
     * applicant {@code days} working days (the agency's default when null) to amend.
     */
    InfoRequest requestAmendment(StaffPrincipal me, Long id, List<String> items, Integer days) {
        requireRole(me, Role.OFFICE);
        InfoRequest r = get(me, id);
        List<String> needed = items == null ? List.of() : items.stream().filter(i -> i != null && !i.isBlank())
                .map(String::strip).toList();
        if (needed.isEmpty()) {
            throw new RequestRuleViolation("request.error.amendmentItems", "items");
        }
        if (needed.size() > MAX_AMENDMENT_ITEMS || needed.stream().anyMatch(i -> i.length() > 500)) {
            throw new RequestRuleViolation("request.error.amendmentItemsBound", "items", MAX_AMENDMENT_ITEMS, 500);
        }
        int given = days == null ? amendmentDays : days;
        if (given < 1 || given > MAX_AMENDMENT_DAYS) {
            throw new RequestRuleViolation("request.error.amendmentDays", "days", MAX_AMENDMENT_DAYS);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < needed.size(); i++) {
            text.append(needed.size() == 1 ? "" : (i + 1) + ". ").append(needed.get(i)).append('\n');
        }
        LocalDate due = calendars.current().plusWorkingDays(today(), given);
        r.requestAmendment(text.toString().strip(), due, calendars.current(), today(), now());
        return changed(me, r, "AMENDMENT_REQUESTED", true, r.getAmendmentText(),
                text("request.timeline.amendmentRequested", r.getAmendmentText(), zh(due)));
    }

    InfoRequest recordAmendment(StaffPrincipal me, Long id, String description, LocalDate receivedOn) {
        requireRole(me, Role.OFFICE);
        InfoRequest r = get(me, id);
        r.amended(description, receivedOn == null ? today() : receivedOn, calendars.current(), today(), now());
        return changed(me, r, "AMENDED", true, null, text("request.timeline.amended", zh(r.getAmendedOn()),
                zh(dueOn(r))));
    }

    InfoRequest abandon(StaffPrincipal me, Long id) {
        requireRole(me, Role.OFFICE);
        InfoRequest r = get(me, id);
        r.abandon(calendars.current(), today(), now());
        publisher.publishEvent(new WorkItemDone(SUBJECT, r.getId().toString(), HANDLE));
        return changed(me, r, "ABANDONED", true, null);
    }

    InfoRequest assign(StaffPrincipal me, Long id, Long departmentId) {
        requireRole(me, Role.OFFICE);
        InfoRequest r = get(me, id);
        if (departmentId == null) {
            throw new RequestRuleViolation("request.error.departmentRequired", "departmentId");
        }
        if (!org.departmentNames(me.agencyId()).containsKey(departmentId)) {
            throw new RequestRuleViolation("request.error.unknownDepartment", "departmentId");
        }
        r.assign(departmentId, now());
        return changed(me, r, "ASSIGNED", true, null);
    }

    InfoRequest startConsultation(StaffPrincipal me, Long id, String kind, String party) {
        Consultation.Kind k;
        try {
            k = kind == null ? null : Consultation.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            k = null;
        }
        return consult(me, id, k, party).request();
    }

    record Consulted(InfoRequest request, Consultation consultation) {
    }

    /**
     * 征求意见: the third party answers within 15 working days (Art. 32), another agency within 10 (政府信息发布协调制度
     * 三); each consultation is a work item of the handling department with its own due date, and the reply clock
     * stops while it runs (Art. 33).
     */
    Consulted consult(StaffPrincipal me, Long id, Consultation.Kind kind, String party) {
        InfoRequest r = handling(me, id);
        Consultation c = consultations.save(r.startConsultation(kind, party, calendars.current(), today(),
                me.getUsername(), now()));
        changed(me, r, "CONSULTATION_STARTED", true, text("request.consult." + kind.name()) + "：" + c.getParty(),
                text("request.timeline.consultation." + kind.name()));
        publisher.publishEvent(new WorkItemRequested(r.getAgencyId(), SUBJECT, r.getId().toString(), c.workKind(),
                text("request.work.consultation." + kind.name(), c.getParty(), r.getTrackingNumber()),
                "/workbench/requests/" + r.getId(), r.getDepartmentId(), Role.STAFF.name(), null,
                Deadline.fixedDate(c.getDueOn()), CONSULTATION_REMINDERS, false));
        return new Consulted(r, c);
    }

    /** Ends the oldest open consultation (the workbench's single form for one consultation). */
    InfoRequest endConsultation(StaffPrincipal me, Long id, String result) {
        InfoRequest r = handling(me, id);
        Consultation c = r.openConsultations().stream().findFirst()
                .orElseThrow(() -> new RequestRuleViolation("request.error.noSuchConsultation"));
        return closeConsultation(me, id, c.getId(), result, null).request();
    }

    Consulted closeConsultation(StaffPrincipal me, Long id, Long consultationId, String answer, LocalDate answeredOn) {
        InfoRequest r = handling(me, id);
        Consultation c = r.closeConsultation(consultationId, answer, answeredOn, today(), me.getUsername(), now());
        publisher.publishEvent(new WorkItemDone(SUBJECT, r.getId().toString(), c.workKind()));
        changed(me, r, "CONSULTATION_ENDED", true, c.getAnswer(), r.getStatus() == RequestStatus.CONSULTING ? null
                : text("request.timeline.consultationEnded", zh(dueOn(r))));
        return new Consulted(r, c);
    }

    InfoRequest requestExtension(StaffPrincipal me, Long id, int days, String reason) {
        InfoRequest r = handling(me, id);
        r.requestExtension(days, reason, maxExtension, now());
        return changed(me, r, "EXTENSION_REQUESTED", false, days + " 个工作日：" + reason);
    }

    /** The agency's limit on an extension (工作职责 五.4), never above the Regulations' 20 working days. */
    int maxExtension() {
        return maxExtension;
    }

    /**
     * The leader approves the extension before the original due date, and the applicant is told in writing (Art. 33
     * para. 2): the extension notice (延期答复告知书) is on the tracking page and is e-mailed where an address was given.
     */
    InfoRequest approveExtension(StaffPrincipal me, Long id) {
        requireRole(me, Role.LEADER);
        InfoRequest r = get(me, id);
        r.approveExtension(me.displayName(), calendars.current(), today(), now());
        changed(me, r, "EXTENDED", true, r.getExtensionDays() + " 个工作日", text("request.timeline.extended",
                r.getExtensionDays(), zh(dueOn(r)), r.getExtensionReason()));
        LocalDate newDue = dueOn(r);
        String agency = org.agency(r.getAgencyId()).map(a -> a.getName()).orElse("");
        mailer.noticeAfterCommit(r.getEmail(), text("request.mail.extension.subject", r.getTrackingNumber()),
                text("request.mail.extension.body", r.getName(), r.getTrackingNumber(), r.getExtensionDays(),
                        zh(newDue), agency), "extension-notice-" + r.getTrackingNumber() + ".pdf",
                () -> letters.extensionNoticePdf(r, r.getExtensionApprovedOn(), r.getExtensionOriginalDue(), newDue));
        return r;
    }

    InfoRequest refuseExtension(StaffPrincipal me, Long id) {
        requireRole(me, Role.LEADER);
        InfoRequest r = get(me, id);
        r.refuseExtension(now());
        return changed(me, r, "EXTENSION_REFUSED", false, null);
    }

    InfoRequest draftReply(StaffPrincipal me, Long id, Outcome outcome, ReplyForm form, String text, String links) {
        return draftReply(me, id, outcome, form, text, links, List.of());
    }

    /** Drafts the reply with the files released to this applicant (never public; shown to them once replied). */
    InfoRequest draftReply(StaffPrincipal me, Long id, Outcome outcome, ReplyForm form, String text, String links,
            List<FileRule.Upload> released) {
        return draftReply(me, id, outcome, form, text, links, released, null);
    }

    /**
     * Drafts the reply with what its letter cites beyond the outcome and the form (the withheld parts of a partial
     * disclosure and their basis, the law named, the responsible agency, the article stated); null keeps what was
     * recorded.
     */
    InfoRequest draftReply(StaffPrincipal me, Long id, Outcome outcome, ReplyForm form, String text, String links,
            List<FileRule.Upload> released, ReplyParticulars particulars) {
        InfoRequest r = handling(me, id);
        // 予以公开 / 已主动公开 / 部分公开 replies link the published (for 部分公开: the redacted) catalog items.
        if (links != null && !links.isBlank()) {
            for (String indexNumber : links.split("[,，\\s]+")) {
                if (!indexNumber.isBlank() && catalog.publicEntry(me.agencyId(), indexNumber.trim()).isEmpty()) {
                    throw new RequestRuleViolation("request.error.unknownIndexNumber", "links");
                }
            }
        }
        r.draftReply(outcome, form, text, links, me.getUsername(), now());
        if (particulars != null) {
            letters.recordParticulars(r.getId(), particulars, me.getUsername());
        }
        for (FileRule.Upload upload : released) {
            if (upload.rule() != FileRule.RELEASED) {
                throw new IllegalArgumentException("not a released file");
            }
            RequestFile file = files.save(r.getId(), upload, me.getUsername());
            audit.record(AuditRecord.of(me.agencyId(), "REQUEST_FILE_ADDED", SUBJECT, r.getTrackingNumber(),
                    "file " + file.getId() + " " + upload.contentType()));
        }
        return changed(me, r, "REPLY_DRAFTED", false, outcome == null ? null : outcome.name());
    }

    /** One part of a request that asks for several unrelated things. */
    record Part(String title, String description) {
    }

    record Split(InfoRequest request, List<Receipt> created) {
    }

    /**
     * 一事一申请 (依申请公开制度 五): the office splits a request asking for several unrelated things. The first part stays
     * with the request; each other part becomes a request of its own, with its own number, query code and clock from
     * the same received date. The applicant is told (timeline and, where given, e-mail with the new numbers and codes).
     */
    Split split(StaffPrincipal me, Long id, List<Part> parts) {
        requireRole(me, Role.OFFICE);
        InfoRequest r = get(me, id);
        if (parts == null || parts.size() < 2) {
            throw new RequestRuleViolation("request.error.splitParts", "parts");
        }
        if (parts.size() > MAX_SPLIT_PARTS) {
            throw new RequestRuleViolation("request.error.splitTooMany", "parts", MAX_SPLIT_PARTS);
        }
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (p == null || p.description() == null || p.description().isBlank()) {
                throw new RequestRuleViolation("request.error.textRequired", "parts[" + i + "].description");
            }
            if (p.description().length() > 2000 || (p.title() != null && p.title().length() > 300)) {
                throw new RequestRuleViolation("request.error.splitPartTooLong", "parts[" + i + "]");
            }
        }
        r.keepPart(parts.getFirst().title(), parts.getFirst().description(), now());
        WorkCalendar calendar = calendars.current();
        List<Receipt> created = new java.util.ArrayList<>();
        for (Part p : parts.subList(1, parts.size())) {
            String tracking = nextTrackingNumber(r.getSubmittedOn());
            String code = queryCode();
            InfoRequest part = requests.save(new InfoRequest(r, tracking, hashCode(tracking, code), p.title(),
                    p.description(), now()));
            events.save(new RequestEvent(part.getId(), now(), me.getUsername(), "RECEIVED", true,
                    r.getTrackingNumber(), text("request.timeline.splitOff", r.getTrackingNumber(),
                            zh(part.getReceivedOn()), zh(part.dueOn(calendar, today())))));
            audit.record(AuditRecord.of(me.agencyId(), "REQUEST_RECEIVED", SUBJECT, tracking,
                    "split from " + r.getTrackingNumber()));
            moveWork(part);
            created.add(new Receipt(tracking, code, part.getReceivedOn(), part.dueOn(calendar, today())));
        }
        String numbers = String.join("、", created.stream().map(Receipt::trackingNumber).toList());
        changed(me, r, "SPLIT", true, numbers, text("request.timeline.split", created.size() + 1, numbers));
        StringBuilder codes = new StringBuilder();
        for (Receipt c : created) {
            codes.append(text("request.mail.split.line", c.trackingNumber(), c.queryCode(), zh(c.dueOn()))).append('\n');
        }
        String agency = org.agency(r.getAgencyId()).map(a -> a.getName()).orElse("");
        mailer.noticeAfterCommit(r.getEmail(), text("request.mail.split.subject", r.getTrackingNumber()),
                text("request.mail.split.body", agency, r.getTrackingNumber(), created.size() + 1, codes.toString()),
                null, null);
        return new Split(r, created);
    }

    /** A released file may be taken back by the department while the reply is being (re)drafted. */
    InfoRequest removeReleasedFile(StaffPrincipal me, Long id, Long fileId) {
        InfoRequest r = handling(me, id);
        r.requireReleasedFilesChangeable();
        if (!files.remove(r.getId(), FileRule.RELEASED, fileId)) {
            throw new RequestNotFound();
        }
        audit.record(AuditRecord.of(me.agencyId(), "REQUEST_FILE_REMOVED", SUBJECT, r.getTrackingNumber(),
                "file " + fileId));
        return r;
    }

    /** Longest review opinion (a paragraph). */
    static final int MAX_OPINION = 500;

    /** The API's review step, whose contract predates opinions: a return without one is still accepted there. */
    InfoRequest officeReview(StaffPrincipal me, Long id, boolean approve) {
        return officeReview(me, id, approve, null, false);
    }

    /** The office's review with its opinion, kept on the internal timeline; a return must say why. */
    InfoRequest officeReview(StaffPrincipal me, Long id, boolean approve, String opinion) {
        return officeReview(me, id, approve, opinion, true);
    }

    private InfoRequest officeReview(StaffPrincipal me, Long id, boolean approve, String opinion,
            boolean returnNeedsOpinion) {
        requireRole(me, Role.OFFICE);
        InfoRequest r = get(me, id);
        String said = opinion(opinion, approve, returnNeedsOpinion);
        r.officeReview(approve, me.getUsername(), r.getOutcome() != null && r.getOutcome().needsLeader(),
                calendars.current(), today(), now());
        return changed(me, r, approve ? (r.getStatus() == RequestStatus.REPLIED ? "REPLIED" : "OFFICE_APPROVED")
                : "OFFICE_RETURNED", r.getStatus() == RequestStatus.REPLIED, said);
    }

    /** The API's approval step (see {@link #officeReview(StaffPrincipal, Long, boolean)}). */
    InfoRequest leaderDecision(StaffPrincipal me, Long id, boolean approve) {
        return leaderDecision(me, id, approve, null, false);
    }

    /** The leader's approval with an opinion, kept on the internal timeline; a return must say why. */
    InfoRequest leaderDecision(StaffPrincipal me, Long id, boolean approve, String opinion) {
        return leaderDecision(me, id, approve, opinion, true);
    }

    private InfoRequest leaderDecision(StaffPrincipal me, Long id, boolean approve, String opinion,
            boolean returnNeedsOpinion) {
        requireRole(me, Role.LEADER);
        InfoRequest r = get(me, id);
        String said = opinion(opinion, approve, returnNeedsOpinion);
        r.leaderDecision(approve, me.displayName(), calendars.current(), today(), now());
        return changed(me, r, approve ? "REPLIED" : "LEADER_RETURNED", approve, said);
    }

    /** The opinion as the timeline keeps it (意见：…), or null when none was given. */
    private String opinion(String opinion, boolean approve, boolean returnNeedsOpinion) {
        String given = opinion == null ? "" : opinion.strip();
        if (given.isEmpty()) {
            if (!approve && returnNeedsOpinion) {
                throw new RequestRuleViolation("request.error.opinionRequired", "opinion");
            }
            return null;
        }
        if (given.length() > MAX_OPINION) {
            throw new RequestRuleViolation("request.error.opinionTooLong", "opinion", MAX_OPINION);
        }
        return text("request.timeline.opinion", given);
    }

    /** This request's place among the applicant's requests of its calendar month, in order of arrival. */
    @Transactional(readOnly = true)
    long nthThisMonth(InfoRequest r) {
        LocalDate first = r.getReceivedOn().withDayOfMonth(1);
        return requests.countSameApplicantBetween(r.getAgencyId(), r.getApplicantKey(), first,
                r.getReceivedOn().plusDays(1), r.getId());
    }

    /** The fee the handler may charge for this request (0 when free). */
    @Transactional(readOnly = true)
    int chargeableFee(InfoRequest r) {
        return FeePolicy.feeForNth((int) nthThisMonth(r));
    }

    InfoRequest notifyFee(StaffPrincipal me, Long id) {
        requireRole(me, Role.OFFICE);
        InfoRequest r = get(me, id);
        int fee = chargeableFee(r);
        r.notifyFee(fee, calendars.current().plusWorkingDays(today(), 20), today(), now());
        return changed(me, r, "FEE_NOTIFIED", true, fee + " 元");
    }

    InfoRequest feePaid(StaffPrincipal me, Long id) {
        requireRole(me, Role.OFFICE);
        InfoRequest r = get(me, id);
        r.feePaid(calendars.current(), today(), now());
        return changed(me, r, "FEE_PAID", true, null);
    }

    InfoRequest closeUnpaid(StaffPrincipal me, Long id) {
        requireRole(me, Role.OFFICE);
        InfoRequest r = get(me, id);
        r.closeUnpaid(calendars.current(), today(), now());
        publisher.publishEvent(new WorkItemDone(SUBJECT, r.getId().toString(), HANDLE));
        return changed(me, r, "FEE_UNPAID", true, null);
    }

    /** 保密审查制度 十四: recorded as the applicant's question, answered by the office with its own work item. */
    InfoRequest askExplanation(StaffPrincipal me, Long id, String question) {
        requireRole(me, Role.OFFICE);
        InfoRequest r = get(me, id);
        r.askExplanation(question, today(), now());
        publisher.publishEvent(new WorkItemRequested(r.getAgencyId(), SUBJECT, r.getId().toString(), "EXPLANATION",
                "不予公开说明 " + r.getTrackingNumber(), "/workbench/requests/" + r.getId(), null, Role.OFFICE.name(),
                null, Deadline.workingDays(today(), allowance)));
        event(r, me.getUsername(), "EXPLANATION_ASKED", true, question);
        audit.record(AuditRecord.of(me.agencyId(), "REQUEST_EXPLANATION_ASKED", SUBJECT, r.getTrackingNumber(), null));
        return r;
    }

    InfoRequest answerExplanation(StaffPrincipal me, Long id, String answer) {
        requireRole(me, Role.OFFICE);
        InfoRequest r = get(me, id);
        r.answerExplanation(answer, now());
        publisher.publishEvent(new WorkItemDone(SUBJECT, r.getId().toString(), "EXPLANATION"));
        event(r, me.getUsername(), "EXPLANATION_ANSWERED", true, null);
        audit.record(AuditRecord.of(me.agencyId(), "REQUEST_EXPLANATION_ANSWERED", SUBJECT, r.getTrackingNumber(),
                null));
        return r;
    }

    /** 行政复议 / 行政诉讼 about a request, for the annual report. */
    Challenge recordChallenge(StaffPrincipal me, Long id, Challenge.Kind kind, LocalDate filedOn,
            Challenge.Result result, String note) {
        requireRole(me, Role.OFFICE);
        InfoRequest r = get(me, id);
        if (kind == null || filedOn == null) {
            throw new RequestRuleViolation("request.error.challengeFields", kind == null ? "kind" : "filedOn");
        }
        Challenge c = challenges.save(new Challenge(r.getId(), kind, filedOn,
                result == null ? Challenge.Result.PENDING : result, note, me.getUsername(), now()));
        audit.record(AuditRecord.of(me.agencyId(), "REQUEST_CHALLENGE_RECORDED", SUBJECT, r.getTrackingNumber(),
                kind + " " + c.getResult()));
        return c;
    }

    Challenge decideChallenge(StaffPrincipal me, Long id, Long challengeId, Challenge.Result result, String note) {
        requireRole(me, Role.OFFICE);
        InfoRequest r = get(me, id);
        Challenge c = challenges.findByIdAndRequestId(challengeId, r.getId()).orElseThrow(RequestNotFound::new);
        c.decide(result, note, now());
        audit.record(AuditRecord.of(me.agencyId(), "REQUEST_CHALLENGE_DECIDED", SUBJECT, r.getTrackingNumber(),
                c.getKind() + " " + result));
        return c;
    }

    @Transactional(readOnly = true)
    List<Challenge> challenges(Long requestId) {
        return challenges.findByRequestIdOrderById(requestId);
    }

    InfoRequest recordDelivery(StaffPrincipal me, Long id, LocalDate on, String note) {
        requireRole(me, Role.OFFICE);
        InfoRequest r = get(me, id);
        r.recordDelivery(on == null ? today() : on, note, now());
        publisher.publishEvent(new WorkItemDone(SUBJECT, r.getId().toString(), HANDLE));
        return changed(me, r, "DELIVERED", true, note);
    }

    private InfoRequest handling(StaffPrincipal me, Long id) {
        InfoRequest r = get(me, id);
        boolean department = me.departmentId().equals(r.getDepartmentId())
                && (me.has(Role.STAFF) || me.has(Role.DEPT_HEAD));
        if (!department) {
            throw new RequestRuleViolation("request.error.notHandler");
        }
        return r;
    }

    private InfoRequest changed(StaffPrincipal me, InfoRequest r, String kind, boolean publicStep, String text) {
        return changed(me, r, kind, publicStep, text, null);
    }

    private InfoRequest changed(StaffPrincipal me, InfoRequest r, String kind, boolean publicStep, String text,
            String publicText) {
        events.save(new RequestEvent(r.getId(), now(), me.getUsername(), kind, publicStep, text, publicText));
        audit.record(AuditRecord.of(me.agencyId(), "REQUEST_" + kind, SUBJECT, r.getTrackingNumber(), text));
        moveWork(r);
        return r;
    }

    private void event(InfoRequest r, String actor, String kind, boolean publicStep, String text) {
        events.save(new RequestEvent(r.getId(), now(), actor, kind, publicStep, text));
    }

    /** The request's open work moves to whoever acts next, due on the reply date. */
    private void moveWork(InfoRequest r) {
        WorkCalendar calendar = calendars.current();
        ReplyClock c = r.clock();
        Deadline reply = Deadline.workingDays(c.clockStart(), c.allowance() + c.extensionDays()
                + c.notCounted(calendar, today()));
        String title = "依申请公开 " + r.getTrackingNumber() + "："
                + (r.getInfoTitle() != null ? r.getInfoTitle() : abbreviate(r.getInfoDescription()));
        String link = "/workbench/requests/" + r.getId();
        WorkItemRequested work = switch (r.getStatus()) {
            case FEE_NOTIFIED -> new WorkItemRequested(r.getAgencyId(), SUBJECT, r.getId().toString(), HANDLE,
                    "待缴费 " + title, link, null, Role.OFFICE.name(), null, Deadline.fixedDate(r.getFeeDue()));
            case RECEIVED, REPLY_DRAFTED -> new WorkItemRequested(r.getAgencyId(), SUBJECT, r.getId().toString(),
                    HANDLE, title, link, null, Role.OFFICE.name(), null, reply);
            case AMENDMENT_REQUESTED -> new WorkItemRequested(r.getAgencyId(), SUBJECT, r.getId().toString(), HANDLE,
                    "待补正 " + title, link, null, Role.OFFICE.name(), null, Deadline.fixedDate(r.getAmendmentDue()));
            case ASSIGNED -> new WorkItemRequested(r.getAgencyId(), SUBJECT, r.getId().toString(), HANDLE,
                    title, link, r.getDepartmentId(), Role.STAFF.name(), null, reply);
            // While a consultation runs the due date moves on with every working day; the daily job keeps the
            // handler's work item on the same date as the request (refreshPausedClocks).
            case CONSULTING -> new WorkItemRequested(r.getAgencyId(), SUBJECT, r.getId().toString(), HANDLE,
                    "征求意见中 " + title, link, r.getDepartmentId(), Role.STAFF.name(), null, reply);
            case AWAITING_LEADER -> new WorkItemRequested(r.getAgencyId(), SUBJECT, r.getId().toString(), HANDLE,
                    "审批答复 " + title, link, null, Role.LEADER.name(), null, reply);
            case REPLIED -> new WorkItemRequested(r.getAgencyId(), SUBJECT, r.getId().toString(), HANDLE,
                    "送达答复 " + title, link, null, Role.OFFICE.name(), null, Deadline.workingDays(today(), 2));
            case CLOSED -> null;
        };
        if (work != null) {
            // 依申请公开: the handler is reminded 5 and 1 working days before the reply is due and, once it is
            // overdue, it is escalated to the agency's leaders (分管领导) as well as the department head.
            publisher.publishEvent(new WorkItemRequested(work.agencyId(), work.subjectType(), work.subjectId(),
                    work.kind(), work.title(), work.link(), work.ownerDepartmentId(), work.ownerRole(),
                    work.ownerUserId(), work.deadline(), REPLY_REMINDERS, true));
        }
        if (r.getExtensionRequestedDays() != null && r.getExtensionApprovedBy() == null && r.isOpen()) {
            publisher.publishEvent(new WorkItemRequested(r.getAgencyId(), SUBJECT, r.getId().toString(), "EXTENSION",
                    "审批延期 " + title, link, null, Role.LEADER.name(), null,
                    Deadline.fixedDate(c.originalDue(calendar, today()))));
        } else {
            publisher.publishEvent(new WorkItemDone(SUBJECT, r.getId().toString(), "EXTENSION"));
        }
    }

    /**
     * Once a day (and at start-up): the handler's work item of every request whose clock is stopped by a consultation
     * is moved to the request's due date of today, so the two always show the same date.
     */
    int refreshPausedClocks() {
        int moved = 0;
        for (InfoRequest r : requests.findByStatus(RequestStatus.CONSULTING)) {
            moveWork(r);
            moved++;
        }
        return moved;
    }

    /**
     * Requests answered or closed before due dates were frozen (schema V24) get them now, derived once from today's
     * calendar; from then on they keep them.
     */
    int freezeAnsweredClocks() {
        int frozen = 0;
        for (InfoRequest r : requests.findAnsweredWithoutFinalDue()) {
            r.freezeClock(calendars.current());
            frozen++;
        }
        return frozen;
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }

    private static void requireRole(StaffPrincipal me, Role role) {
        if (!me.has(role)) {
            throw new RequestRuleViolation("request.error.notAllowed");
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Deadline.ZONE));
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static class RequestNotFound extends RuntimeException {
    }
}
