package cn.gongkai.catalog;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What a list of search hits shows of one public entry, read from the search index's stored fields (no database
 * round trip): the JSON API's item summary and a line of the portal's results. The sub-class's name is the
 * agency's current one ({@link Topics}), as the entry's page shows it.
 */
public final class CatalogListing {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final Long id;
    private final String indexNumber;
    private final String title;
    private final String summary;
    private final Instant publishedAt;
    private final String agencyName;
    private final String departmentName;
    private final String topic;
    private final String subtopicName;
    private final String genre;
    private final Validity validity;

    CatalogListing(Long id, String indexNumber, String title, String summary, Instant publishedAt, String agencyName,
            String departmentName, String topic, String subtopicName, String genre, Validity validity) {
        this.id = id;
        this.indexNumber = indexNumber;
        this.title = title;
        this.summary = summary == null ? "" : summary;
        this.publishedAt = publishedAt;
        this.agencyName = agencyName;
        this.departmentName = departmentName;
        this.topic = topic;
        this.subtopicName = subtopicName;
        this.genre = genre;
        this.validity = validity;
    }

    static CatalogListing of(CatalogEntry e) {
        return new CatalogListing(e.getId(), e.getIndexNumber(), e.getTitle(), e.getSummary(), e.getPublishedAt(),
                e.getAgencyName(), e.getDepartmentName(), e.getTopic(), e.getSubtopicName(), e.getGenre(),
                e.getValidity());
    }

    public Long getId() {
        return id;
    }

    public String getIndexNumber() {
        return indexNumber;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getAgencyName() {
        return agencyName;
    }

    public String getDepartmentName() {
        return departmentName;
    }

    public String getTopic() {
        return topic;
    }

    public String getSubtopicName() {
        return subtopicName;
    }

    public String getTopicLabel() {
        return TopicChoice.label(topic, subtopicName);
    }

    public String getGenre() {
        return genre;
    }

    public Validity getValidity() {
        return validity;
    }

    public String getPublishedLabel() {
        return DAY.format(publishedAt);
    }

    /** The entry's page on the portal: the index number as it is, any number of '/' included. */
    public String getPortalPath() {
        return "/portal/catalog/" + indexNumber;
    }
}
