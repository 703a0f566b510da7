package cn.gongkai.opinion;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;
import java.time.Instant;

/** One clock-hour deadline of an event and when it was met (null while open). */
@Entity
@Table(name = "opinion_deadline")
public class OpinionDeadline {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long eventId;
    @Enumerated(EnumType.STRING)
    private OpinionClock.Kind kind;
    private Instant dueAt;
    private Instant doneAt;

    protected OpinionDeadline() {
    }

    OpinionDeadline(Long eventId, OpinionClock.Kind kind, Instant dueAt) {
        this.eventId = eventId;
        this.kind = kind;
        this.dueAt = dueAt;
    }

    /** Met now; true the first time. */
    boolean meet(Instant now) {
        if (doneAt != null) {
            return false;
        }
        doneAt = now;
        return true;
    }

    public boolean onTime() {
        return doneAt != null && !doneAt.isAfter(dueAt);
    }

    public boolean late(Instant now) {
        return doneAt == null ? !now.isBefore(dueAt) : doneAt.isAfter(dueAt);
    }

    public Long getEventId() {
        return eventId;
    }

    public String getKind() {
        return kind.name();
    }

    OpinionClock.Kind kind() {
        return kind;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getDoneAt() {
        return doneAt;
    }
}
