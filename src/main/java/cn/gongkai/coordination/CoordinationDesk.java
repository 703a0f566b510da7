package cn.gongkai.coordination;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.org.Agency;
import cn.gongkai.org.AgencyKind;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.worklist.Deadline;
import cn.gongkai.worklist.WorkItemDone;
import cn.gongkai.worklist.WorkItemRequested;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offices' side of release coordination: send, answer, escalate, decide. Each agency's office sees the
 * coordinations it sent, those it received and those escalated to it (the authority); no one else sees any.
 */
@Service
@Transactional
class CoordinationDesk {

    static final String SUBJECT = "COORDINATION";
    static final String ANSWER = "ANSWER";
    static final String DECIDE = "DECIDE";
    /** The authority's own time for a decision; the rules give none, so the same 10 working days as an answer. */
    static final int DECISION_DAYS = 10;
    static final int MAX_SCAN_BYTES = 10 * 1024 * 1024;
    static final int MAX_ITEM_TEXT = 20_000;

    private final Coordinations coordinations;
    private final CoordinationScans scans;
    private final CoordinatedItems items;
    private final OrgDirectory org;
    private final WorkCalendarStore calendar;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CoordinationDesk(Coordinations coordinations, CoordinationScans scans, CoordinatedItems items, OrgDirectory org,
            WorkCalendarStore calendar, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.coordinations = coordinations;
        this.scans = scans;
        this.items = items;
        this.org = org;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- sending ------------------------------------------------------------------------------------------------

    /** 协调 三: the office asks in writing; the other agency's office finds it in 我的待办, due in 10 working days. */
    Coordination send(StaffPrincipal me, CoordinationForms.Request form) {
        requireOffice(me);
        List<CoordinationForms.Problem> problems = new java.util.ArrayList<>(form.problems());
        CoordinatedItems.CoordinatedItem item = form.itemId() == null ? null
                : items.find(me, form.itemId()).orElse(null);
        if (form.itemId() != null && item == null) {
            problems.add(new CoordinationForms.Problem("itemId", "coordination.error.itemId.unknown"));
        }
        Agency to = null;
        if (!form.toAgency().isEmpty() && problems.stream().noneMatch(p -> p.field().equals("toAgency"))) {
            to = org.agencies().stream().filter(a -> a.getCode().equals(form.toAgency())).findFirst().orElse(null);
            if (to == null) {
                problems.add(new CoordinationForms.Problem("toAgency", "coordination.error.toAgency.unknown"));
            } else if (to.getId().equals(me.agencyId())) {
                problems.add(new CoordinationForms.Problem("toAgency", "coordination.error.toAgency.self"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCoordination(problems);
        }
        if (item.published()) {
            throw new CoordinationRuleViolation("coordination.error.itemPublished");
        }
        LocalDate today = calendar.today();
        String text = item.text() == null ? "" : item.text();
        CoordinatedItems.CoordinatedItem kept = new CoordinatedItems.CoordinatedItem(item.id(), item.agencyId(),
                item.version(), item.title(), text.length() > MAX_ITEM_TEXT ? text.substring(0, MAX_ITEM_TEXT) : text,
                false);
        Coordination c = coordinations.save(new Coordination(me.agencyId(), kept, to == null ? null : to.getId(),
                to == null ? form.outsideAgency() : null, form.question(), form.urgent(), today,
                calendar.current().isWorkingDay(today), me.getUsername(), now()));
        String counterpart = counterpart(c);
        audit.record(AuditRecord.of(me.agencyId(), "COORDINATION_SENT", SUBJECT, c.getId(),
                "item " + item.id() + " → " + counterpart + (c.isUrgent() ? "（紧急）" : "") + ": " + c.getQuestion()));
        if (to != null) {
            audit.record(AuditRecord.of(to.getId(), "COORDINATION_RECEIVED", SUBJECT, c.getId(),
                    agencyName(me.agencyId()) + ": " + c.getItemTitle()));
        }
        // An agency on the platform answers in its workbench; an outside agency's letter is entered by the sender.
        Long owner = to != null ? to.getId() : me.agencyId();
        events.publishEvent(new WorkItemRequested(owner, SUBJECT, c.getId().toString(), ANSWER,
                (to != null ? "发布协调答复：" : "登记外机关协调答复：") + c.getItemTitle(), link(c), null,
                Role.OFFICE.name(), null, c.deadline(), c.isUrgent() ? List.of() : List.of(5, 1)));
        return c;
    }

    // ---- answering ----------------------------------------------------------------------------------------------

    /**
     * The answer, by the receiving office (or, for an outside agency, by the sender's office from the letter). A
     * disagreement is escalated to the disclosure authority at once (协调 二).
     */
    Coordination answer(StaffPrincipal me, Long id, CoordinationForms.Answer form) {
        Coordination c = visible(me, id);
        boolean answersHere = c.isOutside() ? me.agencyId().equals(c.getAgencyId())
                : me.agencyId().equals(c.getToAgencyId());
        if (!answersHere) {
            throw new CoordinationForbidden();
        }
        List<CoordinationForms.Problem> problems = form.problems();
        if (!problems.isEmpty()) {
            throw new InvalidCoordination(problems);
        }
        LocalDate today = calendar.today();
        c.answer(form.answer(), form.wording(), form.reasons(), me.getUsername(), today, now());
        String detail = form.answer().name() + (form.wording().isEmpty() ? "" : "；统一表述：" + form.wording())
                + (form.reasons().isEmpty() ? "" : "；理由：" + form.reasons());
        for (Long agency : involved(c)) {
            audit.record(AuditRecord.of(agency, "COORDINATION_ANSWERED", SUBJECT, c.getId(), detail));
        }
        events.publishEvent(new WorkItemDone(SUBJECT, c.getId().toString(), ANSWER));
        if (form.answer() == CoordinationAnswer.DISAGREE) {
            Long authority = authorityFor(c.getAgencyId()).map(Agency::getId).orElse(null);
            c.escalate(authority, today);
            // Without an authority on the platform the sender's office records the outside authority's decision.
            Long decider = authority != null ? authority : c.getAgencyId();
            audit.record(AuditRecord.of(decider, "COORDINATION_ESCALATED", SUBJECT, c.getId(),
                    agencyName(c.getAgencyId()) + " ↔ " + counterpart(c) + ": " + c.getItemTitle()));
            events.publishEvent(new WorkItemRequested(decider, SUBJECT, c.getId().toString(), DECIDE,
                    "发布协调裁定：" + c.getItemTitle(), link(c), null, Role.OFFICE.name(), null,
                    Deadline.workingDays(today, DECISION_DAYS), List.of(3, 1)));
        }
        return c;
    }

    /** 协调 二: the authority's office decides a disputed coordination; the decision binds both agencies. */
    Coordination decide(StaffPrincipal me, Long id, CoordinationForms.Decision form) {
        Coordination c = visible(me, id);
        if (!canDecide(me, c)) {
            throw new CoordinationForbidden();
        }
        List<CoordinationForms.Problem> problems = form.problems();
        if (!problems.isEmpty()) {
            throw new InvalidCoordination(problems);
        }
        c.decide(form.decision(), form.wording(), form.reasons(), me.getUsername(), now());
        String detail = form.decision().name() + (form.wording().isEmpty() ? "" : "；统一表述：" + form.wording())
                + "；理由：" + form.reasons();
        for (Long agency : involved(c)) {
            audit.record(AuditRecord.of(agency, "COORDINATION_DECIDED", SUBJECT, c.getId(), detail));
        }
        events.publishEvent(new WorkItemDone(SUBJECT, c.getId().toString(), DECIDE));
        return c;
    }

    /** The outside agency's letter, scanned: a PDF, JPEG or PNG, recognised by its content, at most 10 MB. */
    void attachScan(StaffPrincipal me, Long id, String filename, byte[] content) {
        Coordination c = visible(me, id);
        if (!c.isOutside() || !me.agencyId().equals(c.getAgencyId())) {
            throw new CoordinationForbidden();
        }
        if (content == null || content.length == 0) {
            throw new InvalidCoordination(List.of(new CoordinationForms.Problem("scan", "coordination.error.scan.required")));
        }
        if (content.length > MAX_SCAN_BYTES) {
            throw new InvalidCoordination(List.of(new CoordinationForms.Problem("scan", "coordination.error.scan.tooLarge")));
        }
        String type = cn.gongkai.platform.FileSignatures.pdfOrImage(content);
        if (type == null) {
            throw new InvalidCoordination(List.of(new CoordinationForms.Problem("scan", "coordination.error.scan.type")));
        }
        String name = filename == null || filename.isBlank() ? "scan" : filename.strip();
        name = name.replaceAll("[\\p{Cntrl}/\\\\]", "_");
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        scans.save(new CoordinationScan(c.getId(), name, type, content, now()));
        audit.record(AuditRecord.of(me.agencyId(), "COORDINATION_SCAN", SUBJECT, c.getId(), name + " (" + type + ", "
                + content.length + " bytes)"));
    }

    @Transactional(readOnly = true)
    Optional<CoordinationScan> scan(StaffPrincipal me, Long id) {
        Coordination c = visible(me, id);
        return scans.findById(c.getId());
    }

    @Transactional(readOnly = true)
    boolean hasScan(Long id) {
        return scans.existsById(id);
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /** The item a new request would be about, as the office sees it. */
    @Transactional(readOnly = true)
    Optional<CoordinatedItems.CoordinatedItem> item(StaffPrincipal me, Long itemId) {
        requireOffice(me);
        return itemId == null ? Optional.empty() : items.find(me, itemId);
    }

    /** The agencies on the platform a request may go to: every one but the sender's own. */
    @Transactional(readOnly = true)
    List<Agency> otherAgencies(StaffPrincipal me) {
        return org.agencies().stream().filter(a -> !a.getId().equals(me.agencyId())).toList();
    }

    enum Box {
        SENT, RECEIVED, ESCALATED
    }

    @Transactional(readOnly = true)
    List<Coordination> list(StaffPrincipal me, Box box) {
        requireOffice(me);
        return switch (box) {
            case SENT -> coordinations.sentBy(me.agencyId());
            case RECEIVED -> coordinations.receivedBy(me.agencyId());
            case ESCALATED -> coordinations.escalatedTo(me.agencyId());
        };
    }

    /** The coordination, when {@code me} is in the office of an agency it involves; otherwise not found. */
    @Transactional(readOnly = true)
    Coordination visible(StaffPrincipal me, Long id) {
        requireOffice(me);
        Coordination c = coordinations.findById(id).orElseThrow(CoordinationNotFound::new);
        if (!involved(c).contains(me.agencyId())) {
            throw new CoordinationNotFound();
        }
        return c;
    }

    boolean canAnswer(StaffPrincipal me, Coordination c) {
        return me.has(Role.OFFICE) && c.getStatus() == CoordinationStatus.OPEN
                && me.agencyId().equals(c.isOutside() ? c.getAgencyId() : c.getToAgencyId());
    }

    boolean canDecide(StaffPrincipal me, Coordination c) {
        Long decider = c.getAuthorityAgencyId() != null ? c.getAuthorityAgencyId() : c.getAgencyId();
        return me.has(Role.OFFICE) && c.getStatus() == CoordinationStatus.DISPUTED && me.agencyId().equals(decider);
    }

    LocalDate dueOn(Coordination c) {
        return c.deadline().dueOn(calendar.current());
    }

    /** The agencies a coordination involves: the sender, the receiver on the platform, the authority once escalated. */
    static Set<Long> involved(Coordination c) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(c.getAgencyId());
        if (c.getToAgencyId() != null) {
            ids.add(c.getToAgencyId());
        }
        if (c.getAuthorityAgencyId() != null) {
            ids.add(c.getAuthorityAgencyId());
        }
        return ids;
    }

    /**
     * 协调 二: the city's disclosure authority (市政府信息公开工作主管部门) the sender answers to: its parent when that
     * is an authority, itself when it is one, else the one authority on the platform; empty when there is none.
     */
    Optional<Agency> authorityFor(Long agencyId) {
        Optional<Agency> sender = org.agency(agencyId);
        Optional<Agency> parent = sender.map(Agency::getParentId).flatMap(org::agency)
                .filter(a -> a.getKind() == AgencyKind.DISCLOSURE_AUTHORITY);
        if (parent.isPresent()) {
            return parent;
        }
        if (sender.filter(a -> a.getKind() == AgencyKind.DISCLOSURE_AUTHORITY).isPresent()) {
            return sender;
        }
        List<Agency> authorities = org.agencies().stream()
                .filter(a -> a.getKind() == AgencyKind.DISCLOSURE_AUTHORITY).toList();
        return authorities.size() == 1 ? Optional.of(authorities.getFirst()) : Optional.empty();
    }

    String counterpart(Coordination c) {
        return c.isOutside() ? c.getOutsideAgency() : agencyName(c.getToAgencyId());
    }

    String agencyName(Long id) {
        return id == null ? "" : org.agency(id).map(Agency::getName).orElse("");
    }

    static String link(Coordination c) {
        return "/workbench/coordinations/" + c.getId();
    }

    static void requireOffice(StaffPrincipal me) {
        if (!me.has(Role.OFFICE)) {
            throw new CoordinationForbidden();
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }

    /** Not the office of an agency the coordination involves, or not the one whose turn it is: 403. */
    @ResponseStatus(HttpStatus.FORBIDDEN)
    static class CoordinationForbidden extends RuntimeException {
        CoordinationForbidden() {
            super("coordination.error.forbidden");
        }
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static class CoordinationNotFound extends RuntimeException {
        CoordinationNotFound() {
            super("not found");
        }
    }

    /** Bad input: every wrong field, named. */
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    static class InvalidCoordination extends RuntimeException {
        final transient List<CoordinationForms.Problem> problems;

        InvalidCoordination(List<CoordinationForms.Problem> problems) {
            super("invalid coordination");
            this.problems = List.copyOf(problems);
        }
    }
}
