package cn.gongkai.catalog;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public side of 政策解读"三同步": an agency's published interpretations with their policies, both ways. Only
 * public, proactive entries, whatever is asked.
 */
@Service
@Transactional(readOnly = true)
public class CatalogInterpretations {

    public static final int MAX_SIZE = 50;

    private final CatalogEntries entries;

    CatalogInterpretations(CatalogEntries entries) {
        this.entries = entries;
    }

    /** An interpretation and the policy it explains (null when the policy is no longer public). */
    public record Row(CatalogEntry interpretation, CatalogEntry policy) {
    }

    /**
     * The agency's public interpretations, newest first: of one policy (its index number), in one topic class, of one
     * year, in one form. An unknown policy finds nothing.
     */
    public Page<Row> list(Long agencyId, String policyIndexNumber, String topic, Integer year, String form, int page,
            int size) {
        Long policyId = null;
        if (policyIndexNumber != null && !policyIndexNumber.isBlank()) {
            Optional<CatalogEntry> policy = entries.findByAgencyIdAndIndexNumber(agencyId, policyIndexNumber.strip())
                    .filter(CatalogInterpretations::isPublic);
            if (policy.isEmpty()) {
                return Page.empty(PageRequest.of(page, size));
            }
            policyId = policy.get().getId();
        }
        Long onlyPolicy = policyId;
        Specification<CatalogEntry> spec = (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            p.add(cb.equal(root.get("agencyId"), agencyId));
            p.add(cb.isNotNull(root.get("interpretsEntryId")));
            p.add(root.get("state").in(EntryState.PUBLISHED, EntryState.REPEALED));
            p.add(cb.equal(root.get("attribute"), DisclosureAttribute.PROACTIVE));
            if (onlyPolicy != null) {
                p.add(cb.equal(root.get("interpretsEntryId"), onlyPolicy));
            }
            if (topic != null && !topic.isBlank()) {
                p.add(cb.equal(root.get("topic"), topic.strip()));
            }
            if (year != null) {
                p.add(cb.equal(root.get("publishedYear"), year));
            }
            if (form != null && !form.isBlank()) {
                p.add(cb.equal(root.get("interpretationForm"), form.strip()));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
        return entries.findAll(spec, PageRequest.of(page, size, Sort.by(Sort.Order.desc("publishedAt"),
                Sort.Order.desc("id")))).map(e -> new Row(e, policyOf(e).orElse(null)));
    }

    /** The public interpretations of a policy entry, oldest first. */
    public List<CatalogEntry> interpretationsOf(CatalogEntry policy) {
        return entries.findPublicInterpretationsOf(policy.getId());
    }

    /** The public policy an interpretation entry explains. */
    public Optional<CatalogEntry> policyOf(CatalogEntry interpretation) {
        if (interpretation.getInterpretsEntryId() == null) {
            return Optional.empty();
        }
        return entries.findByIdAndAgencyId(interpretation.getInterpretsEntryId(), interpretation.getAgencyId())
                .filter(CatalogInterpretations::isPublic);
    }

    private static boolean isPublic(CatalogEntry e) {
        return e.isPublic() && e.getAttribute() == DisclosureAttribute.PROACTIVE;
    }
}
