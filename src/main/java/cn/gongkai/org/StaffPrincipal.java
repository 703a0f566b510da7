package cn.gongkai.org;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in staff member. Every query that reads agency data scopes by {@link #agencyId()}. */
public final class StaffPrincipal implements UserDetails, CredentialsContainer {

    private final Long id;
    private final String username;
    private final String displayName;
    private final Long agencyId;
    private final Long departmentId;
    private final Set<Role> roles;
    private final boolean enabled;
    private final boolean passwordChangeRequired;
    private String password;

    StaffPrincipal(UserAccount account) {
        this.id = account.getId();
        this.username = account.getUsername();
        this.displayName = account.getDisplayName();
        this.agencyId = account.getAgencyId();
        this.departmentId = account.getDepartmentId();
        this.roles = account.getRoles();
        this.enabled = account.isEnabled();
        this.passwordChangeRequired = account.isPasswordChangeRequired();
        this.password = account.getPasswordHash();
    }

    public Long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Long agencyId() {
        return agencyId;
    }

    public Long departmentId() {
        return departmentId;
    }

    public Set<Role> roles() {
        return roles;
    }

    /**
     * The password was set by an administrator (new account, reset): until the holder changes it, the session reaches
     * only the change-password page.
     */
    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        // Failed logins throttle the address and the account-address pair ({@code LoginThrottle}), never lock out
        // the holder.
        return true;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }
}
