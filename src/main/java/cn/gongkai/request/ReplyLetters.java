package cn.gongkai.request;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 告知书: the reply letter for a replied request, composed from the office's template for its reply form (or the
 * default), with the opening and the applicant's rights to administrative review and lawsuit always included.
 */
@Service
class ReplyLetters {

    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final Clock clock;

    ReplyLetters(JdbcTemplate jdbc, MessageSource messages, OrgDirectory org, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
    }

    /** The letter's parts in order: title, recipient line, paragraphs; the agency and date close it. */
    record Composed(String agencyName, String title, String recipient, List<String> paragraphs, LocalDate date,
            String seal) {
    }

    @Transactional(readOnly = true)
    Composed compose(InfoRequest r) {
        if (r.getReplyForm() == null || r.getRepliedOn() == null) {
            throw new RequestRuleViolation("request.error.noLetterYet");
        }
        Map<String, String> values = Map.of("${applicant}", r.getName(), "${receivedOn}",
                r.getReceivedOn().toString(), "${trackingNumber}", r.getTrackingNumber(), "${information}",
                r.getInfoTitle() != null ? r.getInfoTitle() : r.getInfoDescription(), "${replyText}",
                r.getReplyText() == null ? "" : r.getReplyText(), "${links}",
                r.getLinkedIndexNumbers() == null ? "" : r.getLinkedIndexNumbers());
        String opening = fill(message("request.letter.opening"), values);
        String recipient = opening.substring(0, opening.indexOf('：') + 1);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(opening.substring(opening.indexOf('：') + 1).strip());
        for (String p : fill(template(r.getAgencyId(), r.getReplyForm()), values).split("\\n+")) {
            if (!p.isBlank()) {
                paragraphs.add(p.strip());
            }
        }
        paragraphs.add(message("request.letter.rights"));
        String agency = org.agency(r.getAgencyId()).map(a -> a.getName()).orElse("");
        return new Composed(agency, message("request.letter.title"), recipient, paragraphs, r.getRepliedOn(),
                message("request.letter.seal"));
    }

    /** The renderer is made on first use, so that a machine without the letter font still starts. */
    private volatile cn.gongkai.platform.LetterRenderer renderer;

    private cn.gongkai.platform.LetterRenderer renderer() {
        if (renderer == null) {
            synchronized (this) {
                if (renderer == null) {
                    renderer = new cn.gongkai.platform.LetterRenderer();
                }
            }
        }
        return renderer;
    }

    private cn.gongkai.platform.Letter letter(InfoRequest r) {
        Composed c = compose(r);
        return new cn.gongkai.platform.Letter(c.agencyName(), c.title(), null, c.recipient(), c.paragraphs(), c.date(),
                c.seal());
    }

    @Transactional(readOnly = true)
    byte[] docx(InfoRequest r) {
        return renderer().docx(letter(r));
    }

    @Transactional(readOnly = true)
    byte[] pdf(InfoRequest r) {
        return renderer().pdf(letter(r));
    }

    @Transactional(readOnly = true)
    String template(Long agencyId, ReplyForm form) {
        List<String> saved = jdbc.queryForList("select body from letter_template where agency_id = ? and reply_form = ?",
                String.class, agencyId, form.name());
        return saved.isEmpty() ? message("request.letter.form." + form.name()) : saved.getFirst();
    }

    @Transactional(readOnly = true)
    Map<ReplyForm, String> templates(Long agencyId) {
        Map<ReplyForm, String> all = new EnumMap<>(ReplyForm.class);
        for (ReplyForm f : ReplyForm.values()) {
            all.put(f, template(agencyId, f));
        }
        return all;
    }

    @Transactional
    void saveTemplate(StaffPrincipal me, ReplyForm form, String body) {
        if (!me.has(Role.OFFICE)) {
            throw new RequestRuleViolation("request.error.notAllowed");
        }
        if (body == null || body.isBlank()) {
            throw new RequestRuleViolation("request.error.textRequired", form.name());
        }
        jdbc.update("""
                insert into letter_template (agency_id, reply_form, body, updated_by, updated_at) values (?, ?, ?, ?, ?)
                on conflict (agency_id, reply_form) do update set body = excluded.body,
                  updated_by = excluded.updated_by, updated_at = excluded.updated_at""", me.agencyId(), form.name(),
                body.strip(), me.getUsername(), java.sql.Timestamp.from(Instant.now(clock)));
        audit.record(AuditRecord.of(me.agencyId(), "LETTER_TEMPLATE_CHANGED", "LETTER_TEMPLATE", form.name(), null));
    }

    private static String fill(String template, Map<String, String> values) {
        String result = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            result = result.replace(e.getKey(), e.getValue());
        }
        return result;
    }

    private String message(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
