package cn.gongkai.coordination;

import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the coordinations of an item mean for its publication (协调 一、二): the document module asks before the last
 * review step approves and before the office publishes; the server refuses whatever the page shows.
 */
@Service
@Transactional(readOnly = true)
public class CoordinationGate {

    private final Coordinations coordinations;
    private final OrgDirectory org;
    private final WorkCalendarStore calendar;

    CoordinationGate(Coordinations coordinations, OrgDirectory org, WorkCalendarStore calendar) {
        this.coordinations = coordinations;
        this.org = org;
        this.calendar = calendar;
    }

    /**
     * How an item's coordinations stand: {@code pending} open or disputed ones (nothing is published while any is),
     * {@code withheld} ones the authority decided against publishing, {@code settled} ones that confirm it.
     */
    public record Standing(int pending, int withheld, int settled) {

        public static final Standing NONE = new Standing(0, 0, 0);
    }

    public Standing standing(Long agencyId, Long itemId) {
        List<Coordination> all = coordinations.findByAgencyIdAndItemIdOrderById(agencyId, itemId);
        int pending = (int) all.stream().filter(c -> c.getStatus().pending()).count();
        int withheld = (int) all.stream().filter(Coordination::withholds).count();
        int settled = (int) all.stream().filter(c -> !c.getStatus().pending() && !c.withholds()).count();
        return new Standing(pending, withheld, settled);
    }

    /** One coordination as the item's page shows it to the drafter and the reviewers. */
    public record Summary(Long id, String counterpart, boolean outside, boolean urgent, LocalDate sentOn,
            LocalDate dueOn, CoordinationStatus status, CoordinationAnswer answer, String wording, String reasons,
            AuthorityDecision decision, String decisionReasons, String bindingWording) {
    }

    public List<Summary> forItem(Long agencyId, Long itemId) {
        return coordinations.findByAgencyIdAndItemIdOrderById(agencyId, itemId).stream()
                .map(c -> new Summary(c.getId(), c.isOutside() ? c.getOutsideAgency()
                        : org.agency(c.getToAgencyId()).map(Agency::getName).orElse(""), c.isOutside(), c.isUrgent(),
                        c.getSentOn(), c.deadline().dueOn(calendar.current()), c.getStatus(), c.getAnswer(), c.getWording(), c.getReasons(), c.getDecision(),
                        c.getDecisionReasons(), c.bindingWording()))
                .toList();
    }
}
