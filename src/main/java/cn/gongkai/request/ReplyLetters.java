package cn.gongkai.request;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.calendar.WorkCalendar;
import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.Letter;
import cn.gongkai.platform.LetterRenderer;
import cn.gongkai.platform.PublicAddress;
import cn.gongkai.worklist.Deadline;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 告知书: the reply letter of a replied request, composed from the office's template for its reply form (or the
 * default), citing the articles its outcome and form rest on ({@link Citations}), with the opening, the outcome as the
 * applicant reads it and the applicant's rights to administrative review and lawsuit always included. A request closed
 * unanswered (其他处理 1 and 2) gets its notice that the request is no longer processed. Also the extension notice
 * (延期答复告知书, Art. 33 para. 2). The applicant is addressed as 你 or 你单位, every date written 2026年12月1日.
 */
@Service
class ReplyLetters {

    /** The template kind of the extension notice, stored beside the reply forms' in {@code letter_template}. */
    static final String EXTENSION_NOTICE = "EXTENSION_NOTICE";
    /** A template is a letter's body: a few paragraphs. */
    static final int TEMPLATE_MAX_LENGTH = 5000;

    /** An ISO date in the handler's text (not part of an index number such as 000014349/2018-00222). */
    private static final Pattern ISO_DATE = Pattern.compile("(?<![\\d/-])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d-])");

    private final JdbcTemplate jdbc;
    private final PublicAddress address;
    private final MessageSource messages;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final Clock clock;
    private final WorkCalendarStore calendars;

    ReplyLetters(JdbcTemplate jdbc, MessageSource messages, OrgDirectory org, AuditTrail audit, Clock clock,
            WorkCalendarStore calendars, PublicAddress address) {
        this.address = address;
        this.jdbc = jdbc;
        this.messages = messages;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
        this.calendars = calendars;
    }

    /** The letter's parts in order: title, recipient line, paragraphs; the agency and date close it. */
    record Composed(String agencyName, String title, String recipient, List<String> paragraphs, LocalDate date,
            String seal) {

        /** The date as the letter writes it (2026年3月2日). */
        public String writtenDate() {
            return Letter.writtenDate(date);
        }

        /** The whole text as the applicant reads it, for checks. */
        String text() {
            return String.join("\n", title, recipient, String.join("\n", paragraphs), agencyName,
                    Letter.writtenDate(date));
        }
    }

    /**
     * The form the request's letter is written in: the drafted reply form once replied, or the closing notice of a
     * request closed unanswered (Art. 30, Art. 42); none before.
     */
    static Optional<ReplyForm> letterForm(InfoRequest r) {
        if (r.getRepliedOn() == null || r.getOutcome() == null) {
            return Optional.empty();
        }
        if (r.getReplyForm() != null) {
            return Optional.of(r.getReplyForm());
        }
        return ReplyForms.closingNotice(r.getOutcome());
    }

    /** Whether the request has a letter yet (replied, or closed as 其他处理 1 or 2). */
    static boolean hasLetter(InfoRequest r) {
        return letterForm(r).isPresent();
    }

    /** One index number in the list the officer typed (separated by spaces, commas, 、 or semicolons). */
    private static final Pattern INDEX_NUMBER = Pattern.compile("[^\\s,，、；;]+");

    /**
     * The index numbers the officer linked, each followed by its address on the portal when the public address is
     * configured ({@code gongkai.public-base-url}); never an address taken from a request's Host header.
     */
    String links(String linked) {
        if (linked == null || linked.isBlank()) {
            return "";
        }
        if (address.configured().isEmpty()) {
            return linked;
        }
        String base = address.configured().get();
        StringBuilder out = new StringBuilder();
        Matcher m = INDEX_NUMBER.matcher(linked);
        int last = 0;
        while (m.find()) {
            out.append(linked, last, m.end()).append(message("request.letter.linkAddress",
                    base + PublicAddress.entryPath(m.group())));
            last = m.end();
        }
        return out.append(linked.substring(last)).toString();
    }

    @Transactional(readOnly = true)
    Composed compose(InfoRequest r) {
        ReplyForm form = letterForm(r).orElseThrow(() -> new RequestRuleViolation("request.error.noLetterYet"));
        return compose(r, form, r.getRepliedOn());
    }

