package cn.gongkai.opinion;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.Masks;
import cn.gongkai.platform.PersonalDataCipher;
import cn.gongkai.platform.TextRules;
import cn.gongkai.worklist.Deadline;
import cn.gongkai.worklist.WorkItemDone;
import cn.gongkai.worklist.WorkItemRequested;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 96128 政务查询专线 (舆情 四.二): staff log each call; the department it concerns answers within the configured
 * working days (default 3) and says whether the caller was called back. The caller's name and number are encrypted
 * and shown masked; every full view is audited.
 */
@Service
@Transactional
class HotlineDesk {

    static final String SUBJECT = "HOTLINE_CALL";
    static final String ANSWER = "ANSWER";

    private final HotlineCalls calls;
    private final PersonalDataCipher cipher;
    private final WorkCalendarStore calendar;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final int answerDays;

    HotlineDesk(HotlineCalls calls, PersonalDataCipher cipher, WorkCalendarStore calendar, OrgDirectory org,
            AuditTrail audit, ApplicationEventPublisher publisher, Clock clock,
            @Value("${gongkai.opinion.hotline-answer-days:3}") int answerDays) {
        this.calls = calls;
        this.cipher = cipher;
        this.calendar = calendar;
        this.org = org;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
        this.answerDays = answerDays;
    }

    record Log(String callerName, String callerPhone, Instant calledAt, String calledAtText, String subject,
            String content, Long departmentId) {

        Log {
            callerName = OpinionForms.clean(callerName);
            callerPhone = OpinionForms.clean(callerPhone);
            calledAtText = OpinionForms.clean(calledAtText);
            subject = OpinionForms.clean(subject);
            content = OpinionForms.clean(content);
        }

        List<OpinionForms.Problem> problems() {
            List<OpinionForms.Problem> out = new ArrayList<>();
            if (callerName.length() > 50 || !callerName.matches(TextRules.ONE_LINE)) {
                out.add(new OpinionForms.Problem("callerName", "hotline.error.callerName"));
            }
            if (!callerPhone.isEmpty() && !callerPhone.matches("(\\+?86)?1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}")) {
                out.add(new OpinionForms.Problem("callerPhone", "hotline.error.callerPhone"));
            }
            if (calledAt == null) {
                out.add(new OpinionForms.Problem("calledAt", calledAtText.isEmpty() ? "hotline.error.calledAt.required"
                        : "hotline.error.calledAt.invalid"));
            }
            if (subject.isEmpty()) {
                out.add(new OpinionForms.Problem("subject", "hotline.error.subject.required"));
            } else if (subject.length() > 200 || !subject.matches(TextRules.ONE_LINE)) {
                out.add(new OpinionForms.Problem("subject", "hotline.error.subject.size"));
            }
            if (content.isEmpty()) {
                out.add(new OpinionForms.Problem("content", "hotline.error.content.required"));
            } else if (content.length() > 4000 || !content.matches(TextRules.MULTI_LINE)) {
                out.add(new OpinionForms.Problem("content", "hotline.error.content.size"));
            }
            return out;
        }
    }

