package cn.gongkai.audit;

import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Appends to the audit log. The caller's transaction is joined, so the entry commits with the change. */
@Service
public class AuditTrail {

    private final AuditEntries entries;
    private final EntityManager em;
    private final Clock clock;
    private final AuditKey key;

    AuditTrail(AuditEntries entries, EntityManager em, Clock clock, AuditKey key) {
        this.entries = entries;
        this.key = key;
        this.em = em;
        this.clock = clock;
    }

    /** Records as the signed-in user (or "system"), from the current request's address. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditRecord record) {
        recordAs(currentActor(), currentAddress(), record);
    }

    /** Records for a named actor, e.g. a failed login of a name that may not exist. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(String actor, String address, AuditRecord record) {
        // One chain for the whole deployment: appends are serialised by a transaction-scoped advisory lock.
        em.createNativeQuery("select pg_advisory_xact_lock(7460001)").getSingleResult();
        String prev = entries.findTopByOrderByIdDesc().map(AuditEntry::getHash).orElse(AuditEntry.GENESIS);
        entries.save(new AuditEntry(Instant.now(clock), actor, address, record, prev).sign(key));
    }

    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName()) ? "system"
                : auth.getName();
    }

    public static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