    /**
     * The letter of a drafted reply as it will be sent if approved today: what the office and the leader read before
     * they decide. Empty when no reply is drafted.
     */
    @Transactional(readOnly = true)
    Optional<Composed> preview(InfoRequest r, LocalDate today) {
        if (r.getOutcome() == null) {
            return Optional.empty();
        }
        Optional<ReplyForm> form = r.getReplyForm() != null ? Optional.of(r.getReplyForm())
                : ReplyForms.closingNotice(r.getOutcome());
        return form.map(f -> compose(r, f, r.getRepliedOn() != null ? r.getRepliedOn() : today));
    }

    private Composed compose(InfoRequest r, ReplyForm form, LocalDate date) {
        Citations.Citation citation = Citations.of(r.getOutcome(), form, particulars(r.getId()));
        Map<String, String> values = values(r);
        values.put("replyText", writtenDates(r.getReplyText() == null ? "" : r.getReplyText()));
        values.put("links", links(r.getLinkedIndexNumbers()));
        values.put("citation", citation.basis());
        values.put("particulars", citation.particularsText());
        values.put("outcome", message("request.outcome.applicant." + r.getOutcome().name()));
        values.put("amendmentRequestedOn", date(r.getAmendmentRequestedOn()));
        values.put("amendmentDue", date(r.getAmendmentDue()));
        values.put("feeYuan", r.getFeeYuan() == null ? "" : r.getFeeYuan().toString());
        values.put("feeDue", date(r.getFeeDue()));

        String opening = fill(message("request.letter.opening"), values);
        String recipient = opening.substring(0, opening.indexOf('：') + 1);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(opening.substring(opening.indexOf('：') + 1).strip());
        String template = template(r.getAgencyId(), form.name());
        paragraphs.addAll(paragraphs(fill(addressed(template, values), values)));
        String body = String.join("", paragraphs);
        // An office's own template still cites the articles: the citation paragraph is added where it lacks them.
        if (!body.contains(citation.basis())) {
            paragraphs.add(fill(message("request.letter.citationParagraph"), values));
        }
        if (!citation.particulars().isEmpty() && !body.contains(citation.particularsText())) {
            paragraphs.add(citation.particularsText());
        }
        paragraphs.add(fill(message("request.letter.outcomeLine"), values));
        paragraphs.add(message("request.letter.rights"));
        String title = message(form.isClosingNotice() ? "request.letter.title.closing" : "request.letter.title");
        return new Composed(agency(r), title, recipient, paragraphs, date, message("request.letter.seal"));
    }

    @Transactional(readOnly = true)
    byte[] docx(InfoRequest r) {
        return renderer().docx(letter(compose(r)));
    }

    @Transactional(readOnly = true)
    byte[] pdf(InfoRequest r) {
        return renderer().pdf(letter(compose(r)));
    }

    // ---- extension notice (延期答复告知书) ----------------------------------------------------------------------

    /** The dates an extension notice states: when the extension was approved, the original and the new due date. */
    record ExtensionDates(LocalDate decidedOn, LocalDate originalDue, LocalDate newDue) {
    }

    /**
     * The dates of the request's approved extension, from its timeline and its reply clock.
     *
     * @throws RequestRuleViolation when no extension was approved
     */
    @Transactional(readOnly = true)
    ExtensionDates extensionDates(InfoRequest r) {
        if (r.getExtensionApprovedOn() == null || r.getExtensionOriginalDue() == null) {
            throw new RequestRuleViolation("request.letter.error.noExtension");
        }
        WorkCalendar calendar = calendars.current();
        LocalDate today = LocalDate.now(clock.withZone(Deadline.ZONE));
        return new ExtensionDates(r.getExtensionApprovedOn(), r.getExtensionOriginalDue(), r.dueOn(calendar, today));
    }

