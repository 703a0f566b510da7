package cn.gongkai.catalog;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.ZoneId;
import org.hibernate.search.mapper.orm.Search;
import jakarta.persistence.EntityManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the index is brought in step with the database: at start, before the web server takes requests (the queue
 * left by a crash is applied, then every entry is checked, or the whole index rebuilt when it is empty or
 * {@code gongkai.search.reindex=true}); the queue every minute (what an index failure left); the check every night.
 */
@Configuration(proxyBeanMethods = false)
class SearchIndexJobs {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexJobs.class);

    @Bean
    RecurringTask<Void> searchOutboxTask(SearchIndexSync sync,
            @Value("${gongkai.search.outbox-interval:1m}") Duration interval) {
        return Tasks.recurring("search-outbox", Schedules.fixedDelay(interval))
                .execute((instance, context) -> {
                    int applied = sync.drain();
                    if (applied > 0) {
                        log.warn("Search index: applied {} index changes that were still queued", applied);
                    }
                });
    }

    @Bean
    RecurringTask<Void> searchIndexCheckTask(SearchIndexSync sync,
            @Value("${gongkai.search.check-cron:0 30 3 * * *}") String cron) {
        return Tasks.recurring("search-index-check", Schedules.cron(cron, ZoneId.of("Asia/Shanghai")))
                .execute((instance, context) -> sync.check());
    }

    @Bean
    SmartLifecycle searchIndexAtStart(SearchIndexSync sync, EntityManagerFactory emf,
            @Value("${gongkai.search.reindex:false}") boolean reindex) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                int applied = sync.drain();
                if (applied > 0) {
                    log.warn("Search index: applied {} index changes left queued by the last run", applied);
                }
                try {
                    if (reindex) {
                        log.info("Search index: rebuilding, as gongkai.search.reindex=true asks");
                        sync.reindex();
                    } else if (empty(emf)) {
                        sync.reindex();
                    } else {
                        sync.check();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while rebuilding the search index", e);
                }
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            /** Before the web server (phase {@code DEFAULT_PHASE - 1024}) answers its first request. */
            @Override
            public int getPhase() {
                return 0;
            }
        };
    }

    /** An empty index beside a catalog with entries: a new machine or a deleted folder. */
    private static boolean empty(EntityManagerFactory emf) {
        try (var em = emf.createEntityManager()) {
            long entries = em.createQuery("select count(e) from CatalogEntry e", Long.class).getSingleResult();
            return entries > 0 && Search.session(em).search(CatalogEntry.class).where(f -> f.matchAll())
                    .fetchTotalHitCount() == 0;
        }
    }
}
