package cn.gongkai.org;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts wrong passwords and locks an account for 15 minutes after the fifth in a row. */
@Component
class LoginAttempts {

    private final UserAccounts users;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LoginAttempts(UserAccounts users, Clock clock, ApplicationEventPublisher events) {
        this.users = users;
        this.clock = clock;
        this.events = events;
    }

    @EventListener
    @Transactional
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress() : null;
        users.findByUsername(event.getAuthentication().getName()).ifPresent(account -> {
            if (account.recordFailedLogin(Instant.now(clock))) {
                events.publishEvent(new AccountLocked(account.getAgencyId(), account.getUsername(), address));
            }
        });
    }

    @EventListener
    @Transactional
    void onSuccess(AuthenticationSuccessEvent event) {
        users.findByUsername(event.getAuthentication().getName()).ifPresent(UserAccount::recordSuccessfulLogin);
    }
}
