package cn.gongkai.readingroom;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records of the reading room and the counter, and their figures for the dashboard. */
@Service
@Transactional
public class ReadingRoom {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Visits visits;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    ReadingRoom(Visits visits, AuditTrail audit, Clock clock, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.visits = visits;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The office records a visit; 400 naming every wrong field ({@link InvalidVisit}). */
    Visit record(StaffPrincipal me, VisitForm form) {
        requireOffice(me);
        List<VisitForm.Problem> problems = form.problems(today());
        if (!problems.isEmpty()) {
            throw new InvalidVisit(problems);
        }
        Visit v = visits.save(new Visit(me.agencyId(), form, me.getUsername(), Instant.now(clock)));
        audit.record(AuditRecord.of(me.agencyId(), "READING_ROOM_VISIT", "READING_ROOM", v.getId(),
                messages.getMessage("readingRoom.audit", new Object[] {messages.getMessage("readingRoom.channel."
                        + form.channel().name(), null, java.util.Locale.SIMPLIFIED_CHINESE), form.visitedOn().toString(),
                        form.printedPages()}, java.util.Locale.SIMPLIFIED_CHINESE)));
        return v;
    }

    @Transactional(readOnly = true)
    List<Visit> latest(StaffPrincipal me, int count) {
        requireOffice(me);
        return visits.latest(me.agencyId(), PageRequest.of(0, count));
    }

    /** Visits and printed pages per channel between two days (inclusive), for the dashboard. */
    @Transactional(readOnly = true)
    public Figures figures(Long agencyId, LocalDate from, LocalDate to) {
        Map<VisitChannel, long[]> by = new EnumMap<>(VisitChannel.class);
        for (Object[] row : visits.byChannel(agencyId, from, to)) {
            by.put((VisitChannel) row[0], new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
        }
        long[] inPerson = by.getOrDefault(VisitChannel.IN_PERSON, new long[2]);
        long[] phone = by.getOrDefault(VisitChannel.TELEPHONE, new long[2]);
        return new Figures(inPerson[0], phone[0], inPerson[1] + phone[1]);
    }

    /** Visits in person, telephone enquiries, pages printed. */
    public record Figures(long visits, long calls, long printedPages) {
    }

    static void requireOffice(StaffPrincipal me) {
        if (!me.has(Role.OFFICE)) {
            throw new org.springframework.security.access.AccessDeniedException("reading room");
        }
    }

    static final class InvalidVisit extends RuntimeException {
        final List<VisitForm.Problem> problems;

        InvalidVisit(List<VisitForm.Problem> problems) {
            super("invalid visit");
            this.problems = problems;
        }
    }
}
