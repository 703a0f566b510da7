package cn.gongkai.opinion;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.Masks;
import cn.gongkai.platform.PersonalDataCipher;
import cn.gongkai.platform.PrivacyFinding;
import cn.gongkai.platform.PrivacyScanner;
import cn.gongkai.platform.TextRules;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 网民留言办理 (舆情 四.三): a message left on the portal gets a number and a query code; the office assigns it to a
 * department, which answers within the configured working days (default 5); the office reviews the answer, which the
 * citizen then reads with the code; with the citizen's consent the office publishes the message and its answer on
 * 留言选登, and nothing with personal data in it is published.
 */
@Service
@Transactional
class MessageDesk {

    static final String SUBJECT = "CITIZEN_MESSAGE";
    static final String ASSIGN = "ASSIGN";
    static final String ANSWER = "ANSWER";
    static final String REVIEW = "REVIEW";
    static final int MAX_NAME = 50;
    static final int MAX_CONTACT = 100;
    static final int MAX_SUBJECT = 200;
    static final int MAX_CONTENT = 4000;
    static final int MAX_QUERY = 50;
    static final int PAGE = 20;
    private static final String CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final CitizenMessages messages;
    private final PersonalDataCipher cipher;
    private final WorkCalendarStore calendar;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PrivacyScanner scanner = new PrivacyScanner();
    private final cn.gongkai.request.IntakeGuard guard;
    private final int answerDays;
    private final int officeDays;

    MessageDesk(CitizenMessages messages, PersonalDataCipher cipher, WorkCalendarStore calendar, OrgDirectory org,
            AuditTrail audit, ApplicationEventPublisher publisher, JdbcTemplate jdbc, Clock clock,
            cn.gongkai.request.IntakeGuard guard, @Value("${gongkai.opinion.message-answer-days:5}") int answerDays,
            @Value("${gongkai.opinion.message-office-days:2}") int officeDays) {
        this.messages = messages;
        this.cipher = cipher;
        this.calendar = calendar;
        this.org = org;
        this.audit = audit;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.clock = clock;
        this.guard = guard;
        this.answerDays = answerDays;
        this.officeDays = officeDays;
    }

    record Leave(String name, String contact, String subject, String content, boolean consent) {

        Leave {
            name = OpinionForms.clean(name);
            contact = OpinionForms.clean(contact);
            subject = OpinionForms.clean(subject);
            content = OpinionForms.clean(content);
        }

        List<OpinionForms.Problem> problems() {
            List<OpinionForms.Problem> out = new ArrayList<>();
            field(out, "name", name, MAX_NAME, false);
            field(out, "contact", contact, MAX_CONTACT, false);
            if (!contact.isEmpty() && out.stream().noneMatch(p -> p.field().equals("contact"))
                    && !contact.matches("(\\+?86)?1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}|[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                out.add(new OpinionForms.Problem("contact", "message.error.contact.pattern"));
            }
            field(out, "subject", subject, MAX_SUBJECT, false);
            field(out, "content", content, MAX_CONTENT, true);
            return out;
        }

        private static void field(List<OpinionForms.Problem> out, String field, String value, int max, boolean multi) {
            OpinionForms.text(out, "message.error.", field, value, true, max, multi);
        }
    }

    record Left(String number, String code) {
    }

    // ---- the citizen --------------------------------------------------------------------------------------------

    /**
     * Receives the message unless the form's token is spent already (then nothing happens and the answer is empty).
     * The token is spent in the transaction that keeps the message: both happen, or neither; {@code keep} runs before
     * the commit, so a second submission of the same form, waiting on the token, finds the receipt kept.
     */
    Optional<Left> leaveOnce(String token, Long agencyId, Leave form, java.util.function.Consumer<Left> keep) {
        if (!guard.spend(token)) {
            return Optional.empty();
        }
        Left left = leave(agencyId, form);
        keep.accept(left);
        return Optional.of(left);
    }

