package cn.gongkai.document;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Text the reviewer removes wherever it appears in the public version (区分处理). */
@Entity
@Table(name = "redaction_phrase")
class RedactionPhrase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long itemId;
    private int version;
    private String phrase;
    private String addedBy;
    private Instant addedAt;

    protected RedactionPhrase() {
    }

    RedactionPhrase(Long itemId, int version, String phrase, String addedBy, Instant addedAt) {
        this.itemId = itemId;
        this.version = version;
        this.phrase = phrase;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    public Long getId() {
        return id;
    }

    public String getPhrase() {
        return phrase;
    }

    public String getAddedBy() {
        return addedBy;
    }
}
