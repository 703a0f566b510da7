package cn.gongkai.request;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneId;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Regulations Art. 33: while a consultation stops a request's clock, its due date moves on by one working day every
 * working day. Daily at 00:05 (and at start-up, so a restart after a crash catches up) the handler's work item is
 * moved to the request's due date of the day; at start-up, requests answered before the due date was frozen get it.
 */
@Configuration(proxyBeanMethods = false)
class RequestClockJobs {

    @Bean
    RecurringTask<Void> pausedRequestClocksTask(RequestDesk desk) {
        return Tasks.recurring("request-paused-clocks", Schedules.cron("0 5 0 * * *", ZoneId.of("Asia/Shanghai")))
                .execute((instance, context) -> desk.refreshPausedClocks());
    }

    @Bean
    @Order(45)
    ApplicationRunner pausedRequestClocksAtStart(RequestDesk desk) {
        return args -> {
            desk.freezeAnsweredClocks();
            desk.refreshPausedClocks();
        };
    }
}