    /**
     * 延期答复告知书 (Art. 33 para. 2): the applicant is told in writing, before the original due date, that the reply
     * takes longer, why, by how many working days and by which date. From the office's template
     * {@value #EXTENSION_NOTICE} or the default; the letter is dated the day the extension was decided.
     *
     * @throws RequestRuleViolation when the request has no approved extension
     */
    @Transactional(readOnly = true)
    Composed extensionNotice(InfoRequest r, LocalDate decidedOn, LocalDate originalDue, LocalDate newDue) {
        if (r.getExtensionDays() <= 0 || r.getExtensionReason() == null) {
            throw new RequestRuleViolation("request.letter.error.noExtension");
        }
        String citation = Citations.extension();
        Map<String, String> values = values(r);
        values.put("citation", citation);
        values.put("reason", reason(r.getExtensionReason()));
        values.put("days", Integer.toString(r.getExtensionDays()));
        values.put("decidedOn", date(decidedOn));
        values.put("originalDue", date(originalDue));
        values.put("newDue", date(newDue));
        List<String> paragraphs = paragraphs(fill(addressed(template(r.getAgencyId(), EXTENSION_NOTICE), values),
                values));
        if (!String.join("", paragraphs).contains(citation)) {
            // Art. 33 para. 2 is cited even where the office's template leaves it out.
            paragraphs.add(fill(message("request.letter.extension.citationParagraph"), values));
        }
        return new Composed(agency(r), message("request.letter.extension.title"), r.getName() + "：", paragraphs,
                decidedOn, message("request.letter.seal"));
    }

    @Transactional(readOnly = true)
    byte[] extensionNoticeDocx(InfoRequest r, LocalDate decidedOn, LocalDate originalDue, LocalDate newDue) {
        return renderer().docx(letter(extensionNotice(r, decidedOn, originalDue, newDue)));
    }

    @Transactional(readOnly = true)
    byte[] extensionNoticePdf(InfoRequest r, LocalDate decidedOn, LocalDate originalDue, LocalDate newDue) {
        return renderer().pdf(letter(extensionNotice(r, decidedOn, originalDue, newDue)));
    }

    // ---- what the letter cites beyond outcome and form ---------------------------------------------------------

    /** The particulars the handler named for this request's letter; {@link ReplyParticulars#NONE} when none. */
    @Transactional(readOnly = true)
    ReplyParticulars particulars(Long requestId) {
        List<ReplyParticulars> found = jdbc.query("select law, agency, agency_contacts, article from reply_citation "
                + "where request_id = ?", (rs, n) -> new ReplyParticulars(withheld(requestId), rs.getString("law"),
                        rs.getString("agency"), rs.getString("agency_contacts"), rs.getString("article")), requestId);
        return found.isEmpty() ? ReplyParticulars.NONE : found.getFirst();
    }

    private List<ReplyParticulars.WithheldPart> withheld(Long requestId) {
        return jdbc.query("select part, basis, law from reply_withheld_part where request_id = ? order by position",
                (rs, n) -> new ReplyParticulars.WithheldPart(rs.getString("part"),
                        WithholdingBasis.valueOf(rs.getString("basis")), rs.getString("law")), requestId);
    }

    /**
     * Records what the letter of this request cites beyond outcome and form, replacing what was recorded; meant to be
     * called with the draft reply ({@code RequestDesk.draftReply}) and while the reply is not yet made.
     */
    @Transactional
    void recordParticulars(Long requestId, ReplyParticulars p, String by) {
        jdbc.update("delete from reply_citation where request_id = ?", requestId);
        jdbc.update("insert into reply_citation (request_id, law, agency, agency_contacts, article, updated_by, "
                + "updated_at) values (?, ?, ?, ?, ?, ?, ?)", requestId, p.law(), p.agency(), p.agencyContacts(),
                p.article(), by, Timestamp.from(Instant.now(clock)));
        int position = 0;
        for (ReplyParticulars.WithheldPart part : p.withheld()) {
            jdbc.update("insert into reply_withheld_part (request_id, position, part, basis, law) values (?, ?, ?, ?, ?)",
                    requestId, position++, part.part(), part.basis().name(), part.law());
        }
    }

    // ---- templates -------------------------------------------------------------------------------------------------

    /** The template kinds the office edits: one per reply form, then the extension notice. */
    static List<String> templateKinds() {
        List<String> kinds = new ArrayList<>();
        for (ReplyForm f : ReplyForm.values()) {
            kinds.add(f.name());
        }
        kinds.add(EXTENSION_NOTICE);
        return kinds;
    }

    @Transactional(readOnly = true)
    String template(Long agencyId, String kind) {
        List<String> saved = jdbc.queryForList("select body from letter_template where agency_id = ? and reply_form = ?",
                String.class, agencyId, kind);
        return saved.isEmpty() ? defaultTemplate(kind) : saved.getFirst();
    }

    private String defaultTemplate(String kind) {
        return message(EXTENSION_NOTICE.equals(kind) ? "request.letter.extension.body" : "request.letter.form." + kind);
    }

