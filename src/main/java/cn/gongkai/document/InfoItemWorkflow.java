package cn.gongkai.document;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.catalog.Catalog;
import cn.gongkai.catalog.DisclosureAttribute;
import cn.gongkai.catalog.Publication;
import cn.gongkai.catalog.PublishedEntry;
import cn.gongkai.coordination.CoordinationGate;
import cn.gongkai.interpretation.Interpretations;
import cn.gongkai.interpretation.PlanForm;
import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffMember;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.worklist.Deadline;
import cn.gongkai.worklist.WorkItemDone;
import cn.gongkai.worklist.WorkItemRequested;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafting, review, gates and publication of government information. Every transition is audited and moves the
 * item's open work to the next person (我的待办).
 */
@Service
@Transactional
class InfoItemWorkflow {

    static final String SUBJECT = "INFO_ITEM";
    static final String HANDLE = "HANDLE";
    static final String DETERMINATION = "DETERMINATION";
    /** 主动公开制度 五: within 20 working days of formation or change. */
    static final int PUBLICATION_DAYS = 20;
    static final int MAX_RECORD_TEXT = 500;
    static final int MAX_PHRASE = 300;
    private static final Set<Role> CONTENT_ROLES = Set.of(Role.SECRECY_REVIEWER, Role.LEADER, Role.OFFICE,
            Role.LEADING_GROUP);

    private final InfoItems items;
    private final ReviewDecisions decisions;
    private final SecrecyDeterminations determinations;
    private final ScanFindings findings;
    private final ReviewChains chains;
    private final RedactionPhrases phrases;
    private final Catalog catalog;
    private final OrgDirectory org;
    private final WorkCalendarStore calendar;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Interpretations interpretations;
    private final CoordinationGate coordinationGate;

