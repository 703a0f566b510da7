package cn.gongkai.worklist;

import cn.gongkai.calendar.WorkCalendarChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The only writers of work items: other modules' events (persisted by the event publication registry). */
@Component
class WorklistListeners {

    private static final Logger log = LoggerFactory.getLogger(WorklistListeners.class);

    private final Worklist worklist;

    WorklistListeners(Worklist worklist) {
        this.worklist = worklist;
    }

    @ApplicationModuleListener
    void on(WorkItemRequested request) {
        worklist.open(request);
    }

    @ApplicationModuleListener
    void on(WorkItemDone done) {
        worklist.close(done);
    }

    @ApplicationModuleListener
    void on(WorkCalendarChanged changed) {
        int moved = worklist.recomputeAll();
        log.info("Calendar changed ({} {}): {} open deadlines moved", changed.change(), changed.years(), moved);
    }
}
