package cn.gongkai.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One catalog entry as it stood when the filing was made. Never updated. */
@Entity
@Table(name = "filing_row")
class FilingRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long filingId;
    private String indexNumber;
    private String title;
    private String summary;
    private LocalDate createdOn;
    private String documentNumber;
    private String departmentName;
    private String topic;
    private String genre;
    private String attribute;
    private String state;
    private String validity;
    private Instant publishedAt;

    protected FilingRow() {
    }

    FilingRow(Long filingId, CatalogEntry e) {
        this.filingId = filingId;
        this.indexNumber = e.getIndexNumber();
        this.title = e.getTitle();
        this.summary = e.getSummary();
        this.createdOn = e.getCreatedOn();
        this.documentNumber = e.getDocumentNumber();
        this.departmentName = e.getDepartmentName();
        this.topic = e.getTopicLabel();
        this.genre = e.getGenre();
        this.attribute = e.getAttribute().name();
        this.state = e.getState().name();
        this.validity = e.getValidity().name();
        this.publishedAt = e.getPublishedAt();
    }

    String[] cells() {
        return new String[] {indexNumber, title, summary, String.valueOf(createdOn),
                documentNumber == null ? "" : documentNumber, departmentName, topic, genre, attribute, state, validity,
                publishedAt.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString()};
    }
}
