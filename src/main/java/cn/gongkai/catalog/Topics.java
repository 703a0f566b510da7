package cn.gongkai.catalog;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.caching.ReadCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 主题分类 of one agency: the 22 classes of {@link Taxonomy#TOPICS} and the sub-classes the office or the
 * administrator adds under them. Items and catalog entries keep the class and the sub-class's id, so a rename shows
 * everywhere and a sub-class in use cannot be deleted (the database refuses it).
 *
 * <p>The reads open no transaction of their own: each makes one repository call (read-only in its own right) or none
 * (a class, the cached choices). A class-wide read-only transaction made every catalog search by topic begin and end
 * one on a database connection, for a name it then found in memory (docs/benchmarks.md, "Catalog search").
 */
@Service
public class Topics {

    static final int MAX_NAME_LENGTH = 50;

    private final TopicSubclasses subclasses;
    private final CatalogEntries entries;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    /** The portal's search form lists the choices on every page: kept in memory, forgotten on change. */
    private final ReadCache<Long, List<TopicChoice>> choiceCache = new ReadCache<>(Duration.ofMinutes(1));

    Topics(TopicSubclasses subclasses, CatalogEntries entries, JdbcTemplate jdbc, AuditTrail audit) {
        this.subclasses = subclasses;
        this.entries = entries;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** One class with the agency's sub-classes under it. */
    public record TopicClass(String name, List<TopicSubclass> subclasses) {
    }

    /** The 22 classes in their official order, each with the agency's sub-classes in the order they were added. */
    public List<TopicClass> tree(Long agencyId) {
        List<TopicSubclass> all = subclasses.findByAgencyIdOrderByIdAsc(agencyId);
        return Taxonomy.TOPICS.stream().map(t -> new TopicClass(t, all.stream()
                .filter(s -> s.getTopic().equals(t)).toList())).toList();
    }

    /** What a drafter or a citizen may choose: each class followed by its sub-classes. */
    public List<TopicChoice> choices(Long agencyId) {
        return choiceCache.get(agencyId, id -> {
            List<TopicChoice> choices = new ArrayList<>();
            for (TopicClass c : tree(id)) {
                choices.add(TopicChoice.of(c.name()));
                c.subclasses().forEach(s -> choices.add(TopicChoice.of(s)));
            }
            return List.copyOf(choices);
        });
    }

    /** The agency's sub-classes by id, with their current names (from the cached {@link #choices}). */
    public Map<Long, String> subclassNames(Long agencyId) {
        Map<Long, String> names = new HashMap<>();
        for (TopicChoice c : choices(agencyId)) {
            if (c.isSubclass()) {
                names.put(c.subtopicId(), c.subtopicName());
            }
        }
        return names;
    }

    /** A label ({@code 工业、交通} or {@code 工业、交通 › 道路运输}) as this agency's topic; empty when unknown. */
    public Optional<TopicChoice> resolve(Long agencyId, String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        int at = label.indexOf(TopicChoice.SEPARATOR.strip());
        String topic = (at < 0 ? label : label.substring(0, at)).strip();
        if (!Taxonomy.TOPICS.contains(topic)) {
            return Optional.empty();
        }
        if (at < 0) {
            return Optional.of(TopicChoice.of(topic));
        }
        return subclasses.findByAgencyIdAndTopicAndName(agencyId, topic, label.substring(at + 1).strip())
                .map(TopicChoice::of);
    }

    /** The label of a class and, when given, one of the agency's sub-classes under it. */
    public String label(Long agencyId, String topic, Long subtopicId) {
        return choice(agencyId, topic, subtopicId).label();
    }

    /** The class with the sub-class, which must be the agency's and under that class. */
    TopicChoice choice(Long agencyId, String topic, Long subtopicId) {
        if (subtopicId == null) {
            return TopicChoice.of(topic);
        }
        return subclasses.findByIdAndAgencyId(subtopicId, agencyId).filter(s -> s.getTopic().equals(topic))
                .map(TopicChoice::of).orElseThrow(() -> new CatalogRuleViolation("catalog.topics.error.unknown"));
    }

    @Transactional
    public TopicSubclass add(Long agencyId, String topic, String name) {
        if (!Taxonomy.TOPICS.contains(topic)) {
            throw new CatalogRuleViolation("catalog.topics.error.unknownClass");
        }
        String n = validName(name);
        if (subclasses.existsByAgencyIdAndTopicAndName(agencyId, topic, n)) {
            throw new CatalogRuleViolation("catalog.topics.error.taken");
        }
        choiceCache.changed();
        TopicSubclass s = subclasses.save(new TopicSubclass(agencyId, topic, n));
        audit.record(AuditRecord.of(agencyId, "TOPIC_SUBCLASS_ADDED", "TOPIC_SUBCLASS", s.getId(), s.getLabel())
                .withChange(null, s.getLabel()));
        return s;
    }

    @Transactional
    public TopicSubclass rename(Long agencyId, Long id, String name) {
        TopicSubclass s = subclasses.findByIdAndAgencyId(id, agencyId)
                .orElseThrow(() -> new CatalogRuleViolation("catalog.topics.error.notFound"));
        String n = validName(name);
        if (n.equals(s.getName())) {
            return s;
        }
        if (subclasses.existsByAgencyIdAndTopicAndName(agencyId, s.getTopic(), n)) {
            throw new CatalogRuleViolation("catalog.topics.error.taken");
        }
        String before = s.getLabel();
        choiceCache.changed();
        s.rename(n);
        entries.renameSubtopic(id, n);
        audit.record(AuditRecord.of(agencyId, "TOPIC_SUBCLASS_RENAMED", "TOPIC_SUBCLASS", id, s.getLabel())
                .withChange(before, s.getLabel()));
        return s;
    }

    /** Removes a sub-class no draft, item or catalog entry is filed under. */
    @Transactional
    public void remove(Long agencyId, Long id) {
        TopicSubclass s = subclasses.findByIdAndAgencyId(id, agencyId)
                .orElseThrow(() -> new CatalogRuleViolation("catalog.topics.error.notFound"));
        choiceCache.changed();
        try {
            jdbc.update("delete from topic_subclass where id = ? and agency_id = ?", id, agencyId);
        } catch (DataIntegrityViolationException inUse) {
            throw new CatalogRuleViolation("catalog.topics.error.inUse");
        }
        audit.record(AuditRecord.of(agencyId, "TOPIC_SUBCLASS_REMOVED", "TOPIC_SUBCLASS", id, s.getLabel())
                .withChange(s.getLabel(), null));
    }

    private static String validName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new CatalogRuleViolation("catalog.topics.error.nameRequired");
        }
        if (n.length() > MAX_NAME_LENGTH) {
            throw new CatalogRuleViolation("catalog.topics.error.nameSize");
        }
        if (n.contains(TopicChoice.SEPARATOR.strip())) {
            throw new CatalogRuleViolation("catalog.topics.error.nameSeparator");
        }
        return n;
    }
}
