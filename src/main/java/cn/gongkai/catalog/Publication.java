package cn.gongkai.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * What the document module hands to the catalog when an item has passed every gate. {@code reviewers} is the
 * ledger's line of who reviewed when ("科室负责人 孙科长 2026-11-20 同意; …"). {@code subtopicId} is the agency's
 * sub-class of {@code topic} ({@link Topics}), or null.
 */
public record Publication(Long agencyId, String agencyName, String organisationCode, Long itemId, int version,
        String title, String documentNumber, String summary, String body, LocalDate createdOn, String topic,
        Long subtopicId, String genre, String keywords, Long departmentId, String departmentName,
        DisclosureAttribute attribute, String channels, String drafterName, String reviewers,
        List<PublishedFile> files) {

    /** An item filed under a class without a sub-class. */
    public Publication(Long agencyId, String agencyName, String organisationCode, Long itemId, int version,
            String title, String documentNumber, String summary, String body, LocalDate createdOn, String topic,
            String genre, String keywords, Long departmentId, String departmentName, DisclosureAttribute attribute,
            String channels, String drafterName, String reviewers, List<PublishedFile> files) {
        this(agencyId, agencyName, organisationCode, itemId, version, title, documentNumber, summary, body, createdOn,
                topic, null, genre, keywords, departmentId, departmentName, attribute, channels, drafterName,
                reviewers, files);
    }

    /** An attachment as published: for a redacted item, the redacted copy. */
    public record PublishedFile(Long attachmentId, String filename, String contentType, byte[] data, String text) {
    }
}
