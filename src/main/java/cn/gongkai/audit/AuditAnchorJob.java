package cn.gongkai.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.Order;

/** Anchors the audit chain's head every 10 minutes, at start-up and at shutdown (while the database is still open). */
@Configuration(proxyBeanMethods = false)
class AuditAnchorJob {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchorJob.class);

    @Bean
    RecurringTask<Void> auditAnchorTask(AuditAnchors anchors) {
        return Tasks.recurring("audit-anchor", Schedules.fixedDelay(Duration.ofMinutes(10)))
                .execute((instance, context) -> anchors.anchor());
    }

    @Bean
    @Order(90)
    ApplicationRunner auditAnchorAtStart(AuditAnchors anchors) {
        return args -> anchors.anchor();
    }

    @Bean
    ApplicationListener<ContextClosedEvent> auditAnchorAtShutdown(AuditAnchors anchors) {
        return event -> {
            try {
                anchors.anchor();
            } catch (RuntimeException e) {
                log.warn("Could not anchor the audit chain at shutdown", e);
            }
        };
    }
}
