package cn.gongkai.report;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Regulations Art. 49: the office's work item for last year's report opens on 1 January (checked daily at 00:30 and
 * at start-up) and stays open, turning red after the deadline, until the report is published.
 */
@Configuration(proxyBeanMethods = false)
class ReportDeadlineJob {

    @Bean
    RecurringTask<Void> annualReportDeadlineTask(AnnualReportDesk desk) {
        return Tasks.recurring("annual-report-deadline", Schedules.cron("0 30 0 * * *", ZoneId.of("Asia/Shanghai")))
                .execute((instance, context) -> desk.openDeadlines());
    }

    @Bean
    @Order(40)
    ApplicationRunner annualReportDeadlineAtStart(AnnualReportDesk desk) {
        return args -> desk.openDeadlines();
    }
}
