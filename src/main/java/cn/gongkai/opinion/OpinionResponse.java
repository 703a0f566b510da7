package cn.gongkai.opinion;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A response to an event (舆情 三.五): a statement published on the portal (always an item that went through the
 * review chain and is published), a press conference, or a follow-up release (持续发布).
 */
@Entity
@Table(name = "opinion_response")
public class OpinionResponse {

    public enum Kind {
        STATEMENT, PRESS_CONFERENCE, FOLLOW_UP
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long eventId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String text;
    private Long itemId;
    private String itemTitle;
    private Instant respondedAt;
    private String respondedBy;

    protected OpinionResponse() {
    }

    OpinionResponse(Long eventId, Kind kind, String text, Long itemId, String itemTitle, String by, Instant now) {
        this.eventId = eventId;
        this.kind = kind;
        this.text = text;
        this.itemId = itemId;
        this.itemTitle = itemTitle;
        this.respondedBy = by;
        this.respondedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getEventId() {
        return eventId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public Long getItemId() {
        return itemId;
    }

    public String getItemTitle() {
        return itemTitle;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }

    public String getRespondedBy() {
        return respondedBy;
    }
}
