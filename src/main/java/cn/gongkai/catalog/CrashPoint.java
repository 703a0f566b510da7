package cn.gongkai.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * FOR CRASH TESTS ONLY: {@code gongkai.test.halt-at} names a moment of an index change at which the JVM stops dead
 * ({@link Runtime#halt}, as kill -9 or a power cut would: no shutdown hook, no rollback, no close). Unset (the default)
 * it does nothing. The moments: {@code before-commit} (the change is made but its transaction not committed),
 * {@code after-commit} (committed in PostgreSQL, not yet in the index) and {@code after-index} (written to the index,
 * its outbox row not yet deleted). Armed once the application is ready, so that what the start itself applies (the
 * queue a crash left) does not halt it again.
 */
@Component
class CrashPoint {

    static final String BEFORE_COMMIT = "before-commit";
    static final String AFTER_COMMIT = "after-commit";
    static final String AFTER_INDEX = "after-index";

    private static final Logger log = LoggerFactory.getLogger(CrashPoint.class);

    private final String haltAt;
    private volatile boolean armed;

    CrashPoint(@Value("${gongkai.test.halt-at:}") String haltAt) {
        this.haltAt = haltAt == null ? "" : haltAt.trim();
        if (!this.haltAt.isEmpty()) {
            log.warn("gongkai.test.halt-at={}: the JVM halts at that moment of the next index change (crash tests only)",
                    this.haltAt);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void arm() {
        armed = !haltAt.isEmpty();
    }

    void reached(String moment) {
        if (armed && haltAt.equals(moment)) {
            System.out.println("HALT " + moment);
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
