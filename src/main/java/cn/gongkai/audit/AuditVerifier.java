package cn.gongkai.audit;

import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the chain in id order: each entry's link to the previous hash, its SM3 hash, and its HMAC-SM3 under the
 * {@link AuditKey}. Entries from before V25 have no MAC and are checked by the chain only, as long as they come before
 * every signed entry; an unsigned entry after a signed one is a break. Then the database is compared with the newest
 * checkpoint of {@link AuditAnchors}: the entry it names must be there with the same hash (otherwise the tail has
 * been deleted), and signing must begin at the same entry as when the checkpoint was written.
 */
@Service
public class AuditVerifier {

    private final AuditEntries entries;
    private final AuditKey key;
    private final AuditAnchors anchors;

    AuditVerifier(AuditEntries entries, AuditKey key, AuditAnchors anchors) {
        this.entries = entries;
        this.key = key;
        this.anchors = anchors;
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        Optional<AuditAnchors.Anchor> anchor = anchors.newest();
        Long anchoredUpTo = anchor.map(AuditAnchors.Anchor::entryId).orElse(null);
        long count = 0;
        String expectedPrev = AuditEntry.GENESIS;
        Long unsignedUpTo = null;
        Long firstSigned = null;
        long lastId = 0;
        boolean anchorSeen = false;
        try (Stream<AuditEntry> stream = entries.streamAllInOrder()) {
            Iterator<AuditEntry> it = stream.iterator();
            while (it.hasNext()) {
                AuditEntry entry = it.next();
                count++;
                boolean broken = !entry.getPrevHash().equals(expectedPrev)
                        || !entry.computeHash().equals(entry.getHash());
                if (entry.getMac() == null) {
                    broken |= firstSigned != null;
                    unsignedUpTo = entry.getId();
                } else {
                    if (firstSigned == null) {
                        firstSigned = entry.getId();
                    }
                    broken |= !key.verify(AuditEntry.macInput(entry.getHash()), entry.getMac());
                }
                if (anchor.isPresent() && entry.getId() == anchor.get().entryId()) {
                    anchorSeen = true;
                    broken |= !entry.getHash().equals(anchor.get().hash());
                }
                if (broken) {
                    return new ChainVerification(false, count, entry.getId(), unsignedUpTo, anchoredUpTo, null);
                }
                if (anchor.isEmpty() || entry.getId() < anchor.get().entryId()) {
                    lastId = entry.getId();
                }
                expectedPrev = entry.getHash();
            }
        }
        if (anchor.isPresent()) {
            AuditAnchors.Anchor a = anchor.get();
            if (!anchorSeen) {
                return new ChainVerification(false, count, null, unsignedUpTo, anchoredUpTo, lastId);
            }
            if (!Objects.equals(a.signedFrom(), firstSigned)) {
                Long at = a.signedFrom() == null ? firstSigned
                        : firstSigned == null ? a.signedFrom() : Math.min(a.signedFrom(), firstSigned);
                return new ChainVerification(false, count, at, unsignedUpTo, anchoredUpTo, null);
            }
        }
        return new ChainVerification(true, count, null, unsignedUpTo, anchoredUpTo, null);
    }
}
