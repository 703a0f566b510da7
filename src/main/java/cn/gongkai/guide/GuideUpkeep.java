package cn.gongkai.guide;

import cn.gongkai.org.Agency;
import cn.gongkai.org.AgencyChanged;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.worklist.Deadline;
import cn.gongkai.worklist.WorkItemDone;
import cn.gongkai.worklist.WorkItemRequested;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.annotation.Transactional;

/**
 * 工作职责 五.5: the office reviews the guide each January (a work item from 1 January, due 31 January, unless a version
 * was published this year already) and whenever the agency's contacts change (due 10 working days later). Publishing a
 * version closes both.
 */
@Configuration(proxyBeanMethods = false)
class GuideUpkeep {

    static final String YEARLY = "GUIDE_REVIEW";
    static final String CONTACTS = "GUIDE_CONTACTS";

    private final Guides guides;
    private final OrgDirectory org;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GuideUpkeep(Guides guides, OrgDirectory org, ApplicationEventPublisher events, Clock clock) {
        this.guides = guides;
        this.org = org;
        this.events = events;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> guideUpkeepTask() {
        return Tasks.recurring("guide-upkeep", FixedDelay.of(Duration.ofHours(6)))
                .execute((instance, context) -> check());
    }

    @Transactional
    void check() {
        LocalDate today = LocalDate.now(clock.withZone(Deadline.ZONE));
        if (today.getMonth() != Month.JANUARY) {
            return;
        }
        for (Agency agency : org.agencies()) {
            boolean reviewed = guides.current(agency.getId()).map(v -> v.getPublishedAt().atZone(Deadline.ZONE)
                    .getYear() == today.getYear()).orElse(false);
            if (!reviewed) {
                events.publishEvent(new WorkItemRequested(agency.getId(), Guides.SUBJECT, agency.getId() + ":"
                        + today.getYear(), YEARLY, "年度审查更新政府信息公开指南（" + today.getYear() + "年）",
                        "/workbench/guide", null, Role.OFFICE.name(), null,
                        Deadline.fixedDate(LocalDate.of(today.getYear(), 1, 31))));
            }
        }
    }

    @EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void onStart() {
        check();
    }

    /** The agency's contacts changed: the guide's 受理机构 must follow. */
    @EventListener
    void on(AgencyChanged changed) {
        if (contacts(changed.before()).equals(contacts(changed.after()))) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(Deadline.ZONE));
        events.publishEvent(new WorkItemRequested(changed.agencyId(), Guides.SUBJECT, changed.agencyId().toString(),
                CONTACTS, "更新政府信息公开指南：机关联系方式已变更", "/workbench/guide", null, Role.OFFICE.name(), null,
                Deadline.workingDays(today, 10)));
    }

    private static String contacts(String description) {
        int at = description == null ? -1 : description.indexOf("address=");
        return at < 0 ? "" : description.substring(at);
    }

    /** A version published today: this year's review and any contacts change are done. */
    static void reviewed(ApplicationEventPublisher events, Long agencyId, LocalDate today) {
        events.publishEvent(new WorkItemDone(Guides.SUBJECT, agencyId + ":" + today.getYear(), YEARLY));
        events.publishEvent(new WorkItemDone(Guides.SUBJECT, agencyId.toString(), CONTACTS));
    }
}
