package cn.gongkai.catalog;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public catalog's full-text search (Hibernate Search, Lucene with SmartChineseAnalyzer). Whatever the query, it
 * only ever returns the agency's public entries: proactive, published or repealed; never filed, withdrawn or draft.
 */
@Service
public class CatalogSearch {

    /**
     * Hits are counted exactly up to this many. Beyond it the total is a lower bound (the portal shows 约 N 条以上)
     * and Lucene no longer visits every match: once the page is full it skips the entries whose score cannot reach
     * it (block-max WAND), which is what keeps broad words fast in a large catalog (docs/benchmarks.md, "Catalog
     * search").
     */
    public static final int DEFAULT_EXACT_COUNT_LIMIT = 1_000;

    /**
     * The query string's operators a visitor may use: 与/或/非, phrases and parentheses. Fuzzy ({@code ~}), prefix
     * ({@code *}) and proximity operators are off: each expands to every term of the index within reach, and 300 of
     * them took 18 to 50 seconds (issue 10, "Search").
     */
    static final Set<SimpleQueryFlag> OPERATORS = EnumSet.of(SimpleQueryFlag.AND, SimpleQueryFlag.OR,
            SimpleQueryFlag.NOT, SimpleQueryFlag.PHRASE, SimpleQueryFlag.PRECEDENCE, SimpleQueryFlag.WHITESPACE);

    /** The marks of the operators that are off, with a fuzzy or proximity operator's distance: read as a space. */
    private static final Pattern OFF_OPERATORS = Pattern.compile("[~*]\\d*");

    private final EntityManagerFactory emf;
    private final CatalogEntries entries;
    private final CatalogAttachments attachments;
    private final CatalogVersions versions;
    private final Topics topics;
    private final int exactCountLimit;
    private final Duration timeLimit;

    CatalogSearch(EntityManagerFactory emf, CatalogEntries entries, CatalogAttachments attachments,
            CatalogVersions versions, Topics topics,
            @Value("${gongkai.search.exact-count-limit:" + DEFAULT_EXACT_COUNT_LIMIT + "}") int exactCountLimit,
            @Value("${gongkai.search.time-limit:2s}") Duration timeLimit) {
        if (timeLimit.isNegative()) {
            throw new IllegalArgumentException("gongkai.search.time-limit must not be negative: " + timeLimit);
        }
        this.emf = emf;
        this.entries = entries;
        this.attachments = attachments;
        this.versions = versions;
        this.topics = topics;
        this.exactCountLimit = exactCountLimit;
        this.timeLimit = timeLimit;
    }

    /** The configured limit of exact counting ({@code gongkai.search.exact-count-limit}). */
    public int exactCountLimit() {
        return exactCountLimit;
    }

    /**
     * The portal's search: each hit with its title and a snippet, the visitor's words marked. The hits are read from
     * the index's stored fields, no entity is loaded; only the page's hits are highlighted, from their stored text
     * ({@link Highlighter}).
     */
    public CatalogPage search(CatalogQuery q) {
        Highlighter highlighter = Highlighter.of(q.hasText() ? q.text() : null);
        Map<Long, String> subclasses = q.agencyId() == null ? Map.of() : topics.subclassNames(q.agencyId());
        SearchResult<List<?>> result = fetch(q, true);
        return page(result, q, result.hits().stream().map(p -> {
            CatalogListing listing = listing(p, subclasses);
            return new CatalogHit(listing, highlighter.title(listing.getTitle()),
                    highlighter.snippet(listing.getSummary(), (String) p.get(LISTING_FIELDS.size() + 1),
                            (String) p.get(LISTING_FIELDS.size() + 2)));
        }).toList());
    }

