package cn.gongkai.audit;

import java.util.Iterator;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recomputes every entry's SM3 hash in order and compares it with the stored one and the next entry's link. */
@Service
public class AuditVerifier {

    private final AuditEntries entries;

    AuditVerifier(AuditEntries entries) {
        this.entries = entries;
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        long count = 0;
        String expectedPrev = AuditEntry.GENESIS;
        try (Stream<AuditEntry> stream = entries.streamAllInOrder()) {
            Iterator<AuditEntry> it = stream.iterator();
            while (it.hasNext()) {
                AuditEntry entry = it.next();
                count++;
                if (!entry.getPrevHash().equals(expectedPrev) || !entry.computeHash().equals(entry.getHash())) {
                    return new ChainVerification(false, count, entry.getId());
                }
                expectedPrev = entry.getHash();
            }
        }
        return new ChainVerification(true, count, null);
    }
}
