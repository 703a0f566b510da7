package cn.gongkai.catalog;

import cn.gongkai.org.OrgDirectory;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 目录 五: the office files the catalog periodically; by default a filing is made on the 1st of every month. */
@Configuration(proxyBeanMethods = false)
class FilingJob {

    @Bean
    RecurringTask<Void> monthlyFilingTask(Records records, OrgDirectory org,
            @Value("${gongkai.catalog.filing-cron:0 0 1 1 * *}") String cron) {
        return Tasks.recurring("catalog-monthly-filing", Schedules.cron(cron, java.time.ZoneId.of("Asia/Shanghai")))
                .execute((instance, context) -> org.agencies().forEach(a -> records.file(a.getId(), "system")));
    }
}