    /**
     * The same search, the same hits in the same order, without highlighting: for callers that show no snippet (the
     * open-data API, the home page's latest entries). Each hit's title and snippet are the plain escaped text.
     */
    public CatalogPage searchWithoutHighlights(CatalogQuery q) {
        Map<Long, String> subclasses = q.agencyId() == null ? Map.of() : topics.subclassNames(q.agencyId());
        SearchResult<List<?>> result = fetch(q, false);
        Highlighter none = Highlighter.of(null);
        return page(result, q, result.hits().stream().map(p -> listing(p, subclasses))
                .map(l -> new CatalogHit(l, none.title(l.getTitle()), none.snippet(l.getSummary(), null, null)))
                .toList());
    }

    /** The stored fields a listing is made of, in the order of {@link #listing}. */
    private static final List<String> LISTING_FIELDS = List.of("indexNumber", "title", "summary", "publishedAt",
            "agencyName", "departmentName", "topic", "subtopicId", "genre", "validity");

    /**
     * The search runs in a session of its own, opened and closed here rather than by a transaction interceptor: it
     * reads the index only (projections, no entity is loaded, no connection is taken), and the interceptor's work on
     * every search was about 1 % of an open-data request's CPU (docs/benchmarks.md, "Catalog search").
     */
    private SearchResult<List<?>> fetch(CatalogQuery q, boolean withText) {
        TopicChoice topic = topicFilter(q);
        try (EntityManager session = emf.createEntityManager()) {
            return query(session, q, topic, withText);
        }
    }

    private SearchResult<List<?>> query(EntityManager session, CatalogQuery q, TopicChoice topic, boolean withText) {
        return Search.session(session).search(CatalogEntry.class)
                .select(f -> {
                    List<SearchProjection<?>> fields = new ArrayList<>();
                    fields.add(f.id(Long.class).toProjection());
                    LISTING_FIELDS.forEach(name -> fields.add(f.field(name).toProjection()));
                    if (withText) {
                        fields.add(f.field("body").toProjection());
                        fields.add(f.field("attachmentText").toProjection());
                    }
                    return f.composite().from(fields.toArray(SearchProjection<?>[]::new)).asList();
                })
                .where(f -> where(f, q, topic))
                .sort(f -> sort(f, q))
                .totalHitCountThreshold(exactCountLimit)
                .truncateAfter(timeLimit.toNanos(), TimeUnit.NANOSECONDS)
                .fetch(q.page() * q.size(), q.size());
    }

    /** A listing from the projected id and {@link #LISTING_FIELDS}, the sub-class named as the agency names it now. */
    private static CatalogListing listing(List<?> p, Map<Long, String> subclasses) {
        Long subtopicId = (Long) p.get(8);
        return new CatalogListing((Long) p.get(0), (String) p.get(1), (String) p.get(2), (String) p.get(3),
                (Instant) p.get(4), (String) p.get(5), (String) p.get(6), (String) p.get(7),
                subtopicId == null ? null : subclasses.get(subtopicId), (String) p.get(9), (Validity) p.get(10));
    }

    /**
     * A search that ran out of time ({@code gongkai.search.time-limit}) is flagged, its total (what was counted by then)
     * a lower bound. Hibernate Search lists no hit of it: past the deadline it drops what it collected, also when the
     * deadline came while it read the ranked hits' fields (1,000,000 entries under load, docs/benchmarks.md).
     */
    private static CatalogPage page(SearchResult<?> result, CatalogQuery q, List<CatalogHit> hits) {
        return new CatalogPage(result.total().hitCountLowerBound(),
                result.total().isHitCountExact() && !result.timedOut(), q.page(), q.size(), hits,
                result.timedOut());
    }

    /**
     * The topic asked for: a class (which finds the entries filed under its sub-classes too) or one sub-class; an
     * unknown topic or sub-class finds nothing. Null when no topic is asked for.
     */
    private TopicChoice topicFilter(CatalogQuery q) {
        if (q.topic() == null || q.topic().isBlank()) {
            return null;
        }
        return topics.resolve(q.agencyId(), q.topic()).orElse(new TopicChoice(q.topic(), -1L, null));
    }

