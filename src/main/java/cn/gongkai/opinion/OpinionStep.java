package cn.gongkai.opinion;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of an event's timeline: what was done, by whom, when. */
@Entity
@Table(name = "opinion_step")
public class OpinionStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long eventId;
    private Instant at;
    private String actor;
    private String kind;
    private String text;

    protected OpinionStep() {
    }

    OpinionStep(Long eventId, Instant at, String actor, String kind, String text) {
        this.eventId = eventId;
        this.at = at;
        this.actor = actor;
        this.kind = kind;
        this.text = text;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }
}