    InfoItemWorkflow(InfoItems items, ReviewDecisions decisions, SecrecyDeterminations determinations,
            ScanFindings findings, ReviewChains chains, RedactionPhrases phrases, Catalog catalog, OrgDirectory org, WorkCalendarStore calendar,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock, Interpretations interpretations,
            CoordinationGate coordinationGate) {
        this.interpretations = interpretations;
        this.coordinationGate = coordinationGate;
        this.items = items;
        this.decisions = decisions;
        this.determinations = determinations;
        this.findings = findings;
        this.chains = chains;
        this.phrases = phrases;
        this.catalog = catalog;
        this.org = org;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    InfoItem get(StaffPrincipal me, Long id) {
        InfoItem item = items.findByIdAndAgencyId(id, me.agencyId()).orElseThrow(ItemNotFound::new);
        if (!canView(me, item)) {
            throw new ItemNotFound();
        }
        return item;
    }

    @Transactional(readOnly = true)
    List<InfoItem> visibleTo(StaffPrincipal me) {
        if (!Role.anyContent(me.roles())) {
            // 三权分立: an administrator's account sees no content, whatever department it sits in.
            return List.of();
        }
        if (me.roles().stream().anyMatch(CONTENT_ROLES::contains)) {
            return items.findByAgency(me.agencyId());
        }
        return items.findByDepartmentOrDrafter(me.agencyId(), me.departmentId(), me.id());
    }

    /** 主动公开制度 五: the day the item is due, 20 working days after formation or change, on today's calendar. */
    LocalDate dueOn(InfoItem item) {
        return calendar.current().plusWorkingDays(item.getClockStart(), PUBLICATION_DAYS);
    }

    static boolean canView(StaffPrincipal me, InfoItem item) {
        return item.getAgencyId().equals(me.agencyId()) && Role.anyContent(me.roles()) && (me.roles().stream().anyMatch(CONTENT_ROLES::contains)
                || item.getDepartmentId().equals(me.departmentId()) || item.getDrafterId().equals(me.id())
                || item.getCoProducers().stream().anyMatch(c -> c.getDepartmentId().equals(me.departmentId())));
    }

    @Transactional(readOnly = true)
    List<ReviewDecision> history(Long itemId) {
        return decisions.findByItemIdOrderById(itemId);
    }

    @Transactional(readOnly = true)
    List<SecrecyDetermination> determinations(Long itemId) {
        return determinations.findByItemIdOrderById(itemId);
    }

    @Transactional(readOnly = true)
    List<ScanFinding> findings(InfoItem item) {
        return findings.findByItemIdAndVersionOrderById(item.getId(), item.getVersion());
    }

    ReviewChain chain(Long agencyId) {
        return chains.of(agencyId);
    }

    /** The chain the item's current round runs through: the one it was submitted into. */
    ReviewChain chainOf(InfoItem item) {
        ReviewChain own = item.reviewChain();
        return own != null ? own : chains.of(item.getAgencyId());
    }

    /** What stands between the item and the catalog right now. */
    @Transactional(readOnly = true)
    List<String> refusals(InfoItem item) {
        return PublicationPolicy.refusals(item, chainOf(item), history(item.getId()), unconfirmedFindings(item),
                coordination(item));
    }

    /** How the item's release coordinations stand (发布协调制度). */
    @Transactional(readOnly = true)
    CoordinationGate.Standing coordination(InfoItem item) {
        return coordinationGate.standing(item.getAgencyId(), item.getId());
    }

    /** What must be on record before the chain's last step may approve, coordinations included. */
    @Transactional(readOnly = true)
    List<String> passRefusals(InfoItem item) {
        return PublicationPolicy.passRefusals(item, coordination(item));
    }

    /** Scan findings of this version that the confidentiality review has neither confirmed nor redacted. */
    @Transactional(readOnly = true)
    long unconfirmedFindings(InfoItem item) {
        return findings(item).stream().filter(f -> !f.isAcknowledged()).count();
    }

    /** What stops {@code me} from approving at the item's current step right now (empty when nothing does). */
    @Transactional(readOnly = true)
    List<String> stepRefusals(InfoItem item) {
        if (item.getStatus() != ItemStatus.IN_REVIEW) {
            return List.of();
        }
        return PublicationPolicy.stepRefusals(chainOf(item).roleAt(item.getCurrentStep()), unconfirmedFindings(item));
    }

    /** Whether {@code me} may decide at the item's current step. */
    boolean canDecide(StaffPrincipal me, InfoItem item) {
        if (item.getStatus() != ItemStatus.IN_REVIEW || item.getDrafterId().equals(me.id())) {
            return false;
        }
        Role role = chainOf(item).roleAt(item.getCurrentStep());
        return me.has(role) && (role != Role.DEPT_HEAD || item.getDepartmentId().equals(me.departmentId()));
    }

    /** Whether {@code me} may send an approved item back to the drafter instead of publishing it (the office). */
    boolean canReturnApproved(StaffPrincipal me, InfoItem item) {
        return item.getStatus() == ItemStatus.APPROVED && me.has(Role.OFFICE);
    }

    /** Whether {@code me} confirms or redacts scan findings of the item now: the confidentiality review, at its step. */
    boolean canClearFindings(StaffPrincipal me, InfoItem item) {
        return me.has(Role.SECRECY_REVIEWER) && canDecide(me, item)
                && chainOf(item).roleAt(item.getCurrentStep()) == Role.SECRECY_REVIEWER;
    }

    // ---- drafting -----------------------------------------------------------------------------------------------

    InfoItem create(StaffPrincipal me, Draft draft) {
        if (!(me.has(Role.STAFF) || me.has(Role.DEPT_HEAD) || me.has(Role.OFFICE))) {
            throw new DocumentRuleViolation("document.error.notDrafter");
        }
        requireInterpretable(me.agencyId(), null, draft);
        InfoItem item = items.save(new InfoItem(me.agencyId(), me.departmentId(), me.id(), me.displayName(), draft,
                now()));
        audit.record(AuditRecord.of(me.agencyId(), "ITEM_DRAFTED", SUBJECT, item.getId(), item.getTitle()));
        return item;
    }

    InfoItem edit(StaffPrincipal me, Long id, Draft draft) {
        InfoItem item = get(me, id);
        requireDrafterSide(me, item);
        requireInterpretable(me.agencyId(), id, draft);
        int versionBefore = item.getVersion();
        item.edit(draft, now());
        audit.record(AuditRecord.of(me.agencyId(), item.getVersion() > versionBefore ? "ITEM_CHANGE_STARTED"
                : "ITEM_EDITED", SUBJECT, id, "version " + item.getVersion()));
        return item;
    }

    /** The item as its drafter (or a colleague in the department) works on it, e.g. to scan it before submitting. */
    @Transactional(readOnly = true)
    InfoItem forDrafter(StaffPrincipal me, Long id) {
        InfoItem item = get(me, id);
        requireDrafterSide(me, item);
        return item;
    }

    InfoItem submit(StaffPrincipal me, Long id, List<ScanFinding> scanned) {
        return submit(me, id, scanned, false);
    }

    /**
     * Into the review chain. Refused when the scan contradicts the self-review unless the drafter acknowledged the
     * warning, and when some step of the chain would have nobody who may act on it.
     */
    InfoItem submit(StaffPrincipal me, Long id, List<ScanFinding> scanned, boolean scanWarningAcknowledged) {
        InfoItem item = get(me, id);
        requireDrafterSide(me, item);
        if (item.getStatus() != ItemStatus.DRAFT && item.getStatus() != ItemStatus.RETURNED) {
            throw new DocumentRuleViolation("document.error.notSubmittable");
        }
        if (item.getCreatedOn().isBefore(ItemForm.EARLIEST_CREATED_ON)) {
            // A draft stored before the range was checked is corrected before it enters the chain.
            throw new DocumentRuleViolation("document.form.createdOn.range", "createdOn");
        }
        if (!scanWarningAcknowledged && PublicationPolicy.scanContradictsSelfReview(item, scanned)) {
            // 发布制度 三 (同步自审): the drafter confirms a self-review the scan contradicts before it goes on.
            throw new DocumentRuleViolation(PublicationPolicy.SCAN_CONTRADICTS_SELF_REVIEW, "acknowledgeScanWarning");
        }
        // 三同步 三: a policy without its interpretation plan is not accepted ("无解读方案的，一律不得提交").
        interpretations.submissionRefusal(item.getAgencyId(), item.getId(), item.getGenre(), item.isImportantPolicy())
                .ifPresent(rule -> {
                    throw new DocumentRuleViolation(rule, "interpretationPlan");
                });
        ReviewChain chain = chains.of(item.getAgencyId());
        requireSomeoneAtEveryStep(item, chain);
        item.submit(chain, now());
        findings.deleteByItemIdAndVersionAndAcknowledgedAtIsNull(item.getId(), item.getVersion());
        scanned.forEach(findings::save);
        audit.record(AuditRecord.of(me.agencyId(), "ITEM_SUBMITTED", SUBJECT, id,
                "round " + item.getRound() + ", " + scanned.size() + " scan findings"
                        + (scanWarningAcknowledged ? ", scan warning acknowledged" : "")));
        passOwnSteps(item);
        moveWork(item);
        return item;
    }

    /**
     * An interpretation material explains a published policy of the same agency that is no interpretation itself;
     * anything else is refused naming {@code interprets}.
     */
    private void requireInterpretable(Long agencyId, Long selfId, Draft draft) {
        if (draft.interpretsItemId() == null) {
            return;
        }
        InfoItem policy = items.findByIdAndAgencyId(draft.interpretsItemId(), agencyId).orElse(null);
        if (policy == null || policy.getId().equals(selfId)
                || policy.getInterpretsItemId() != null || policy.getIndexNumber() == null
                || policy.getAttribute() != DisclosureAttribute.PROACTIVE) {
            throw new DocumentRuleViolation("document.form.interprets.unknown", "interprets");
        }
    }

    /** Whether the item needs an interpretation plan (三同步 三). */
    @Transactional(readOnly = true)
    boolean needsPlan(InfoItem item) {
        return item.getInterpretsItemId() == null
                && interpretations.needsPlan(item.getAgencyId(), item.getGenre(), item.isImportantPolicy());
    }

    @Transactional(readOnly = true)
    java.util.Optional<PlanForm> planOf(InfoItem item) {
        return interpretations.plan(item.getId());
    }

    @Transactional(readOnly = true)
    java.util.Optional<Interpretations.PolicyClock> interpretationClock(InfoItem item) {
        return interpretations.clock(item.getId());
    }

    /** The title of another item of the agency (the policy an interpretation explains). */
    @Transactional(readOnly = true)
    String titleOf(Long agencyId, Long itemId) {
        return items.findByIdAndAgencyId(itemId, agencyId).map(InfoItem::getTitle).orElse("");
    }

    /** The item's interpretation plan (三同步 四), written while the item is with its drafter. */
    PlanForm savePlan(StaffPrincipal me, Long id, PlanForm plan) {
        InfoItem item = get(me, id);
        requireDrafterSide(me, item);
        if (item.getStatus() != ItemStatus.DRAFT && item.getStatus() != ItemStatus.RETURNED
                && item.getStatus() != ItemStatus.PUBLISHED) {
            // In review the plan is what the reviewers approve: it changes only when the item is back with its drafter.
            throw new DocumentRuleViolation("document.error.notEditable");
        }
        if (plan.departmentId() != null && !org.departmentNames(me.agencyId()).containsKey(plan.departmentId())) {
            throw new DocumentRuleViolation("document.form.plan.department.unknown", "departmentId");
        }
        return interpretations.savePlan(me.agencyId(), id, plan, me.getUsername());
    }

    /** A step nobody but the drafter could take would hold the item for ever: refused before it enters the chain. */
    private void requireSomeoneAtEveryStep(InfoItem item, ReviewChain chain) {
        for (int step = 0; step < chain.size(); step++) {
            Role role = chain.roleAt(step);
            if (!passesOwnStep(item, chain, step) && reviewers(item, role).isEmpty()) {
                throw new DocumentRuleViolation("document.error.noReviewer." + role.name());
            }
        }
    }

    /** Who may act at a step of this role: enabled holders (in the item's department for 科室负责人), not the drafter. */
    private List<StaffMember> reviewers(InfoItem item, Role role) {
        return org.holders(item.getAgencyId(), role == Role.DEPT_HEAD ? item.getDepartmentId() : null, role).stream()
                .filter(StaffMember::enabled).filter(m -> !m.id().equals(item.getDrafterId())).toList();
    }

    /**
     * 保密审查制度 七.1; 目录 七: the department's first check (科室负责人把关) of a draft its own head wrote is the head's
     * submission; the drafter never reviews their own item, so that step is recorded as passed by the drafting head.
     */
    private boolean passesOwnStep(InfoItem item, ReviewChain chain, int step) {
        return chain.roleAt(step) == Role.DEPT_HEAD && !chain.isLast(step) && org.member(item.getDrafterId())
                .filter(m -> m.has(Role.DEPT_HEAD) && item.getDepartmentId().equals(m.departmentId())).isPresent();
    }

    private void passOwnSteps(InfoItem item) {
        ReviewChain chain = chainOf(item);
        while (item.getStatus() == ItemStatus.IN_REVIEW && passesOwnStep(item, chain, item.getCurrentStep())) {
            StaffMember head = org.member(item.getDrafterId()).orElseThrow();
            decisions.save(new ReviewDecision(item, Role.DEPT_HEAD, head.username(), head.displayName(),
                    Decision.APPROVED, null, null, now()));
            audit.record(AuditRecord.of(item.getAgencyId(), "ITEM_APPROVED", SUBJECT, item.getId(),
                    "DEPT_HEAD passed by the drafting head " + head.username()));
            item.approveStep(chain, now());
        }
    }

    // ---- review ---------------------------------------------------------------------------------------------------

    InfoItem decide(StaffPrincipal me, Long id, Decision decision, String opinion, ReviewOpinion reviewOpinion,
            String escalationMaterials) {
        InfoItem item = get(me, id);
        if (decision == Decision.RETURNED && canReturnApproved(me, item)) {
            return returnBeforePublication(me, item, opinion);
        }
        if (!canDecide(me, item)) {
            throw new DocumentRuleViolation("document.error.notYourStep");
        }
        ReviewChain chain = chainOf(item);
        Role role = chain.roleAt(item.getCurrentStep());
        if (decision == Decision.RETURNED && (opinion == null || opinion.isBlank())) {
            throw new DocumentRuleViolation("document.error.returnReason", "opinion");
        }
        if (role == Role.SECRECY_REVIEWER && decision == Decision.APPROVED && reviewOpinion == null) {
            // 保密审查制度 十一: the reviewer states 主动公开/依申请公开/免予公开/需报审.
            throw new DocumentRuleViolation("document.error.reviewOpinionRequired", "reviewOpinion");
        }
        boolean escalating = role == Role.SECRECY_REVIEWER && reviewOpinion == ReviewOpinion.ESCALATE;
        if (decision == Decision.APPROVED && !escalating) {
            // 保密审查制度 三、六.2: what this step must clear is cleared before it passes the item on.
            List<String> blocked = PublicationPolicy.stepRefusals(role, unconfirmedFindings(item));
            if (!blocked.isEmpty()) {
                throw new DocumentRuleViolation(blocked.getFirst());
            }
        }
        if (decision == Decision.APPROVED && chain.isLast(item.getCurrentStep())) {
            List<String> missing = passRefusals(item);
            if (!missing.isEmpty()) {
                throw new DocumentRuleViolation(missing.getFirst());
            }
        }
        ReviewOpinion recorded = role == Role.SECRECY_REVIEWER ? reviewOpinion : null;
        decisions.save(new ReviewDecision(item, role, me.getUsername(), me.displayName(), decision,
                opinion == null ? null : opinion.trim(), recorded, now()));
        if (decision == Decision.RETURNED) {
            item.returnToDrafter(now());
        } else if (recorded == ReviewOpinion.ESCALATE) {
            item.confirmOpinion(ReviewOpinion.ESCALATE, now());
            openDetermination(me, item, opinion, escalationMaterials);
        } else {
            if (recorded != null) {
                item.confirmOpinion(recorded, now());
            }
            item.approveStep(chain, now());
        }
        audit.record(AuditRecord.of(me.agencyId(), "ITEM_" + decision.name(), SUBJECT, id,
                role + (recorded == null ? "" : " " + recorded) + (opinion == null ? "" : ": " + opinion)));
        passOwnSteps(item);
        moveWork(item);
        return item;
    }

    /**
     * 目录 八; 发布制度 四: the office, which publishes, sends an approved item it cannot or should not publish back
     * to the drafter with the reason, so that no approved item waits for a publication that cannot happen.
     */
    private InfoItem returnBeforePublication(StaffPrincipal me, InfoItem item, String opinion) {
        if (opinion == null || opinion.isBlank()) {
            throw new DocumentRuleViolation("document.error.returnReason", "opinion");
        }
        decisions.save(new ReviewDecision(item, chainOf(item).size(), Role.OFFICE, me.getUsername(),
                me.displayName(), Decision.RETURNED, opinion.trim(), null, now()));
        item.returnToDrafter(now());
        audit.record(AuditRecord.of(me.agencyId(), "ITEM_RETURNED", SUBJECT, item.getId(), "OFFICE: " + opinion));
        moveWork(item);
        return item;
    }

    private void openDetermination(StaffPrincipal me, InfoItem item, String reason, String materials) {
        if (reason == null || reason.isBlank()) {
            throw new DocumentRuleViolation("document.determination.error.reason", "opinion");
        }
        if (materials == null || materials.isBlank()) {
            // 保密审查制度 九: the text, a letter explaining why the level cannot be determined, other materials.
            throw new DocumentRuleViolation("document.determination.error.materials", "materials");
        }
        SecrecyDetermination d = determinations.save(new SecrecyDetermination(item.getId(), me.getUsername(),
                today(), reason.trim(), materials.trim()));
        // 保密 九: to the city's secrecy bureau; on the platform, its reviewer answers in the workbench.
        org.agencies().stream().filter(a -> a.getKind() == cn.gongkai.org.AgencyKind.SECRECY_BUREAU
                && !a.getId().equals(item.getAgencyId())).findFirst().ifPresent(b -> {
                    d.sendTo(b.getId());
                    audit.record(AuditRecord.of(b.getId(), "DETERMINATION_RECEIVED", "SECRECY_DETERMINATION",
                            d.getId(), org.agency(item.getAgencyId()).map(Agency::getName).orElse("") + "："
                                    + item.getTitle()));
                });
        openDeterminationWork(item, d);
        audit.record(AuditRecord.of(me.agencyId(), "DETERMINATION_REQUESTED", "SECRECY_DETERMINATION", d.getId(),
                item.getTitle()));
    }

    static final String DETERMINATION_SUBJECT = "SECRECY_DETERMINATION";
    static final String BUREAU_ANSWER = "ANSWER";

    private void openDeterminationWork(InfoItem item, SecrecyDetermination d) {
        Deadline due = Deadline.workingDays(d.getRequestedOn(), d.allowance());
        events.publishEvent(new WorkItemRequested(item.getAgencyId(), SUBJECT, item.getId().toString(), DETERMINATION,
                "报审答复：" + item.getTitle(), "/workbench/items/" + item.getId(), null, Role.SECRECY_REVIEWER.name(),
                null, due));
        if (d.getBureauAgencyId() != null) {
            events.publishEvent(new WorkItemRequested(d.getBureauAgencyId(), DETERMINATION_SUBJECT,
                    d.getId().toString(), BUREAU_ANSWER, "定密答复：" + item.getTitle(),
                    "/workbench/determinations/" + d.getId(), null, Role.SECRECY_REVIEWER.name(), null, due));
        }
    }

    // ---- the secrecy bureau on the platform (保密审查制度 九、十二) ----------------------------------------------------

    /** The determinations sent to {@code me}'s secrecy bureau, newest first. */
    @Transactional(readOnly = true)
    List<SecrecyDetermination> sentToBureau(StaffPrincipal me) {
        requireRole(me, Role.SECRECY_REVIEWER);
        return determinations.findByBureauAgencyIdOrderByIdDesc(me.agencyId());
    }

    /** One determination sent to {@code me}'s bureau (its reviewer), else not found. */
    @Transactional(readOnly = true)
    SecrecyDetermination bureauDetermination(StaffPrincipal me, Long id) {
        requireRole(me, Role.SECRECY_REVIEWER);
        return determinations.findById(id).filter(d -> me.agencyId().equals(d.getBureauAgencyId()))
                .orElseThrow(ItemNotFound::new);
    }

    /** The item a determination is about, as the bureau reads it (its text and materials were sent with it). */
    @Transactional(readOnly = true)
    InfoItem determinedItem(SecrecyDetermination d) {
        return items.findById(d.getItemId()).orElseThrow(ItemNotFound::new);
    }

    /** 保密 十二: the bureau extends once, by at most 7 working days, before the first 7 expire. */
    SecrecyDetermination extendAsBureau(StaffPrincipal me, Long id, int days, String note) {
        SecrecyDetermination d = bureauDetermination(me, id);
        requireFits(note, MAX_RECORD_TEXT, "text");
        InfoItem item = determinedItem(d);
        LocalDate originalDue = calendar.current().plusWorkingDays(d.getRequestedOn(), SecrecyDetermination.ANSWER_DAYS);
        d.extend(days, note, today(), originalDue);
        openDeterminationWork(item, d);
        for (Long agency : List.of(item.getAgencyId(), me.agencyId())) {
            audit.record(AuditRecord.of(agency, "DETERMINATION_EXTENDED", "SECRECY_DETERMINATION", d.getId(),
                    days + " working days: " + note));
        }
        return d;
    }

    /** The bureau's answer: the item returns to its agency's confidentiality review with the level determined. */
    InfoItem answerAsBureau(StaffPrincipal me, Long id, SecrecyLevel level, String answer) {
        SecrecyDetermination d = bureauDetermination(me, id);
        requireFits(answer, MAX_RECORD_TEXT, "answer");
        if (level == null) {
            throw new DocumentRuleViolation("document.determination.error.level", "level");
        }
        InfoItem item = determinedItem(d);
        d.answer(level, answer, today(), me.getUsername());
        item.determinationAnswered(level, now());
        events.publishEvent(new WorkItemDone(SUBJECT, item.getId().toString(), DETERMINATION));
        events.publishEvent(new WorkItemDone(DETERMINATION_SUBJECT, d.getId().toString(), BUREAU_ANSWER));
        for (Long agency : List.of(item.getAgencyId(), me.agencyId())) {
            audit.record(AuditRecord.of(agency, "DETERMINATION_ANSWERED", "SECRECY_DETERMINATION", d.getId(),
                    me.displayName() + "（" + org.agency(me.agencyId()).map(Agency::getName).orElse("") + "）"
                            + level + ": " + answer));
        }
        moveWork(item);
        return item;
    }

    /** 保密 十二: one extension of at most 7 working days, announced before the first 7 expire. */
    SecrecyDetermination extendDetermination(StaffPrincipal me, Long itemId, int days, String note) {
        InfoItem item = get(me, itemId);
        requireRole(me, Role.SECRECY_REVIEWER);
        requireFits(note, MAX_RECORD_TEXT, "text");
        SecrecyDetermination d = openDeterminationOf(item);
        LocalDate originalDue = calendar.current().plusWorkingDays(d.getRequestedOn(), SecrecyDetermination.ANSWER_DAYS);
        d.extend(days, note, today(), originalDue);
        openDeterminationWork(item, d);
        audit.record(AuditRecord.of(me.agencyId(), "DETERMINATION_EXTENDED", "SECRECY_DETERMINATION", d.getId(),
                days + " working days: " + note));
        return d;
    }

    /** Records the bureau's written answer; the item returns to the confidentiality review with the level set. */
    InfoItem answerDetermination(StaffPrincipal me, Long itemId, SecrecyLevel level, String answer) {
        InfoItem item = get(me, itemId);
        requireRole(me, Role.SECRECY_REVIEWER);
        SecrecyDetermination d = openDeterminationOf(item);
        d.answer(level, answer, today(), me.getUsername());
        item.determinationAnswered(level, now());
        events.publishEvent(new WorkItemDone(SUBJECT, item.getId().toString(), DETERMINATION));
        // The paper answer entered here also closes the bureau's own work item, when it was sent on the platform.
        events.publishEvent(new WorkItemDone(DETERMINATION_SUBJECT, d.getId().toString(), BUREAU_ANSWER));
        audit.record(AuditRecord.of(me.agencyId(), "DETERMINATION_ANSWERED", "SECRECY_DETERMINATION", d.getId(),
                level + ": " + answer));
        moveWork(item);
        return item;
    }

    private SecrecyDetermination openDeterminationOf(InfoItem item) {
        return determinations.findByItemIdOrderById(item.getId()).stream().filter(SecrecyDetermination::isOpen)
                .findFirst().orElseThrow(() -> new DocumentRuleViolation("document.determination.error.none"));
    }

    // ---- records the gates need -----------------------------------------------------------------------------------

    InfoItem recordThirdPartyConsent(StaffPrincipal me, Long id, String consent) {
        InfoItem item = get(me, id);
        requireAnyRole(me, Role.OFFICE, Role.SECRECY_REVIEWER, Role.DEPT_HEAD);
        item.recordThirdPartyConsent(consent, now());
        audit.record(AuditRecord.of(me.agencyId(), "THIRD_PARTY_CONSENT", SUBJECT, id, consent));
        return item;
    }

    InfoItem recordPublicInterestDecision(StaffPrincipal me, Long id, String decision) {
        InfoItem item = get(me, id);
        requireRole(me, Role.LEADER);
        item.recordPublicInterestDecision(decision, me.displayName(), now());
        audit.record(AuditRecord.of(me.agencyId(), "PUBLIC_INTEREST_DECISION", SUBJECT, id, decision));
        return item;
    }

    InfoItem recordDeclassification(StaffPrincipal me, Long id, String basis) {
        InfoItem item = get(me, id);
        requireRole(me, Role.LEADER);
        item.recordDeclassification(me.displayName(), today(), basis, now());
        audit.record(AuditRecord.of(me.agencyId(), "DECLASSIFIED", SUBJECT, id, basis));
        return item;
    }

    InfoItem recordCoProducerConsent(StaffPrincipal me, Long id, Long departmentId, String consent) {
        InfoItem item = get(me, id);
        if (item.getCoProducers().stream().noneMatch(c -> c.getDepartmentId().equals(departmentId))) {
            throw new DocumentRuleViolation("document.error.notCoProducer", "departmentId");
        }
        boolean headOfThatDepartment = me.has(Role.DEPT_HEAD) && departmentId.equals(me.departmentId());
        if (!headOfThatDepartment && !me.has(Role.OFFICE)) {
            throw new DocumentRuleViolation("document.error.notAllowed");
        }
        item.recordCoProducerConsent(departmentId, consent, me.displayName(), now());
        audit.record(AuditRecord.of(me.agencyId(), "CO_PRODUCER_CONSENT", SUBJECT, id,
                "department " + departmentId + ": " + consent));
        return item;
    }

    /**
     * Records one of the gate records by its name (third-party-consent, public-interest, other-agency-confirmation,
     * declassification, co-producer-consent); the workbench and the API both come through here.
     */
    InfoItem record(StaffPrincipal me, Long id, String kind, String text, Long departmentId) {
        requireFits(text, MAX_RECORD_TEXT, "text");
        return switch (kind) {
            case "third-party-consent" -> recordThirdPartyConsent(me, id, text);
            case "public-interest" -> recordPublicInterestDecision(me, id, text);
            // 发布协调制度 三: confirmed in writing through a coordination, no longer as a line of text.
            case "other-agency-confirmation" -> throw new DocumentRuleViolation("document.error.useCoordination");
            case "declassification" -> recordDeclassification(me, id, text);
            case "co-producer-consent" -> {
                if (departmentId == null) {
                    throw new DocumentRuleViolation("document.api.departmentRequired", "departmentId");
                }
                yield recordCoProducerConsent(me, id, departmentId, text);
            }
            default -> throw new ItemNotFound();
        };
    }

    ScanFinding acknowledgeFinding(StaffPrincipal me, Long itemId, Long findingId, String reason) {
        InfoItem item = get(me, itemId);
        requireSecrecyStep(me, item);
        requireFits(reason, MAX_RECORD_TEXT, "text");
        ScanFinding finding = findings.findByIdAndItemId(findingId, item.getId())
                .orElseThrow(ItemNotFound::new);
        finding.acknowledge(me.getUsername(), reason, now());
        audit.record(AuditRecord.of(me.agencyId(), "FINDING_ACKNOWLEDGED", SUBJECT, itemId,
                finding.getType() + " " + finding.getMaskedValue() + ": " + reason));
        return finding;
    }

    /** 区分处理: the reviewer removes a finding from the public version instead of clearing it for publication. */
    ScanFinding redactFinding(StaffPrincipal me, Long itemId, Long findingId) {
        InfoItem item = get(me, itemId);
        requireSecrecyStep(me, item);
        ScanFinding finding = findings.findByIdAndItemId(findingId, item.getId())
                .orElseThrow(ItemNotFound::new);
        finding.redact(me.getUsername(), now());
        audit.record(AuditRecord.of(me.agencyId(), "FINDING_REDACTED", SUBJECT, itemId,
                finding.getType() + " " + finding.getMaskedValue()));
        return finding;
    }

    /** 区分处理: text removed wherever it appears in the public version (names, addresses, case details). */
    RedactionPhrase addRedactionPhrase(StaffPrincipal me, Long itemId, String phrase) {
        InfoItem item = get(me, itemId);
        requireSecrecyStep(me, item);
        if (phrase == null || phrase.isBlank()) {
            throw new DocumentRuleViolation("document.error.textRequired", "phrase");
        }
        requireFits(phrase.trim(), MAX_PHRASE, "phrase");
        RedactionPhrase saved = phrases.save(new RedactionPhrase(itemId, item.getVersion(), phrase.trim(),
                me.getUsername(), now()));
        audit.record(AuditRecord.of(me.agencyId(), "REDACTION_ADDED", SUBJECT, itemId, "phrase of "
                + phrase.trim().length() + " characters"));
        return saved;
    }

    @Transactional(readOnly = true)
    List<String> redactionPhrases(InfoItem item) {
        return phrases.findByItemIdAndVersionOrderById(item.getId(), item.getVersion()).stream()
                .map(RedactionPhrase::getPhrase).toList();
    }

    /** The public version of a text of this item: redacted findings and phrases replaced. */
    @Transactional(readOnly = true)
    String publicText(InfoItem item, String location, String text) {
        return Redactor.redact(text, location, findings(item), redactionPhrases(item));
    }

    // ---- publication ----------------------------------------------------------------------------------------------

    /** The office publishes (proactive) or files (on-request, exempt) an approved item, once every gate is clear. */
    PublishedEntry publish(StaffPrincipal me, Long id, List<Publication.PublishedFile> files) {
        InfoItem item = get(me, id);
        requireRole(me, Role.OFFICE);
        if (item.getStatus() == ItemStatus.PUBLISHED) {
            // A retry (say after a lost answer or a crash): the first publication went through.
            throw new DocumentRuleViolation("document.error.alreadyPublished");
        }
        if (item.getStatus() != ItemStatus.APPROVED) {
            throw new DocumentRuleViolation(PublicationPolicy.UNREVIEWED);
        }
        List<String> refusals = refusals(item);
        if (!refusals.isEmpty()) {
            throw new DocumentRuleViolation(refusals.getFirst());
        }
        Agency agency = org.agency(item.getAgencyId()).orElseThrow();
        Map<Long, String> departments = org.departmentNames(item.getAgencyId());
        // 区分处理: only the public version ever reaches the catalog; the original stays internal.
        PublishedEntry entry = catalog.publish(new Publication(agency.getId(), agency.getName(),
                agency.getOrganisationCode(), item.getId(), item.getVersion(), publicText(item, "title",
                item.getTitle()), item.getDocumentNumber(), publicText(item, "summary", item.getSummary()),
                publicText(item, "body", item.getBody()), item.getCreatedOn(), item.getTopic(),
                item.getSubtopicId(), item.getGenre(), item.getKeywords(), item.getDepartmentId(),
                departments.getOrDefault(item.getDepartmentId(), ""), item.getAttribute(), item.getChannels(),
                item.getDrafterName(), reviewersLine(item), files));
        item.published(entry.indexNumber(), now());
        events.publishEvent(new WorkItemDone(SUBJECT, id.toString(), HANDLE));
        LocalDate publishedOn = entry.publishedAt().atZone(Deadlines.ZONE).toLocalDate();
        if (item.getInterpretsItemId() != null && item.getAttribute() == DisclosureAttribute.PROACTIVE) {
            // The public link to its policy, and the policy's clock stopped by its first interpretation (三同步 五).
            catalog.linkInterpretation(entry.entryId(), item.getInterpretsItemId(), item.getInterpretationForm().name(),
                    item.getMediaUrl());
            interpretations.interpretationPublished(item.getAgencyId(), item.getInterpretsItemId(), publishedOn);
        } else if (item.getAttribute() == DisclosureAttribute.PROACTIVE
                && interpretations.needsPlan(item.getAgencyId(), item.getGenre(), item.isImportantPolicy())) {
            interpretations.policyPublished(item.getAgencyId(), item.getId(), item.getDepartmentId(), item.getTitle(),
                    publishedOn);
        }
        audit.record(AuditRecord.of(me.agencyId(), item.getAttribute() == DisclosureAttribute.PROACTIVE
                ? "ITEM_PUBLISHED" : "ITEM_FILED", SUBJECT, id, entry.indexNumber() + " version " + item.getVersion()));
        return entry;
    }

    private String reviewersLine(InfoItem item) {
        return history(item.getId()).stream()
                .filter(d -> d.getVersion() == item.getVersion() && d.getRound() == item.getRound())
                .map(d -> d.getRole().name() + " " + d.getReviewerName() + " " + d.getDecidedLabel() + " "
                        + d.getDecision().name() + (d.getOpinion() == null ? "" : " " + d.getOpinion()))
                .collect(Collectors.joining("; "));
    }

    // ---- work ---------------------------------------------------------------------------------------------------

    /** Moves the item's open work to whoever acts next, due 20 working days after formation or change. */
    private void moveWork(InfoItem item) {
        Deadline due = Deadline.workingDays(item.getClockStart(), PUBLICATION_DAYS);
        String link = "/workbench/items/" + item.getId();
        WorkItemRequested work = switch (item.getStatus()) {
            case IN_REVIEW, AWAITING_DETERMINATION -> {
                Role role = item.getStatus() == ItemStatus.AWAITING_DETERMINATION ? Role.SECRECY_REVIEWER
                        : chainOf(item).roleAt(item.getCurrentStep());
                yield new WorkItemRequested(item.getAgencyId(), SUBJECT, item.getId().toString(), HANDLE,
                        "审核：" + item.getTitle(), link, role == Role.DEPT_HEAD ? item.getDepartmentId() : null,
                        role.name(), null, due);
            }
            case APPROVED -> new WorkItemRequested(item.getAgencyId(), SUBJECT, item.getId().toString(), HANDLE,
                    (item.getAttribute() == DisclosureAttribute.PROACTIVE ? "发布：" : "备案：") + item.getTitle(), link,
                    null, Role.OFFICE.name(), null, due);
            case RETURNED -> new WorkItemRequested(item.getAgencyId(), SUBJECT, item.getId().toString(), HANDLE,
                    "退回修改：" + item.getTitle(), link, null, null, item.getDrafterId(), due);
            default -> null;
        };
        if (work != null) {
            events.publishEvent(work);
        }
    }

    /** A record's text fits its column (the gate records, reasons and notes 500 characters, phrases 300). */
    private static void requireFits(String text, int max, String field) {
        if (text != null && text.length() > max) {
            throw new DocumentRuleViolation("document.error.textTooLong", field);
        }
    }

    private void requireDrafterSide(StaffPrincipal me, InfoItem item) {
        if (!isDrafterSide(me, item)) {
            throw new DocumentRuleViolation("document.error.notDrafter");
        }
    }

    /** The drafter, or staff and the head of the drafting department: who writes the item and its files. */
    boolean isDrafterSide(StaffPrincipal me, InfoItem item) {
        boolean drafter = item.getDrafterId().equals(me.id());
        boolean colleague = item.getDepartmentId().equals(me.departmentId())
                && (me.has(Role.STAFF) || me.has(Role.DEPT_HEAD));
        return drafter || colleague;
    }

    /**
     * 保密审查制度 六、十三: findings are confirmed and 区分处理 is done by the confidentiality reviewer while the item
     * waits at that step, and only then, so that what the step clears is cleared before anyone after it decides.
     */
    private void requireSecrecyStep(StaffPrincipal me, InfoItem item) {
        requireRole(me, Role.SECRECY_REVIEWER);
        boolean atSecrecyStep = item.getStatus() == ItemStatus.IN_REVIEW
                && chainOf(item).roleAt(item.getCurrentStep()) == Role.SECRECY_REVIEWER;
        if (!atSecrecyStep) {
            throw new DocumentRuleViolation("document.error.notAtSecrecyStep");
        }
        if (item.getDrafterId().equals(me.id())) {
            throw new DocumentRuleViolation("document.error.notYourStep");
        }
    }

    private static void requireRole(StaffPrincipal me, Role role) {
        if (!me.has(role)) {
            throw new DocumentRuleViolation("document.error.notAllowed");
        }
    }

    private static void requireAnyRole(StaffPrincipal me, Role... roles) {
        for (Role r : roles) {
            if (me.has(r)) {
                return;
            }
        }
        throw new DocumentRuleViolation("document.error.notAllowed");
    }

    private Instant now() {
        return Instant.now(clock);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Deadline.ZONE));
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static class ItemNotFound extends RuntimeException {
    }
}
