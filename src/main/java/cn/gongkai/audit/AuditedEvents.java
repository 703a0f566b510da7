package cn.gongkai.audit;

import cn.gongkai.org.AgencyChanged;
import cn.gongkai.org.AgencyCreated;
import cn.gongkai.org.DepartmentChanged;
import cn.gongkai.org.LoginThrottled;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.org.UserAccountChanged;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Writes the audit entries for other modules' events. Listeners are synchronous, so an entry commits in the same
 * transaction as the change it records.
 */
@Component
class AuditedEvents {

    private final AuditTrail trail;

    AuditedEvents(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        Long agency = auth.getPrincipal() instanceof StaffPrincipal p ? p.agencyId() : null;
        trail.recordAs(auth.getName(), address(auth), AuditRecord.of(agency, "LOGIN", "USER", auth.getName(), null));
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        Authentication auth = event.getAuthentication();
        // A typed name can be anything: an over-long one is kept cut to the columns (actor 64, object 100).
        String name = auth.getName() == null ? "" : auth.getName();
        trail.recordAs(clip(name, 64), address(auth), AuditRecord.of(null, "LOGIN_FAILED", "USER", clip(name, 100),
                name.length() > 64 ? "username of " + name.length() + " characters"
                        : event.getException().getClass().getSimpleName()));
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        Long agency = auth.getPrincipal() instanceof StaffPrincipal p ? p.agencyId() : null;
        trail.recordAs(auth.getName(), address(auth), AuditRecord.of(agency, "LOGOUT", "USER", auth.getName(), null));
    }

    @EventListener
    void on(LoginThrottled event) {
        trail.recordAs(clip(event.username(), 64), event.address(), AuditRecord.of(event.agencyId(),
                "LOGIN_THROTTLED", "USER", clip(event.username(), 100), event.scope() + ": " + event.detail()));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @EventListener
    void on(UserAccountChanged event) {
        trail.record(AuditRecord.of(event.agencyId(), event.change(), "USER", event.username(), null)
                .withChange(event.before(), event.after()));
    }

    @EventListener
    void on(AgencyChanged event) {
        trail.record(AuditRecord.of(event.agencyId(), "AGENCY_CHANGED", "AGENCY", event.agencyId(), null)
                .withChange(event.before(), event.after()));
    }

    /** Recorded where the platform administrator works and in the new agency, whose auditor sees its beginning. */
    @EventListener
    void on(AgencyCreated event) {
        trail.record(AuditRecord.of(event.actorAgencyId(), "AGENCY_CREATED", "AGENCY", event.agencyId(), null)
                .withChange(null, event.description()));
        if (!event.agencyId().equals(event.actorAgencyId())) {
            trail.record(AuditRecord.of(event.agencyId(), "AGENCY_CREATED", "AGENCY", event.agencyId(), null)
                    .withChange(null, event.description()));
        }
    }

    @EventListener
    void on(DepartmentChanged event) {
        trail.record(AuditRecord.of(event.agencyId(), event.change(), "DEPARTMENT", event.departmentId(), null)
                .withChange(event.before(), event.after()));
    }

    private static String address(Authentication auth) {
        return auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress()
                : AuditTrail.currentAddress();
    }
}
