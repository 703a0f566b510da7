package cn.gongkai.org;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Runs a step as a named staff member, so that the audit log names who did it: used when the system itself walks
 * records through their real transitions (demo data), never for requests from outside.
 */
public final class ActingAs {

    private ActingAs() {
    }

    public static StaffPrincipal principal(UserDetailsService accounts, String username) {
        return (StaffPrincipal) accounts.loadUserByUsername(username);
    }

    public static <T> T run(UserDetailsService accounts, String username, Supplier<T> step) {
        StaffPrincipal principal = principal(accounts, username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            return step.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