    /** Only public entries (proactive, published or repealed) of the agency (or of every agency), whatever the query. */
    private static PredicateFinalStep where(SearchPredicateFactory f, CatalogQuery q, TopicChoice topic) {
        return f.bool(b -> {
            if (q.agencyId() != null) {
                // Without an agency: the city's search across every agency's catalog.
                b.filter(f.match().field("agencyId").matching(q.agencyId()));
            }
            b.filter(f.terms().field("state").matchingAny(List.of(EntryState.PUBLISHED, EntryState.REPEALED)));
            b.filter(f.match().field("attribute").matching(DisclosureAttribute.PROACTIVE));
            if (topic != null) {
                b.filter(f.match().field("topic").matching(topic.topic()));
                if (topic.isSubclass()) {
                    b.filter(f.match().field("subtopicId").matching(topic.subtopicId()));
                }
            }
            if (q.genre() != null && !q.genre().isBlank()) {
                b.filter(f.match().field("genre").matching(q.genre()));
            }
            if (q.departmentId() != null) {
                b.filter(f.match().field("departmentId").matching(q.departmentId()));
            }
            if (q.year() != null) {
                b.filter(f.match().field("publishedYear").matching(q.year()));
            }
            if (q.hasText()) {
                String text = q.text().trim();
                String words = OFF_OPERATORS.matcher(text).replaceAll(" ");
                // One query string over the fields of both analyses (each field is analysed its own way): every word
                // must be found, in some field, by the word segmentation or by the character pairs. A doc's score is
                // the sum over all these fields, as with one query string per analysis, but Lucene sees one flat
                // disjunction per word and can skip far more entries that cannot reach the page.
                b.must(f.bool().should(f.simpleQueryString()
                        .field("title").boost(4f).field("documentNumber").boost(3f).field("keywords").boost(2f)
                        .field("summary").boost(2f).field("body").field("attachmentText")
                        .field("title_bigram").boost(2f).field("summary_bigram").field("body_bigram")
                        .field("attachmentText_bigram")
                        .matching(words).flags(OPERATORS).defaultOperator(BooleanOperator.AND))
                        .should(f.match().field("documentNumber_keyword").matching(text)
                                .boost(10f)));
            } else {
                b.must(f.matchAll());
            }
        });
    }

    private static SortFinalStep sort(SearchSortFactory f, CatalogQuery q) {
        return q.order() == CatalogQuery.Order.DATE ? f.field("publishedAt").desc()
                : f.score().then().field("publishedAt").desc();
    }

    /** The agency of each listed entry (by entry id), for linking a city-wide list into each agency's portal. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<Long, Long> agenciesOf(java.util.Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> byEntry = new java.util.HashMap<>();
        for (Object[] row : entries.agenciesOf(entryIds)) {
            byEntry.put((Long) row[0], (Long) row[1]);
        }
        return byEntry;
    }

    /** An entry the public may see, by index number; empty for anything not public. */
    @Transactional(readOnly = true)
    public Optional<CatalogEntry> publicEntry(Long agencyId, String indexNumber) {
        return entries.findByAgencyIdAndIndexNumber(agencyId, indexNumber)
                .filter(e -> e.isPublic() && e.getAttribute() == DisclosureAttribute.PROACTIVE);
    }

    @Transactional(readOnly = true)
    public List<CatalogAttachment> files(CatalogEntry entry) {
        return attachments.findByEntryIdOrderById(entry.getId());
    }

    @Transactional(readOnly = true)
    public List<CatalogVersion> versions(CatalogEntry entry) {
        return versions.findByEntryIdOrderByVersionDesc(entry.getId());
    }

    /** A published file's bytes, only when its entry is public in this agency. */
    @Transactional(readOnly = true)
    public Optional<PublicFile> publicFile(Long agencyId, Long fileId) {
        return attachments.findById(fileId).flatMap(a -> entries.findByIdAndAgencyId(a.getEntryId(), agencyId)
                .filter(e -> e.isPublic() && e.getAttribute() == DisclosureAttribute.PROACTIVE)
                .map(e -> new PublicFile(a.getFilename(), a.getContentType(), a.getData())));
    }

    public record PublicFile(String filename, String contentType, byte[] data) {
    }
}
