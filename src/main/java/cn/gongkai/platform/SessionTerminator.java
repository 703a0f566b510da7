package cn.gongkai.platform;

import cn.gongkai.org.AccountAccessRevoked;
import cn.gongkai.org.StaffPrincipal;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends every live session of an account whose access changed under it: the next request of such a session is
 * logged out (the browser sent to the login page, the API answered 401).
 */
@Component
class SessionTerminator {

    private final SessionRegistry sessions;

    SessionTerminator(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void on(AccountAccessRevoked event) {
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof StaffPrincipal p && p.id().equals(event.userId())) {
                sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }
}