    /** Receives a message from the portal (the caller checked the form guard); the office gets it to assign. */
    Left leave(Long agencyId, Leave form) {
        List<OpinionForms.Problem> problems = form.problems();
        if (!problems.isEmpty()) {
            throw new OpinionDesk.InvalidOpinion(problems);
        }
        LocalDate today = calendar.today();
        long seq = jdbc.queryForObject("select nextval('citizen_message_number_seq')", Long.class);
        String number = "LY" + DAY.format(today) + String.format(Locale.ROOT, "%05d", seq % 100_000);
        String code = code();
        CitizenMessage m = messages.save(new CitizenMessage(agencyId, number, hash(number, code),
                cipher.encrypt(form.name()), cipher.encrypt(form.contact()), form.subject(), form.content(),
                form.consent(), now(), today));
        audit.recordAs(cn.gongkai.org.StaffNames.CITIZEN, AuditTrail.currentAddress(), AuditRecord.of(agencyId,
                "MESSAGE_RECEIVED", SUBJECT, number, form.consent() ? "同意公开" : "未同意公开"));
        publisher.publishEvent(new WorkItemRequested(agencyId, SUBJECT, m.getId().toString(), ASSIGN,
                "分办网民留言：" + m.getSubject(), link(m), null, Role.OFFICE.name(), null,
                Deadline.workingDays(today, officeDays), List.of(1)));
        return new Left(number, code);
    }

    /** The message, when the number and the code match; the citizen reads the answer once it is reviewed. */
    @Transactional(readOnly = true)
    Optional<CitizenMessage> track(String number, String code) {
        if (number == null || code == null || number.length() > 30 || code.length() > 30) {
            return Optional.empty();
        }
        return messages.findByMessageNumber(number.strip()).filter(m -> MessageDigest.isEqual(
                m.codeHash().getBytes(StandardCharsets.US_ASCII),
                hash(m.getMessageNumber(), code).getBytes(StandardCharsets.US_ASCII)));
    }