    @Transactional(readOnly = true)
    Map<String, String> templates(Long agencyId) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String kind : templateKinds()) {
            all.put(kind, template(agencyId, kind));
        }
        return all;
    }

    @Transactional
    void saveTemplate(StaffPrincipal me, String kind, String body) {
        if (!me.has(Role.OFFICE)) {
            throw new RequestRuleViolation("request.error.notAllowed");
        }
        if (!templateKinds().contains(kind)) {
            throw new RequestRuleViolation("request.letter.error.kind", "form");
        }
        if (body == null || body.isBlank()) {
            throw new RequestRuleViolation("request.error.textRequired", kind);
        }
        if (body.length() > TEMPLATE_MAX_LENGTH) {
            throw new RequestRuleViolation("request.templates.tooLong", "body", TEMPLATE_MAX_LENGTH);
        }
        LetterPlaceholders.firstUnknown(body).ifPresent(name -> {
            throw new RequestRuleViolation("request.templates.unknownPlaceholder", "body", name);
        });
        jdbc.update("""
                insert into letter_template (agency_id, reply_form, body, updated_by, updated_at) values (?, ?, ?, ?, ?)
                on conflict (agency_id, reply_form) do update set body = excluded.body,
                  updated_by = excluded.updated_by, updated_at = excluded.updated_at""", me.agencyId(), kind,
                body.strip(), me.getUsername(), Timestamp.from(Instant.now(clock)));
        audit.record(AuditRecord.of(me.agencyId(), "LETTER_TEMPLATE_CHANGED", "LETTER_TEMPLATE", kind, null));
    }

    // ---- composing -------------------------------------------------------------------------------------------------

    /** The values every letter of the request may use: who, how addressed, which request, when received. */
    private Map<String, String> values(InfoRequest r) {
        Map<String, String> values = new HashMap<>();
        values.put("applicant", r.getName());
        values.put("you", you(r));
        values.put("receivedOn", date(r.getReceivedOn()));
        values.put("trackingNumber", r.getTrackingNumber());
        values.put("information", r.getInfoTitle() != null ? r.getInfoTitle() : r.getInfoDescription());
        return values;
    }

    /** 你 for a person, 你单位 for a legal person or other organisation. */
    private String you(InfoRequest r) {
        ApplicantKind kind = r.getApplicantKind() == null ? ApplicantKind.PERSON : r.getApplicantKind();
        return message("request.letter.you." + kind.name());
    }

    /** Templates written before the applicant's kind was known say 你（单位）; they now address the applicant rightly. */
    private static String addressed(String template, Map<String, String> values) {
        return template.replace("你（单位）", "${称谓}").replace("你(单位)", "${称谓}");
    }

    private static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split("\\n+")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** One pass over the placeholders, so that a value holding "${…}" is left as written. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = LetterPlaceholders.PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(LetterPlaceholders.code(m.group(1)));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String date(LocalDate date) {
        return date == null ? "" : Letter.writtenDate(date);
    }

    /** ISO dates the handler typed (2026-12-01) written as letters write them (2026年12月1日). */
    static String writtenDates(String text) {
        Matcher m = ISO_DATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            try {
                replacement = Letter.writtenDate(LocalDate.of(Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            } catch (DateTimeException e) {
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The reason as the sentence 因…, 不能… takes it: without its own 因 or 由于 and final full stop. */
    private static String reason(String reason) {
        String r = reason.strip().replaceAll("[。．.，,；;]+$", "");
        if (r.startsWith("因为")) {
            r = r.substring(2);
        } else if (r.startsWith("由于")) {
            r = r.substring(2);
        } else if (r.startsWith("因")) {
            r = r.substring(1);
        }
        return writtenDates(r);
    }

    private String agency(InfoRequest r) {
        return org.agency(r.getAgencyId()).map(a -> a.getName()).orElse("");
    }

    /** The renderer is made on first use, so that a machine without the letter font still starts. */
    private volatile LetterRenderer renderer;

    private LetterRenderer renderer() {
        if (renderer == null) {
            synchronized (this) {
                if (renderer == null) {
                    renderer = new LetterRenderer();
                }
            }
        }
        return renderer;
    }

    private static Letter letter(Composed c) {
        return new Letter(c.agencyName(), c.title(), null, c.recipient(), c.paragraphs(), c.date(), c.seal());
    }

    private String message(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    private String message(String key, Object arg) {
        return messages.getMessage(key, new Object[] {arg}, Locale.SIMPLIFIED_CHINESE);
    }
}
