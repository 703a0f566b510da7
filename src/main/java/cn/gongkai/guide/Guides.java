package cn.gongkai.guide;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.worklist.Deadline;
import cn.gongkai.worklist.WorkItemDone;
import cn.gongkai.worklist.WorkItemRequested;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guide's versions and their way to the portal: the office drafts (a new version starts from the current one, the
 * 受理机构 filled in from the agency's contacts), submits it to a leader, who approves or returns it; only an approved
 * version may be published (like any item), and publishing it closes the review work.
 */
@Service
@Transactional
public class Guides {

    static final String SUBJECT = "GUIDE";
    static final String HANDLE = "HANDLE";
    /** Days a leader and the office have for each step of a version: 5 working days. */
    static final int STEP_DAYS = 5;

    private final GuideVersions versions;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Guides(GuideVersions versions, OrgDirectory org, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.versions = versions;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The version the portal shows: the newest published one. */
    @Transactional(readOnly = true)
    public Optional<GuideVersion> current(Long agencyId) {
        return versions.findPublished(agencyId).stream().findFirst();
    }

    /** Every published version, newest first (the older ones stay readable). */
    @Transactional(readOnly = true)
    public List<GuideVersion> published(Long agencyId) {
        return versions.findPublished(agencyId);
    }

    @Transactional(readOnly = true)
    public Optional<GuideVersion> publishedVersion(Long agencyId, int version) {
        return versions.findByAgencyIdAndVersion(agencyId, version).filter(v -> v.getStatus() == GuideStatus.PUBLISHED);
    }

    @Transactional(readOnly = true)
    List<GuideVersion> all(Long agencyId) {
        return versions.findByAgencyIdOrderByVersionDesc(agencyId);
    }

    /** The version being worked on, if any. */
    @Transactional(readOnly = true)
    Optional<GuideVersion> open(Long agencyId) {
        return versions.findOpen(agencyId);
    }

    /** The version being worked on, or a new draft from the current version (or the model text) and the contacts. */
    GuideVersion draft(StaffPrincipal me) {
        requireRole(me, Role.OFFICE);
        Optional<GuideVersion> open = versions.findOpen(me.agencyId());
        if (open.isPresent()) {
            return open.get();
        }
        Agency agency = org.agency(me.agencyId()).orElseThrow();
        GuideContent base = current(me.agencyId()).map(GuideVersion::content).orElseGet(() -> GuideModel.of(agency));
        GuideContent content = withContacts(base, agency.getContacts());
        Integer max = versions.maxVersion(me.agencyId());
        GuideVersion v = versions.save(new GuideVersion(me.agencyId(), max == null ? 1 : max + 1, content,
                me.getUsername(), now()));
        audit.record(AuditRecord.of(me.agencyId(), "GUIDE_DRAFTED", "GUIDE", v.getVersion(), null));
        return v;
    }

    /** The 受理机构 lines from the agency's settings where it has them. */
    static GuideContent withContacts(GuideContent c, Agency.Contacts a) {
        return new GuideContent(c.proactiveScope(), c.proactiveChannels(), c.proactiveTimeLimits(), c.requestHow(),
                c.requestForms(), c.requestReceipt(), c.requestTimeLimits(), c.requestFees(),
                or(a.address(), c.officeAddress()), or(a.officeHours(), c.officeHours()),
                or(a.telephone(), c.officeTelephone()), or(a.fax(), c.officeFax()), or(a.email(), c.officeEmail()),
                or(a.postcode(), c.officePostcode()), c.remedies());
    }

    private static String or(String preferred, String otherwise) {
        return preferred == null || preferred.isBlank() ? otherwise : preferred;
    }

    /** Saves the draft's text; 400 naming every field that is missing or too long. */
    GuideVersion edit(StaffPrincipal me, GuideContent content) {
        requireRole(me, Role.OFFICE);
        if (!content.problems().isEmpty()) {
            throw new InvalidGuide(content.problems());
        }
        GuideVersion v = versions.findOpen(me.agencyId()).orElseThrow(() -> new GuideRuleViolation(
                "guide.error.noDraft"));
        v.edit(content, now());
        audit.record(AuditRecord.of(me.agencyId(), "GUIDE_EDITED", "GUIDE", v.getVersion(), null));
        return v;
    }

    /** To a leader for approval. */
    GuideVersion submit(StaffPrincipal me) {
        requireRole(me, Role.OFFICE);
        GuideVersion v = versions.findOpen(me.agencyId()).orElseThrow(() -> new GuideRuleViolation(
                "guide.error.noDraft"));
        if (!v.content().problems().isEmpty()) {
            throw new InvalidGuide(v.content().problems());
        }
        v.submit(now());
        work(v, "审批：政府信息公开指南（第" + v.getVersion() + "版）", Role.LEADER);
        audit.record(AuditRecord.of(me.agencyId(), "GUIDE_SUBMITTED", "GUIDE", v.getVersion(), null));
        return v;
    }

    /** The leader approves, or returns it with an opinion. */
    GuideVersion decide(StaffPrincipal me, boolean approve, String opinion) {
        requireRole(me, Role.LEADER);
        String text = opinion == null ? "" : opinion.strip();
        if (!approve && text.isEmpty()) {
            throw new InvalidGuide(List.of(new GuideContent.Problem("opinion", "guide.error.opinionRequired")));
        }
        if (text.length() > 500) {
            throw new InvalidGuide(List.of(new GuideContent.Problem("opinion", "guide.error.opinionTooLong")));
        }
        GuideVersion v = versions.findOpen(me.agencyId()).orElseThrow(() -> new GuideRuleViolation(
                "guide.error.noDraft"));
        v.decide(approve, me.getUsername(), text.isEmpty() ? null : text, now());
        work(v, (approve ? "发布：" : "退回修改：") + "政府信息公开指南（第" + v.getVersion() + "版）", Role.OFFICE);
        audit.record(AuditRecord.of(me.agencyId(), approve ? "GUIDE_APPROVED" : "GUIDE_RETURNED", "GUIDE",
                v.getVersion(), text.isEmpty() ? null : text));
        return v;
    }

    /** Only an approved version reaches the portal (409 {@code guide.error.notApproved} otherwise). */
    GuideVersion publish(StaffPrincipal me) {
        requireRole(me, Role.OFFICE);
        GuideVersion v = versions.findOpen(me.agencyId()).orElseThrow(() -> new GuideRuleViolation(
                "guide.error.notApproved"));
        v.publish(now());
        events.publishEvent(new WorkItemDone(SUBJECT, v.getId().toString(), HANDLE));
        GuideUpkeep.reviewed(events, me.agencyId(), LocalDate.ofInstant(now(), Deadline.ZONE));
        audit.record(AuditRecord.of(me.agencyId(), "GUIDE_PUBLISHED", "GUIDE", v.getVersion(), null));
        return v;
    }

    private void work(GuideVersion v, String title, Role role) {
        events.publishEvent(new WorkItemRequested(v.getAgencyId(), SUBJECT, v.getId().toString(), HANDLE, title,
                "/workbench/guide", null, role.name(), null,
                Deadline.workingDays(LocalDate.ofInstant(now(), Deadline.ZONE), STEP_DAYS)));
    }

    private static void requireRole(StaffPrincipal me, Role role) {
        if (!me.has(role)) {
            throw new GuideRuleViolation("guide.error.notAllowed");
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }

    /** Fields the guide cannot be saved with: 400 naming each. */
    static final class InvalidGuide extends RuntimeException {
        final List<GuideContent.Problem> problems;

        InvalidGuide(List<GuideContent.Problem> problems) {
            super("invalid guide");
            this.problems = problems;
        }
    }
}
