package cn.gongkai.interpretation;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.worklist.Deadline;
import cn.gongkai.worklist.WorkItemDone;
import cn.gongkai.worklist.WorkItemRequested;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of 政策解读"三同步" as the document module asks them: does this item need a plan, may it be submitted, and
 * what happens when a policy or its interpretation is published. Called inside the caller's transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Interpretations {

    /** 三同步 五: interpretation materials within 10 working days of the policy's issue. */
    public static final int DAYS = 10;
    /** The genres that need a plan when an agency has set none. */
    public static final List<String> DEFAULT_GENRES = List.of("规章", "行政规范性文件", "规划");
    /** The genre of an interpretation material in the catalog. */
    public static final String GENRE = "政策解读";
    /** The rule a submission without a plan breaks (三同步 三), as a message key. */
    public static final String PLAN_REQUIRED = "interpretation.rule.planRequired";
    static final String SUBJECT = "POLICY";
    static final String KIND = "INTERPRET";
    static final int MAX_GENRES = 30;

    private final InterpretationPlans plans;
    private final InterpretationGenres genres;
    private final PolicyInterpretations policies;
    private final WorkCalendarStore calendar;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    Interpretations(InterpretationPlans plans, InterpretationGenres genres, PolicyInterpretations policies,
            WorkCalendarStore calendar, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.plans = plans;
        this.genres = genres;
        this.policies = policies;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The agency's genres that need an interpretation plan (规章, 行政规范性文件, 规划 unless it set others). */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<String> genres(Long agencyId) {
        List<String> set = genres.findByAgencyIdOrderByGenre(agencyId).stream().map(InterpretationGenre::getGenre)
                .toList();
        return set.isEmpty() ? DEFAULT_GENRES : set;
    }

    /** Replaces the agency's list (an empty list brings back the defaults). Audited. */
    @Transactional
    public List<String> setGenres(Long agencyId, Collection<String> list) {
        Set<String> clean = new LinkedHashSet<>();
        for (String g : list) {
            if (g != null && !g.isBlank()) {
                clean.add(g.strip());
            }
        }
        if (clean.size() > MAX_GENRES || clean.stream().anyMatch(g -> g.length() > 50)) {
            throw new IllegalArgumentException("interpretation.genres.tooMany");
        }
        String before = String.join(",", genres(agencyId));
        genres.deleteByAgencyId(agencyId);
        genres.flush();
        clean.forEach(g -> genres.save(new InterpretationGenre(agencyId, g)));
        List<String> after = genres(agencyId);
        audit.record(AuditRecord.of(agencyId, "INTERPRETATION_GENRES_SET", "AGENCY", agencyId, null)
                .withChange(before, String.join(",", after)));
        return after;
    }

    /** Whether an item of this genre (or marked 重要政策) needs a plan before it may be submitted (三同步 三). */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean needsPlan(Long agencyId, String genre, boolean importantPolicy) {
        return importantPolicy || (genre != null && genres(agencyId).contains(genre));
    }

    /** The rule that stops the submission, when the item needs a plan and has none. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<String> submissionRefusal(Long agencyId, Long itemId, String genre, boolean importantPolicy) {
        if (!needsPlan(agencyId, genre, importantPolicy)) {
            return Optional.empty();
        }
        return plans.findByItemId(itemId).isPresent() ? Optional.empty() : Optional.of(PLAN_REQUIRED);
    }

    /** The item's plan, if it has one. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<PlanForm> plan(Long itemId) {
        return plans.findByItemId(itemId).map(InterpretationPlan::toForm);
    }

    /** Writes the plan of an item (the caller has checked that the item is with its drafter). Audited. */
    public PlanForm savePlan(Long agencyId, Long itemId, PlanForm form, String by) {
        if (!form.problems().isEmpty()) {
            throw new IllegalArgumentException(form.problems().getFirst().key());
        }
        Optional<InterpretationPlan> existing = plans.findByItemId(itemId);
        boolean created = existing.isEmpty();
        InterpretationPlan plan = existing.orElseGet(() -> new InterpretationPlan(agencyId, itemId));
        plan.apply(form, by, Instant.now(clock));
        plans.save(plan);
        audit.record(AuditRecord.of(agencyId, created ? "INTERPRETATION_PLAN_WRITTEN" : "INTERPRETATION_PLAN_EDITED",
                "INFO_ITEM", itemId, text("interpretation.audit.plan", labels("interpretation.form.", form.forms()),
                        labels("interpretation.channel.", form.channels()))));
        return plan.toForm();
    }

    /**
     * A policy that needs interpretation was published for the first time: its drafting department has 10 working
     * days (三同步 五) to publish the interpretation; a work item 发布政策解读 says so, with the usual reminders.
     */
    public void policyPublished(Long agencyId, Long itemId, Long departmentId, String title, LocalDate publishedOn) {
        if (policies.existsById(itemId)) {
            return;
        }
        LocalDate due = calendar.current().plusWorkingDays(publishedOn, DAYS);
        policies.save(new PolicyInterpretation(itemId, agencyId, departmentId, title, publishedOn, due));
        events.publishEvent(new WorkItemRequested(agencyId, SUBJECT, itemId.toString(), KIND, "发布政策解读：" + title,
                "/workbench/items/" + itemId, departmentId, "STAFF", null, Deadline.workingDays(publishedOn, DAYS),
                List.of(3, 1)));
        audit.record(AuditRecord.of(agencyId, "INTERPRETATION_DUE", "INFO_ITEM", itemId,
                text("interpretation.audit.due", due)));
    }

    /** An interpretation of the policy was published: the first one stops the policy's clock and closes its work. */
    public void interpretationPublished(Long agencyId, Long policyItemId, LocalDate publishedOn) {
        policies.findById(policyItemId).filter(p -> p.getAgencyId().equals(agencyId)).ifPresent(p -> {
            if (p.interpreted(publishedOn)) {
                events.publishEvent(new WorkItemDone(SUBJECT, policyItemId.toString(), KIND));
                audit.record(AuditRecord.of(agencyId, "INTERPRETATION_RELEASED", "INFO_ITEM", policyItemId,
                        text(Boolean.TRUE.equals(p.getInterpretedOnTime()) ? "interpretation.audit.onTime"
                                : "interpretation.audit.late", publishedOn)));
            }
        });
    }

    /** The policy's interpretation clock, for its page: due day, and when (and whether in time) it was interpreted. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<PolicyClock> clock(Long policyItemId) {
        return policies.findById(policyItemId).map(p -> new PolicyClock(p.getPublishedOn(), p.getDueOn(),
                p.getInterpretedOn(), p.getInterpretedOnTime()));
    }

    /** The year's figures: policies published that needed interpretation, and how many were interpreted in time. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public YearFigures yearFigures(Long agencyId, int year) {
        return figures(agencyId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The same figures for the policies published between two days (inclusive): the dashboard's period. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public YearFigures figures(Long agencyId, LocalDate from, LocalDate to) {
        List<PolicyInterpretation> all = policies.findByAgencyIdAndPublishedOnBetween(agencyId, from, to);
        LocalDate today = calendar.today();
        long onTime = all.stream().filter(p -> Boolean.TRUE.equals(p.getInterpretedOnTime())).count();
        long late = all.stream().filter(p -> Boolean.FALSE.equals(p.getInterpretedOnTime())).count();
        long overdue = all.stream().filter(p -> p.getInterpretedOn() == null && today.isAfter(p.getDueOn())).count();
        return new YearFigures(all.size(), onTime, late, overdue);
    }

    /** Audit details in Chinese: the log shows them as stored. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    private String labels(String prefix, Set<? extends Enum<?>> values) {
        return String.join("、", values.stream().map(v -> text(prefix + v.name())).toList());
    }

    public record PolicyClock(LocalDate publishedOn, LocalDate dueOn, LocalDate interpretedOn, Boolean onTime) {
    }

    /** {@code policies} published in the year that needed interpretation; of them interpreted in time, late, overdue. */
    public record YearFigures(long policies, long onTime, long late, long overdue) {
    }
}