    /** 留言选登: published messages, newest first, optionally matching the words typed (at most 50 characters). */
    @Transactional(readOnly = true)
    List<CitizenMessage> published(Long agencyId, String query, int page) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.length() > MAX_QUERY) {
            throw new OpinionDesk.InvalidOpinion(List.of(new OpinionForms.Problem("q", "message.error.q.size")));
        }
        String pattern = q.isEmpty() ? "" : "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return messages.published(agencyId, pattern, PageRequest.of(Math.max(0, Math.min(page, 50)), PAGE));
    }

    // ---- the office and the departments ---------------------------------------------------------------------------

    CitizenMessage assign(StaffPrincipal me, Long id, Long departmentId) {
        CitizenMessage m = visible(me, id);
        requireOffice(me);
        if (departmentId == null || !org.departmentNames(me.agencyId()).containsKey(departmentId)) {
            throw new OpinionDesk.InvalidOpinion(List.of(new OpinionForms.Problem("department",
                    departmentId == null ? "opinion.error.department.required" : "opinion.error.department.unknown")));
        }
        LocalDate today = calendar.today();
        m.assign(departmentId, answerDays, today);
        audit.record(AuditRecord.of(me.agencyId(), "MESSAGE_ASSIGNED", SUBJECT, m.getMessageNumber(),
                departmentName(m)));
        publisher.publishEvent(new WorkItemDone(SUBJECT, m.getId().toString(), ASSIGN));
        openAnswer(m);
        return m;
    }

    private void openAnswer(CitizenMessage m) {
        publisher.publishEvent(new WorkItemRequested(m.getAgencyId(), SUBJECT, m.getId().toString(), ANSWER,
                "答复网民留言：" + m.getSubject(), link(m), m.getDepartmentId(), Role.DEPT_HEAD.name(), null,
                Deadline.workingDays(m.getAssignedOn(), m.getAnswerDays()), List.of(2, 1)));
    }

    CitizenMessage answer(StaffPrincipal me, Long id, String answer) {
        CitizenMessage m = visible(me, id);
        if (!mayAnswer(me, m)) {
            throw new OpinionDesk.OpinionForbidden();
        }
        String a = OpinionForms.clean(answer);
        List<OpinionForms.Problem> problems = new ArrayList<>();
        OpinionForms.text(problems, "answer", a, true, MAX_CONTENT, true);
        if (!problems.isEmpty()) {
            throw new OpinionDesk.InvalidOpinion(problems);
        }
        m.answer(a, me.getUsername(), now());
        audit.record(AuditRecord.of(me.agencyId(), "MESSAGE_ANSWERED", SUBJECT, m.getMessageNumber(), null));
        publisher.publishEvent(new WorkItemDone(SUBJECT, m.getId().toString(), ANSWER));
        publisher.publishEvent(new WorkItemRequested(m.getAgencyId(), SUBJECT, m.getId().toString(), REVIEW,
                "审核网民留言答复：" + m.getSubject(), link(m), null, Role.OFFICE.name(), null,
                Deadline.workingDays(calendar.today(), officeDays), List.of(1)));
        return m;
    }

    CitizenMessage review(StaffPrincipal me, Long id, boolean approve, String note) {
        CitizenMessage m = visible(me, id);
        requireOffice(me);
        String n = OpinionForms.clean(note);
        List<OpinionForms.Problem> problems = new ArrayList<>();
        OpinionForms.text(problems, "reviewNote", n, !approve, 2000, true);
        if (!problems.isEmpty()) {
            throw new OpinionDesk.InvalidOpinion(problems);
        }
        m.review(approve, n.isEmpty() ? null : n, me.getUsername(), now());
        audit.record(AuditRecord.of(me.agencyId(), approve ? "MESSAGE_REPLIED" : "MESSAGE_RETURNED", SUBJECT,
                m.getMessageNumber(), n.isEmpty() ? null : n));
        publisher.publishEvent(new WorkItemDone(SUBJECT, m.getId().toString(), REVIEW));
        if (!approve) {
            openAnswer(m);
        }
        return m;
    }

    /** The texts the office starts from when publishing: the message and the answer with personal data removed. */
    @Transactional(readOnly = true)
    String[] redacted(CitizenMessage m) {
        return new String[] {redact(m.getSubject()), redact(m.getContent()), redact(m.getAnswer())};
    }

    /**
     * 留言选登, with the citizen's consent only; the texts as the office settled them, scanned again: nothing with an
     * ID number, a phone number, a bank card or an e-mail address in it is published.
     */
    CitizenMessage publish(StaffPrincipal me, Long id, String subject, String content, String answer) {
        CitizenMessage m = visible(me, id);
        requireOffice(me);
        String s = OpinionForms.clean(subject);
        String c = OpinionForms.clean(content);
        String a = OpinionForms.clean(answer);
        List<OpinionForms.Problem> problems = new ArrayList<>();
        OpinionForms.text(problems, "publishedSubject", s, true, MAX_SUBJECT, false);
        OpinionForms.text(problems, "publishedContent", c, true, MAX_CONTENT, true);
        OpinionForms.text(problems, "publishedAnswer", a, true, MAX_CONTENT, true);
        for (String[] f : List.of(new String[] {"publishedSubject", s}, new String[] {"publishedContent", c},
                new String[] {"publishedAnswer", a})) {
            if (!scanner.scan(f[0], f[1]).isEmpty()) {
                problems.add(new OpinionForms.Problem(f[0], "message.error.personalData"));
            }
        }
        if (!problems.isEmpty()) {
            throw new OpinionDesk.InvalidOpinion(problems);
        }
        m.publish(s, c, a, now());
        audit.record(AuditRecord.of(me.agencyId(), "MESSAGE_PUBLISHED", SUBJECT, m.getMessageNumber(), s));
        return m;
    }

    /** Withdraws a message from 留言选登, with the reason. */
    CitizenMessage unpublish(StaffPrincipal me, Long id, String reason) {
        CitizenMessage m = visible(me, id);
        requireOffice(me);
        String r = OpinionForms.clean(reason);
        List<OpinionForms.Problem> problems = new ArrayList<>();
        OpinionForms.text(problems, "reason", r, true, 500, false);
        if (!problems.isEmpty()) {
            throw new OpinionDesk.InvalidOpinion(problems);
        }
        m.unpublish();
        audit.record(AuditRecord.of(me.agencyId(), "MESSAGE_UNPUBLISHED", SUBJECT, m.getMessageNumber(), r));
        return m;
    }

    CitizenMessage markComplaint(StaffPrincipal me, Long id) {
        CitizenMessage m = visible(me, id);
        requireOffice(me);
        m.markComplaint();
        audit.record(AuditRecord.of(me.agencyId(), "MESSAGE_COMPLAINT", SUBJECT, m.getMessageNumber(), null));
        return m;
    }

    /** Turned into a request (through the request register form): its open work ends here. */
    void converted(StaffPrincipal me, CitizenMessage m, String trackingNumber) {
        m.converted(trackingNumber);
        audit.record(AuditRecord.of(me.agencyId(), "MESSAGE_CONVERTED", SUBJECT, m.getMessageNumber(),
                trackingNumber));
        for (String kind : List.of(ASSIGN, ANSWER, REVIEW)) {
            publisher.publishEvent(new WorkItemDone(SUBJECT, m.getId().toString(), kind));
        }
    }

    /** The name and contact in full, for the office or the answering department; every view is audited. */
    String[] personalData(StaffPrincipal me, Long id) {
        CitizenMessage m = visible(me, id);
        audit.record(AuditRecord.of(me.agencyId(), "MESSAGE_PERSONAL_DATA_VIEWED", SUBJECT, m.getMessageNumber(),
                null));
        return new String[] {cipher.decrypt(m.encryptedName()), cipher.decrypt(m.encryptedContact())};
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /** The office sees its agency's messages; staff and department heads those assigned to their department. */
    @Transactional(readOnly = true)
    CitizenMessage visible(StaffPrincipal me, Long id) {
        CitizenMessage m = messages.findById(id).orElseThrow(OpinionDesk.OpinionNotFound::new);
        if (!m.getAgencyId().equals(me.agencyId()) || !mayView(me, m)) {
            throw new OpinionDesk.OpinionNotFound();
        }
        return m;
    }

    static boolean mayView(StaffPrincipal me, CitizenMessage m) {
        return me.has(Role.OFFICE) || ((me.has(Role.STAFF) || me.has(Role.DEPT_HEAD)) && me.departmentId() != null
                && me.departmentId().equals(m.getDepartmentId()));
    }

    @Transactional(readOnly = true)
    List<CitizenMessage> list(StaffPrincipal me) {
        if (!me.has(Role.OFFICE) && !me.has(Role.STAFF) && !me.has(Role.DEPT_HEAD)) {
            throw new OpinionDesk.OpinionForbidden();
        }
        return messages.recent(me.agencyId()).stream().filter(m -> mayView(me, m)).toList();
    }

    boolean canAnswer(StaffPrincipal me, CitizenMessage m) {
        return m.getStatus() == CitizenMessage.Status.ASSIGNED && mayAnswer(me, m);
    }

    /** The office, or staff and the head of the department it is assigned to (the status is the entity's rule). */
    static boolean mayAnswer(StaffPrincipal me, CitizenMessage m) {
        return me.has(Role.OFFICE) || ((me.has(Role.STAFF) || me.has(Role.DEPT_HEAD)) && me.departmentId() != null
                && me.departmentId().equals(m.getDepartmentId()));
    }

    LocalDate answerDue(CitizenMessage m) {
        return m.getAssignedOn() == null ? null : calendar.current().plusWorkingDays(m.getAssignedOn(),
                m.getAnswerDays());
    }

    String maskedName(CitizenMessage m) {
        return Masks.name(cipher.decrypt(m.encryptedName()));
    }

    String maskedContact(CitizenMessage m) {
        String contact = cipher.decrypt(m.encryptedContact());
        return contact.contains("@") ? Masks.email(contact) : Masks.phone(contact);
    }

    String departmentName(CitizenMessage m) {
        return m.getDepartmentId() == null ? "" : org.departmentNames(m.getAgencyId()).getOrDefault(
                m.getDepartmentId(), "");
    }

    String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        List<PrivacyFinding> found = scanner.scan("text", text);
        StringBuilder out = new StringBuilder(text);
        for (int i = found.size() - 1; i >= 0; i--) {
            PrivacyFinding f = found.get(i);
            out.replace(f.start(), f.end(), "＊＊＊");
        }
        return out.toString();
    }

    static void requireOffice(StaffPrincipal me) {
        if (!me.has(Role.OFFICE)) {
            throw new OpinionDesk.OpinionForbidden();
        }
    }

    static String link(CitizenMessage m) {
        return "/workbench/messages/" + m.getId();
    }

    static String hash(String number, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((number + ":"
                    + code.strip().toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String code() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(CODE_CHARS.charAt(RANDOM.nextInt(CODE_CHARS.length())));
        }
        return sb.toString();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
