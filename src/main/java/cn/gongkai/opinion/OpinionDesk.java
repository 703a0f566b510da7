package cn.gongkai.opinion;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.notification.NoticeRequested;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.worklist.Deadline;
import cn.gongkai.worklist.WorkItemDone;
import cn.gongkai.worklist.WorkItemRequested;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The workflow of a public-opinion event (舆情 三, 五): record, triage, report to the leaders, respond, close. Each step
 * goes on the event's timeline and the audit log; the clock-hour deadlines open and close as work items.
 */
@Service
@Transactional
class OpinionDesk {

    static final String SUBJECT = "OPINION";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    static final int MAX_FILES = 20;
    /** An event may be recorded a little after the clock it was found by shows (clocks differ), never later. */
    static final Duration FUTURE_SLACK = Duration.ofMinutes(5);
    static final Duration OLDEST = Duration.ofDays(366);
    private static final Set<Role> SEE_ALL = EnumSet.of(Role.OFFICE, Role.LEADER, Role.LEADING_GROUP);
    private static final Set<Role> RECORDERS = EnumSet.of(Role.STAFF, Role.DEPT_HEAD, Role.OFFICE);

    private final OpinionEvents events;
    private final OpinionDeadlines deadlines;
    private final OpinionResponses responses;
    private final OpinionSteps steps;
    private final OpinionFiles files;
    private final PublishedItems items;
    private final OpinionEvidence evidence;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    OpinionDesk(OpinionEvents events, OpinionDeadlines deadlines, OpinionResponses responses, OpinionSteps steps,
            OpinionFiles files, PublishedItems items, OpinionEvidence evidence, OrgDirectory org, AuditTrail audit,
            ApplicationEventPublisher publisher, Clock clock, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.events = events;
        this.deadlines = deadlines;
        this.responses = responses;
        this.steps = steps;
        this.files = files;
        this.items = items;
        this.evidence = evidence;
        this.org = org;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    // ---- recording and triage ------------------------------------------------------------------------------------

    /** 舆情 三.一: staff record what they found; the level given (or 一般) starts its clocks at once. */
    static void requireRecorder(StaffPrincipal me) {
        if (me.roles().stream().noneMatch(RECORDERS::contains)) {
            throw new OpinionForbidden();
        }
    }

    OpinionEvent record(StaffPrincipal me, OpinionForms.Event form) {
        requireRecorder(me);
        List<OpinionForms.Problem> problems = new ArrayList<>(form.problems());
        Instant now = now();
        if (form.foundAt() != null) {
            if (form.foundAt().isAfter(now.plus(FUTURE_SLACK))) {
                problems.add(new OpinionForms.Problem("foundAt", "opinion.error.foundAt.future"));
            } else if (form.foundAt().isBefore(now.minus(OLDEST))) {
                problems.add(new OpinionForms.Problem("foundAt", "opinion.error.foundAt.tooOld"));
            }
        }
        checkDepartment(me, form.departmentId(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidOpinion(problems);
        }
        RiskLevel level = form.level() == null ? RiskLevel.GENERAL : form.level();
        OpinionEvent e = events.save(new OpinionEvent(me.agencyId(), form.source(), form.url().isEmpty() ? null
                : form.url(), form.content(), form.foundAt(), level, form.departmentId(), me.getUsername(),
                me.departmentId(), now));
        step(e, me, "RECORDED", label(form.source()) + "；" + levelLabel(level) + "；发现于 " + minute(e.getFoundAt()));
        audit.record(AuditRecord.of(me.agencyId(), "OPINION_RECORDED", SUBJECT, e.getId(), levelLabel(level) + "；"
                + label(form.source())));
        startClocks(e);
        return e;
    }

    /** 舆情 三.二: the office settles the level, the responsible department (谁主管谁发声), the analysis and the plan. */
    OpinionEvent triage(StaffPrincipal me, Long id, OpinionForms.Triage form) {
        OpinionEvent e = visible(me, id);
        if (!me.has(Role.OFFICE)) {
            throw new OpinionForbidden();
        }
        List<OpinionForms.Problem> problems = new ArrayList<>(form.problems());
        if (form.departmentId() != null) {
            checkDepartment(me, form.departmentId(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidOpinion(problems);
        }
        RiskLevel before = e.getLevel();
        e.triage(form.level(), form.departmentId(), form.analysis(), form.plan(), me.getUsername(), now());
        step(e, me, "TRIAGED", levelLabel(form.level()) + "；责任科室：" + departmentName(e, form.departmentId())
                + (before != form.level() ? "（原为" + levelLabel(before) + "）" : ""));
        audit.record(AuditRecord.of(me.agencyId(), "OPINION_TRIAGED", SUBJECT, e.getId(), levelLabel(before) + " → "
                + levelLabel(form.level())));
        startClocks(e);
        return e;
    }

    /**
     * Opens the work items for the event's clocks, owned by the responsible department (its head) or the office.
     * A clock the level no longer needs, and not yet met, is withdrawn; one already open is re-owned.
     */
    private void startClocks(OpinionEvent e) {
        Map<OpinionClock.Kind, OpinionDeadline> existing = new java.util.EnumMap<>(OpinionClock.Kind.class);
        deadlines.findByEventIdOrderByDueAt(e.getId()).forEach(d -> existing.put(d.kind(), d));
        List<OpinionClock.Due> due = OpinionClock.deadlines(e.getLevel(), e.getFoundAt());
        Set<OpinionClock.Kind> needed = EnumSet.noneOf(OpinionClock.Kind.class);
        due.forEach(d -> needed.add(d.kind()));
        for (OpinionDeadline d : existing.values()) {
            if (!needed.contains(d.kind()) && d.getDoneAt() == null) {
                deadlines.delete(d);
                publisher.publishEvent(new WorkItemDone(SUBJECT, e.getId().toString(), d.kind().name()));
            }
        }
        for (OpinionClock.Due d : due) {
            OpinionDeadline kept = existing.get(d.kind());
            if (kept == null) {
                kept = deadlines.save(new OpinionDeadline(e.getId(), d.kind(), d.dueAt()));
            }
            if (kept.getDoneAt() == null) {
                openWork(e, d.kind());
            }
        }
    }

    private void openWork(OpinionEvent e, OpinionClock.Kind kind) {
        boolean department = (kind == OpinionClock.Kind.REPORT || kind == OpinionClock.Kind.ANSWER)
                && e.owningDepartment() != null;
        publisher.publishEvent(new WorkItemRequested(e.getAgencyId(), SUBJECT, e.getId().toString(), kind.name(),
                workTitle(kind) + "：" + brief(e), link(e), department ? e.owningDepartment() : null,
                department ? Role.DEPT_HEAD.name() : Role.OFFICE.name(), null,
                Deadline.clockHours(e.getFoundAt(), kind.hours), List.of(), true));
    }

    static String workTitle(OpinionClock.Kind kind) {
        return switch (kind) {
            case REPORT -> "重大舆情1小时内报告领导";
            case INFORM -> "5小时内发布权威信息";
            case PRESS -> "24小时内召开新闻发布会";
            case ANSWER -> "48小时内回应舆情";
        };
    }

    // ---- report, responses, closure ------------------------------------------------------------------------------

    /** 舆情 五: the report to the leaders (a major event within 1 hour); every leader of the agency is told. */
    OpinionEvent report(StaffPrincipal me, Long id, String text) {
        OpinionEvent e = visible(me, id);
        if (!me.has(Role.OFFICE) && !(me.has(Role.DEPT_HEAD) && me.departmentId() != null
                && me.departmentId().equals(e.owningDepartment()))) {
            throw new OpinionForbidden();
        }
        String clean = OpinionForms.clean(text);
        List<OpinionForms.Problem> problems = new ArrayList<>();
        OpinionForms.text(problems, "reportText", clean, true, OpinionForms.MAX_TEXT, true);
        if (!problems.isEmpty()) {
            throw new InvalidOpinion(problems);
        }
        Instant now = now();
        e.report(clean, me.getUsername(), now);
        meet(e, OpinionClock.Kind.REPORT, now);
        step(e, me, "REPORTED", clean);
        audit.record(AuditRecord.of(me.agencyId(), "OPINION_REPORTED", SUBJECT, e.getId(), levelLabel(e.getLevel())));
        publisher.publishEvent(new NoticeRequested(e.getAgencyId(), null, Role.LEADER.name(),
                "【舆情报告】" + levelLabel(e.getLevel()) + "：" + brief(e), clean, link(e)));
        return e;
    }

    /**
     * 舆情 三.五: a response. A statement is an item of this agency that went through the review chain and is
     * published (never a text this module puts out itself); a press conference or a follow-up is recorded as held.
     */
    OpinionResponse respond(StaffPrincipal me, Long id, OpinionForms.Response form) {
        OpinionEvent e = visible(me, id);
        if (!me.has(Role.OFFICE) && !(me.has(Role.DEPT_HEAD) && me.departmentId() != null
                && me.departmentId().equals(e.owningDepartment()))) {
            throw new OpinionForbidden();
        }
        List<OpinionForms.Problem> problems = new ArrayList<>(form.problems());
        PublishedItems.LinkedItem item = null;
        if (form.itemId() != null) {
            item = items.find(me, form.itemId()).orElse(null);
            if (item == null) {
                problems.add(new OpinionForms.Problem("itemId", "opinion.error.itemId.unknown"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidOpinion(problems);
        }
        if (item != null && !item.published()) {
            throw new OpinionRuleViolation("opinion.error.itemNotPublished");
        }
        Instant now = now();
        e.responded();
        OpinionResponse r = responses.save(new OpinionResponse(e.getId(), form.kind(), form.text(),
                item == null ? null : item.id(), item == null ? null : item.title(), me.getUsername(), now));
        switch (form.kind()) {
            case STATEMENT -> {
                meet(e, OpinionClock.Kind.INFORM, now);
                meet(e, OpinionClock.Kind.ANSWER, now);
            }
            case PRESS_CONFERENCE -> {
                meet(e, OpinionClock.Kind.PRESS, now);
                meet(e, OpinionClock.Kind.ANSWER, now);
            }
            case FOLLOW_UP -> {
                // 持续发布: a later release; the first answer's clock is met only by a statement or a conference.
            }
        }
        step(e, me, "RESPONSE_" + form.kind().name(), (item == null ? "" : "《" + item.title() + "》 ") + form.text());
        audit.record(AuditRecord.of(me.agencyId(), "OPINION_RESPONDED", SUBJECT, e.getId(), kindLabel(form.kind())
                + (item == null ? "" : "《" + item.title() + "》")));
        return r;
    }

    /** Closure with a summary, by the office; a major event is not closed before its report to the leaders. */
    OpinionEvent close(StaffPrincipal me, Long id, String summary) {
        OpinionEvent e = visible(me, id);
        if (!me.has(Role.OFFICE)) {
            throw new OpinionForbidden();
        }
        String clean = OpinionForms.clean(summary);
        List<OpinionForms.Problem> problems = new ArrayList<>();
        OpinionForms.text(problems, "summary", clean, true, OpinionForms.MAX_TEXT, true);
        if (!problems.isEmpty()) {
            throw new InvalidOpinion(problems);
        }
        if (e.getLevel().major() && e.getReportedAt() == null) {
            throw new OpinionRuleViolation("opinion.error.closeUnreported");
        }
        e.close(clean, me.getUsername(), now());
        for (OpinionClock.Kind k : OpinionClock.Kind.values()) {
            publisher.publishEvent(new WorkItemDone(SUBJECT, e.getId().toString(), k.name()));
        }
        step(e, me, "CLOSED", clean);
        audit.record(AuditRecord.of(me.agencyId(), "OPINION_CLOSED", SUBJECT, e.getId(), levelLabel(e.getLevel())));
        return e;
    }

    /** A screenshot or a file: PDF, JPEG or PNG by content, at most 10 MB; a PDF's text is privacy-scanned. */
    OpinionFile attach(StaffPrincipal me, Long id, String filename, byte[] content) {
        OpinionEvent e = visible(me, id);
        if (e.getStatus() == OpinionEvent.Status.CLOSED) {
            throw new OpinionRuleViolation("opinion.error.closed");
        }
        if (files.countByEvent(e.getId()) >= MAX_FILES) {
            throw new InvalidOpinion(List.of(new OpinionForms.Problem("file", "opinion.error.file.tooMany")));
        }
        OpinionEvidence.Checked checked = evidence.check(filename, content);
        OpinionFile f = files.save(new OpinionFile(e.getId(), checked.name(), checked.contentType(), content,
                checked.findings(), me.getUsername(), now()));
        step(e, me, "FILE", checked.name() + (checked.findings() == null ? "" : "（隐私检查发现个人信息或保密标志）"));
        audit.record(AuditRecord.of(me.agencyId(), "OPINION_FILE", SUBJECT, e.getId(), checked.name() + "（"
                + content.length + " 字节）"));
        return f;
    }

    private void meet(OpinionEvent e, OpinionClock.Kind kind, Instant now) {
        deadlines.findByEventIdOrderByDueAt(e.getId()).stream().filter(d -> d.kind() == kind).findFirst()
                .ifPresent(d -> {
                    if (d.meet(now)) {
                        publisher.publishEvent(new WorkItemDone(SUBJECT, e.getId().toString(), kind.name()));
                    }
                });
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /**
     * The event when {@code me} may see it: the office, the leaders and the leading group see their agency's events;
     * staff and department heads those of their department and those they recorded. Otherwise not found.
     */
    @Transactional(readOnly = true)
    OpinionEvent visible(StaffPrincipal me, Long id) {
        OpinionEvent e = events.findById(id).orElseThrow(OpinionNotFound::new);
        if (!e.getAgencyId().equals(me.agencyId()) || !mayView(me, e)) {
            throw new OpinionNotFound();
        }
        return e;
    }

    static boolean mayView(StaffPrincipal me, OpinionEvent e) {
        if (me.roles().stream().anyMatch(SEE_ALL::contains)) {
            return true;
        }
        if (!me.has(Role.STAFF) && !me.has(Role.DEPT_HEAD)) {
            return false;
        }
        return me.getUsername().equals(e.getRecordedBy())
                || (me.departmentId() != null && me.departmentId().equals(e.owningDepartment()));
    }

    static void requireReader(StaffPrincipal me) {
        if (me.roles().stream().noneMatch(r -> SEE_ALL.contains(r) || r == Role.STAFF || r == Role.DEPT_HEAD)) {
            throw new OpinionForbidden();
        }
    }

    @Transactional(readOnly = true)
    List<OpinionEvent> list(StaffPrincipal me) {
        requireReader(me);
        return events.recent(me.agencyId()).stream().filter(e -> mayView(me, e)).toList();
    }

    @Transactional(readOnly = true)
    List<OpinionDeadline> deadlines(Long eventId) {
        return deadlines.findByEventIdOrderByDueAt(eventId);
    }

    /** The deadlines of many events in one query, by event, each list in due order. */
    @Transactional(readOnly = true)
    Map<Long, List<OpinionDeadline>> deadlines(List<OpinionEvent> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        return deadlines.forEvents(list.stream().map(OpinionEvent::getId).toList()).stream()
                .sorted(java.util.Comparator.comparing(OpinionDeadline::getDueAt))
                .collect(java.util.stream.Collectors.groupingBy(OpinionDeadline::getEventId));
    }

    @Transactional(readOnly = true)
    List<OpinionResponse> responses(Long eventId) {
        return responses.findByEventIdOrderById(eventId);
    }

    @Transactional(readOnly = true)
    List<OpinionStep> timeline(Long eventId) {
        return steps.findByEventIdOrderById(eventId);
    }

    @Transactional(readOnly = true)
    List<OpinionFile> files(Long eventId) {
        return files.findByEvent(eventId);
    }

    @Transactional(readOnly = true)
    OpinionFile file(StaffPrincipal me, Long eventId, Long fileId) {
        OpinionEvent e = visible(me, eventId);
        OpinionFile f = files.findByIdAndEventId(fileId, e.getId()).orElseThrow(OpinionNotFound::new);
        f.content();
        return f;
    }

    boolean canTriage(StaffPrincipal me, OpinionEvent e) {
        return me.has(Role.OFFICE) && e.getStatus() != OpinionEvent.Status.CLOSED;
    }

    boolean canAct(StaffPrincipal me, OpinionEvent e) {
        return e.getStatus() != OpinionEvent.Status.CLOSED && (me.has(Role.OFFICE) || (me.has(Role.DEPT_HEAD)
                && me.departmentId() != null && me.departmentId().equals(e.owningDepartment())));
    }

    String departmentName(OpinionEvent e, Long departmentId) {
        return departmentId == null ? "" : org.departmentNames(e.getAgencyId()).getOrDefault(departmentId, "");
    }

    Instant now() {
        return Instant.now(clock);
    }

    ZoneId clockZone() {
        return ZONE;
    }

    private void step(OpinionEvent e, StaffPrincipal me, String kind, String text) {
        String t = text == null ? null : text.length() > OpinionForms.MAX_TEXT ? text.substring(0,
                OpinionForms.MAX_TEXT) : text;
        steps.save(new OpinionStep(e.getId(), now(), me.getUsername(), kind, t));
    }

    private void checkDepartment(StaffPrincipal me, Long departmentId, List<OpinionForms.Problem> problems) {
        if (departmentId != null && !org.departmentNames(me.agencyId()).containsKey(departmentId)) {
            problems.add(new OpinionForms.Problem("department", "opinion.error.department.unknown"));
        }
    }

    static String brief(OpinionEvent e) {
        String c = e.getContent().replaceAll("\\s+", " ").strip();
        return c.length() > 40 ? c.substring(0, 40) + "…" : c;
    }

    static String link(OpinionEvent e) {
        return "/workbench/opinion/" + e.getId();
    }

    static String minute(Instant at) {
        return at == null ? "" : MINUTE.format(at.atZone(ZONE));
    }

    static String offset(Instant at) {
        return at == null ? null : OFFSET.format(at.atZone(ZONE));
    }

    /** 一般, 较大, 重大, 特别重大: the bundle's words, kept in the timeline and the audit log as they read today. */
    String levelLabel(RiskLevel level) {
        return text("opinion.level." + level.name());
    }

    String kindLabel(OpinionResponse.Kind kind) {
        return text("opinion.kind." + kind.name());
    }

    String label(OpinionSource source) {
        return text("opinion.source." + source.name());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @ResponseStatus(HttpStatus.FORBIDDEN)
    static class OpinionForbidden extends RuntimeException {
        OpinionForbidden() {
            super("opinion.error.forbidden");
        }
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static class OpinionNotFound extends RuntimeException {
        OpinionNotFound() {
            super("not found");
        }
    }

    @ResponseStatus(HttpStatus.BAD_REQUEST)
    static class InvalidOpinion extends RuntimeException {
        final transient List<OpinionForms.Problem> problems;

        InvalidOpinion(List<OpinionForms.Problem> problems) {
            super("invalid opinion input");
            this.problems = List.copyOf(problems);
        }
    }
}
