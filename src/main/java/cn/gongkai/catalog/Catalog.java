package cn.gongkai.catalog;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.org.Agency;
import cn.gongkai.org.IndexNumberPattern;
import cn.gongkai.org.OrgDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog's transitions: publish (or file), a new version, withdraw, repeal. */
@Service
public class Catalog {

    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private final CatalogEntries entries;
    private final CatalogVersions versions;
    private final CatalogAttachments attachments;
    private final IndexNumbers indexNumbers;
    private final Topics topics;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final WorkCalendarStore calendars;
    private final Clock clock;
    private final SearchOutbox searchOutbox;
    private final CatalogChanges changes;

    Catalog(CatalogEntries entries, CatalogVersions versions, CatalogAttachments attachments, IndexNumbers indexNumbers,
            Topics topics, OrgDirectory org, AuditTrail audit, WorkCalendarStore calendars, Clock clock,
            SearchOutbox searchOutbox, CatalogChanges changes) {
        this.searchOutbox = searchOutbox;
        this.changes = changes;
        this.entries = entries;
        this.versions = versions;
        this.attachments = attachments;
        this.indexNumbers = indexNumbers;
        this.topics = topics;
        this.org = org;
        this.audit = audit;
        this.calendars = calendars;
        this.clock = clock;
    }

    /**
     * Catalogues an item that passed every gate: a new entry with the next index number in the agency's pattern, or a
     * new version of the item's entry (which keeps its number). Proactive items become public; on-request and exempt
     * items are filed internally. At the first publication the 20-working-day result is worked out on today's calendar
     * and kept with the entry; later calendar changes do not touch it.
     */
    @Transactional
    public PublishedEntry publish(Publication p) {
        Instant now = Instant.now(clock);
        TopicChoice topic = topics.choice(p.agencyId(), p.topic(), p.subtopicId());
        Optional<CatalogEntry> existing = entries.findByItemId(p.itemId());
        boolean wasPublic = existing.map(CatalogEntry::isPublic).orElse(false);
        CatalogEntry entry = existing.map(e -> {
            e.apply(p, topic, now);
            return e;
        }).orElseGet(() -> entries.save(new CatalogEntry(p, topic, indexNumbers.next(p.agencyId(),
                indexPattern(p.agencyId()), p.organisationCode(), p.createdOn().getYear()), now,
                PublicationTimeliness.of(calendars.current(), p.createdOn(), now.atZone(ZONE).toLocalDate()))));
        versions.save(new CatalogVersion(entry.getId(), p.version(), p.title(), p.summary(), now));
        attachments.deleteByEntryId(entry.getId());
        p.files().forEach(f -> attachments.save(new CatalogAttachment(entry.getId(), f)));
        searchOutbox.enqueue(entry.getId());
        if (wasPublic || entry.isPublic()) {
            changes.changedAfterCommit(p.agencyId(), now);
        }
        audit.record(AuditRecord.of(p.agencyId(), entry.getState() == EntryState.PUBLISHED ? "CATALOG_PUBLISHED"
                : "CATALOG_FILED", "CATALOG_ENTRY", entry.getIndexNumber(), "version " + p.version()));
        return new PublishedEntry(entry.getId(), entry.getIndexNumber(), p.version(), entry.getState(), now);
    }

    private IndexNumberPattern indexPattern(Long agencyId) {
        return org.agency(agencyId).map(Agency::getIndexPattern).orElse(IndexNumberPattern.DEFAULT);
    }

    /**
     * Links an interpretation's entry to the entry of the policy item it explains (三同步), in the same transaction as
     * its publication; the portal and the API show the link both ways.
     */
    @Transactional
    public void linkInterpretation(Long entryId, Long policyItemId, String form, String mediaUrl) {
        CatalogEntry entry = entries.findById(entryId).orElseThrow();
        CatalogEntry policy = entries.findByItemId(policyItemId)
                .filter(p -> p.getAgencyId().equals(entry.getAgencyId()))
                .orElseThrow(() -> new CatalogRuleViolation("catalog.error.notFound"));
        entry.interprets(policy.getId(), form, mediaUrl);
    }

    @Transactional
    public CatalogEntry withdraw(Long agencyId, Long entryId, String reason) {
        CatalogEntry entry = entries.findByIdAndAgencyId(entryId, agencyId)
                .orElseThrow(() -> new CatalogRuleViolation("catalog.error.notFound"));
        requireReason(reason);
        String before = entry.getState().name();
        Instant now = Instant.now(clock);
        entry.withdraw(reason.trim(), now);
        searchOutbox.enqueue(entry.getId());
        changes.changedAfterCommit(agencyId, now);
        audit.record(AuditRecord.of(agencyId, "CATALOG_WITHDRAWN", "CATALOG_ENTRY", entry.getIndexNumber(), reason)
                .withChange(before, entry.getState().name()));
        return entry;
    }

    @Transactional
    public CatalogEntry repeal(Long agencyId, Long entryId, String reason) {
        CatalogEntry entry = entries.findByIdAndAgencyId(entryId, agencyId)
                .orElseThrow(() -> new CatalogRuleViolation("catalog.error.notFound"));
        requireReason(reason);
        String before = entry.getState().name();
        Instant now = Instant.now(clock);
        entry.repeal(reason.trim(), now);
        searchOutbox.enqueue(entry.getId());
        changes.changedAfterCommit(agencyId, now);
        audit.record(AuditRecord.of(agencyId, "CATALOG_REPEALED", "CATALOG_ENTRY", entry.getIndexNumber(), reason)
                .withChange(before, entry.getState().name()));
        return entry;
    }

    @Transactional(readOnly = true)
    public Optional<CatalogEntry> entryOfItem(Long itemId) {
        return entries.findByItemId(itemId);
    }

    @Transactional(readOnly = true)
    public List<CatalogVersion> history(Long entryId) {
        return versions.findByEntryIdOrderByVersionDesc(entryId);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new CatalogRuleViolation("catalog.error.reasonRequired");
        }
    }
}
