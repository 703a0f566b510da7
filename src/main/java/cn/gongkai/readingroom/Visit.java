package cn.gongkai.readingroom;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One visit to the reading room or one telephone enquiry at the counter. */
@Entity
@Table(name = "reading_room_visit")
class Visit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private LocalDate visitedOn;
    @Enumerated(EnumType.STRING)
    private VisitChannel channel;
    private String sought;
    private String given;
    private String indexNumbers;
    private int printedPages;
    private String recordedBy;
    private Instant recordedAt;

    protected Visit() {
    }

    Visit(Long agencyId, VisitForm f, String by, Instant now) {
        this.agencyId = agencyId;
        this.visitedOn = f.visitedOn();
        this.channel = f.channel();
        this.sought = f.sought();
        this.given = f.given();
        this.indexNumbers = f.indexNumbers().isEmpty() ? null : f.indexNumbers();
        this.printedPages = f.printedPages();
        this.recordedBy = by;
        this.recordedAt = now;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getVisitedOn() {
        return visitedOn;
    }

    public VisitChannel getChannel() {
        return channel;
    }

    public String getSought() {
        return sought;
    }

    public String getGiven() {
        return given;
    }

    public String getIndexNumbers() {
        return indexNumbers;
    }

    public int getPrintedPages() {
        return printedPages;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
