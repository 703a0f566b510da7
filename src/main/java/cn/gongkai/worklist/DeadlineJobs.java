package cn.gongkai.worklist;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Cluster-safe jobs (db-scheduler, state in PostgreSQL): deadline lights and the calendar's next year. */
@Configuration(proxyBeanMethods = false)
class DeadlineJobs {

    @Bean
    RecurringTask<Void> deadlineCheckTask(Worklist worklist,
            @Value("${gongkai.worklist.check-interval:5m}") Duration interval) {
        return Tasks.recurring("worklist-deadline-check", FixedDelay.of(interval))
                .execute((instance, context) -> worklist.checkDeadlines());
    }

    @Bean
    RecurringTask<Void> calendarUpkeepTask(CalendarUpkeep upkeep) {
        return Tasks.recurring("worklist-calendar-upkeep", FixedDelay.of(Duration.ofHours(6)))
                .execute((instance, context) -> upkeep.check());
    }
}
