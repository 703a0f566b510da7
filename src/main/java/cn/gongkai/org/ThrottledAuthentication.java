package cn.gongkai.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The one authentication provider (form login and HTTP Basic): names over 64 characters and throttled attempts are
 * refused like a wrong password (same exception, same message, the same hash work), then the password is checked by
 * Spring's {@link DaoAuthenticationProvider}, which hashes for unknown names too. A disabled account is reported only
 * after its password was checked, and as a wrong password.
 */
@Component
class ThrottledAuthentication implements AuthenticationProvider {

    static final int MAX_USERNAME = 64;

    private final DaoAuthenticationProvider passwords;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final UserAccounts users;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final String dummyHash;

    ThrottledAuthentication(AccountDetailsService accounts, PasswordEncoder encoder, UserAccounts users, Clock clock,
            ApplicationEventPublisher events,
            @Value("${gongkai.security.login.address-failures:20}") int addressLimit,
            @Value("${gongkai.security.login.account-address-failures:5}") int pairLimit,
            @Value("${gongkai.security.login.account-failures:30}") int accountLimit,
            @Value("${gongkai.security.login.window:15m}") Duration window,
            @Value("${gongkai.security.login.block:15m}") Duration block,
            @Value("${gongkai.security.login.account-slow-interval:20s}") Duration slowInterval) {
        this.encoder = encoder;
        this.users = users;
        this.clock = clock;
        this.events = events;
        this.throttle = new LoginThrottle(addressLimit, pairLimit, accountLimit, window, block, slowInterval);
        this.passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        // Nothing is said about the account before its password was checked.
        passwords.setPreAuthenticationChecks(user -> {
        });
        passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("bad credentials");
            }
        });
        this.dummyHash = encoder.encode("not-a-password-of-anyone");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress()
                : "unknown";
        Instant now = Instant.now(clock);
        if (username == null || username.isBlank() || username.length() > MAX_USERNAME) {
            encoder.matches(password, dummyHash);
            failed(username == null ? "" : username, address, now);
            throw new BadCredentialsException("bad credentials");
        }
        var refused = throttle.refuse(username, address, now);
        if (refused.isPresent()) {
            encoder.matches(password, dummyHash);
            throw new BadCredentialsException("bad credentials");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username, address);
            return result;
        } catch (AuthenticationException e) {
            failed(username, address, now);
            throw e instanceof BadCredentialsException ? e : new BadCredentialsException("bad credentials", e);
        }
    }

    private void failed(String username, String address, Instant now) {
        List<LoginThrottle.Scope> started = throttle.failed(username, address, now);
        if (started.isEmpty()) {
            return;
        }
        String name = username.length() > MAX_USERNAME ? username.substring(0, MAX_USERNAME) : username;
        Long agency = name.length() > MAX_USERNAME ? null
                : users.findByUsername(name).map(UserAccount::getAgencyId).orElse(null);
        for (LoginThrottle.Scope scope : started) {
            String detail = switch (scope) {
                case ADDRESS, ACCOUNT_ADDRESS -> "refused for " + throttle.block().toMinutes() + " min";
                case ACCOUNT -> "one attempt per " + throttle.slowInterval().toSeconds() + " s";
            };
            events.publishEvent(new LoginThrottled(agency, name, address, scope.name(), detail));
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
