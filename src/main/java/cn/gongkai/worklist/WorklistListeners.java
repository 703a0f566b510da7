package cn.gongkai.worklist;

import cn.gongkai.calendar.WorkCalendarChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The only writers of work items: other modules' events. Opening and closing are handled synchronously, in the
 * publisher's transaction, so that a work item always follows its subject's state in order (an item submitted and
 * approved a moment later must end up with the second owner, never the first). Calendar changes are handled
 * asynchronously and persisted by the event publication registry.
 */
@Component
class WorklistListeners {

    private static final Logger log = LoggerFactory.getLogger(WorklistListeners.class);

    private final Worklist worklist;

    WorklistListeners(Worklist worklist) {
        this.worklist = worklist;
    }

    @EventListener
    void on(WorkItemRequested request) {
        worklist.open(request);
    }

    @EventListener
    void on(WorkItemDone done) {
        worklist.close(done);
    }

    @ApplicationModuleListener
    void on(WorkCalendarChanged changed) {
        int moved = worklist.recomputeAll();
        log.info("Calendar changed ({} {}): {} open deadlines moved", changed.change(), changed.years(), moved);
    }
}
