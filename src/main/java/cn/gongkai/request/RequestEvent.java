package cn.gongkai.request;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step on a request's timeline; public steps are shown to the applicant when tracking. */
@Entity
@Table(name = "request_event")
class RequestEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long requestId;
    private Instant at;
    private String actor;
    private String kind;
    private boolean publicStep;
    private String text;
    /** What the applicant reads on the public timeline (dates in Chinese), when the step has more to say. */
    private String publicText;

    protected RequestEvent() {
    }

    RequestEvent(Long requestId, Instant at, String actor, String kind, boolean publicStep, String text,
            String publicText) {
        this(requestId, at, actor, kind, publicStep, text);
        this.publicText = publicText;
    }

    RequestEvent(Long requestId, Instant at, String actor, String kind, boolean publicStep, String text) {
        this.requestId = requestId;
        this.at = at;
        this.actor = actor;
        this.kind = kind;
        this.publicStep = publicStep;
        this.text = text;
    }

    public Instant getAt() { return at; }
    public String getActor() { return actor; }
    public String getKind() { return kind; }
    public boolean isPublicStep() { return publicStep; }
    public String getText() { return text; }
    public String getPublicText() { return publicText; }

    public String getAtLabel() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(at.atZone(java.time.ZoneId.of("Asia/Shanghai")));
    }
}