    HotlineCall log(StaffPrincipal me, Log form) {
        if (!me.has(Role.OFFICE) && !me.has(Role.STAFF) && !me.has(Role.DEPT_HEAD)) {
            throw new OpinionDesk.OpinionForbidden();
        }
        List<OpinionForms.Problem> problems = new ArrayList<>(form.problems());
        Instant now = Instant.now(clock);
        if (form.calledAt() != null && (form.calledAt().isAfter(now.plus(OpinionDesk.FUTURE_SLACK))
                || form.calledAt().isBefore(now.minus(OpinionDesk.OLDEST)))) {
            problems.add(new OpinionForms.Problem("calledAt", "hotline.error.calledAt.range"));
        }
        if (form.departmentId() != null && !org.departmentNames(me.agencyId()).containsKey(form.departmentId())) {
            problems.add(new OpinionForms.Problem("department", "opinion.error.department.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new OpinionDesk.InvalidOpinion(problems);
        }
        LocalDate on = form.calledAt().atZone(OpinionDesk.ZONE).toLocalDate();
        HotlineCall c = calls.save(new HotlineCall(me.agencyId(), cipher.encrypt(form.callerName()),
                cipher.encrypt(form.callerPhone()), form.calledAt(), on, form.subject(), form.content(),
                form.departmentId(), answerDays, me.getUsername()));
        audit.record(AuditRecord.of(me.agencyId(), "HOTLINE_LOGGED", SUBJECT, c.getId(), c.getSubject()));
        Long department = form.departmentId();
        publisher.publishEvent(new WorkItemRequested(me.agencyId(), SUBJECT, c.getId().toString(), ANSWER,
                "答复96128来电：" + c.getSubject(), link(c), department,
                department != null ? Role.DEPT_HEAD.name() : Role.OFFICE.name(), null,
                Deadline.workingDays(on, answerDays), List.of(1)));
        return c;
    }

    HotlineCall answer(StaffPrincipal me, Long id, String answer, boolean calledBack) {
        HotlineCall c = visible(me, id);
        if (!mayAnswer(me, c)) {
            throw new OpinionDesk.OpinionForbidden();
        }
        String a = OpinionForms.clean(answer);
        List<OpinionForms.Problem> problems = new ArrayList<>();
        OpinionForms.text(problems, "answer", a, true, 4000, true);
        if (!problems.isEmpty()) {
            throw new OpinionDesk.InvalidOpinion(problems);
        }
        c.answer(a, calledBack, me.getUsername(), Instant.now(clock));
        audit.record(AuditRecord.of(me.agencyId(), "HOTLINE_ANSWERED", SUBJECT, c.getId(), calledBack
                ? "已回访" : "未回访"));
        publisher.publishEvent(new WorkItemDone(SUBJECT, c.getId().toString(), ANSWER));
        return c;
    }

    HotlineCall markComplaint(StaffPrincipal me, Long id) {
        HotlineCall c = visible(me, id);
        MessageDesk.requireOffice(me);
        c.markComplaint();
        audit.record(AuditRecord.of(me.agencyId(), "HOTLINE_COMPLAINT", SUBJECT, c.getId(), null));
        return c;
    }

    void converted(StaffPrincipal me, HotlineCall c, String trackingNumber) {
        c.converted(trackingNumber);
        audit.record(AuditRecord.of(me.agencyId(), "HOTLINE_CONVERTED", SUBJECT, c.getId(), trackingNumber));
        publisher.publishEvent(new WorkItemDone(SUBJECT, c.getId().toString(), ANSWER));
    }

    String[] personalData(StaffPrincipal me, Long id) {
        HotlineCall c = visible(me, id);
        audit.record(AuditRecord.of(me.agencyId(), "HOTLINE_PERSONAL_DATA_VIEWED", SUBJECT, c.getId(), null));
        return new String[] {cipher.decrypt(c.encryptedName()), cipher.decrypt(c.encryptedPhone())};
    }

    /** The office sees every call; staff and department heads those of their department and those they logged. */
    @Transactional(readOnly = true)
    HotlineCall visible(StaffPrincipal me, Long id) {
        HotlineCall c = calls.findById(id).orElseThrow(OpinionDesk.OpinionNotFound::new);
        if (!c.getAgencyId().equals(me.agencyId()) || !mayView(me, c)) {
            throw new OpinionDesk.OpinionNotFound();
        }
        return c;
    }

    static boolean mayView(StaffPrincipal me, HotlineCall c) {
        if (me.has(Role.OFFICE)) {
            return true;
        }
        return (me.has(Role.STAFF) || me.has(Role.DEPT_HEAD)) && (me.getUsername().equals(c.getLoggedBy())
                || (me.departmentId() != null && me.departmentId().equals(c.getDepartmentId())));
    }

    @Transactional(readOnly = true)
    List<HotlineCall> list(StaffPrincipal me) {
        if (!me.has(Role.OFFICE) && !me.has(Role.STAFF) && !me.has(Role.DEPT_HEAD)) {
            throw new OpinionDesk.OpinionForbidden();
        }
        return calls.recent(me.agencyId()).stream().filter(c -> mayView(me, c)).toList();
    }

    boolean canAnswer(StaffPrincipal me, HotlineCall c) {
        return c.getStatus() == HotlineCall.Status.OPEN && mayAnswer(me, c);
    }

    /** The office, or staff and the head of the department the call is for (the status is the entity's rule). */
    static boolean mayAnswer(StaffPrincipal me, HotlineCall c) {
        return me.has(Role.OFFICE) || ((me.has(Role.STAFF) || me.has(Role.DEPT_HEAD)) && me.departmentId() != null
                && me.departmentId().equals(c.getDepartmentId()));
    }

    LocalDate dueOn(HotlineCall c) {
        return calendar.current().plusWorkingDays(c.getReceivedOn(), c.getDueDays());
    }

    String maskedName(HotlineCall c) {
        String n = cipher.decrypt(c.encryptedName());
        return n == null || n.isEmpty() ? "" : Masks.name(n);
    }

    String maskedPhone(HotlineCall c) {
        String p = cipher.decrypt(c.encryptedPhone());
        return p == null || p.isEmpty() ? "" : Masks.phone(p);
    }

    String departmentName(HotlineCall c) {
        return c.getDepartmentId() == null ? "" : org.departmentNames(c.getAgencyId()).getOrDefault(
                c.getDepartmentId(), "");
    }

    static String link(HotlineCall c) {
        return "/workbench/hotline/" + c.getId();
    }
}
