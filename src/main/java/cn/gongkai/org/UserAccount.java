package cn.gongkai.org;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A staff account: one agency, one department, one or more roles. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    static final int MAX_FAILED_ATTEMPTS = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private Long departmentId;
    private String username;
    private String displayName;
    private String passwordHash;
    private String email;
    private boolean enabled = true;
    private int failedAttempts;
    private Instant lockedUntil;
    private Instant createdAt = Instant.now();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected UserAccount() {
    }

    UserAccount(Long agencyId, Long departmentId, String username, String displayName, String passwordHash,
            String email, Set<Role> roles) {
        this.agencyId = agencyId;
        this.departmentId = departmentId;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.email = email;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    void update(Long departmentId, String displayName, String email, Set<Role> roles) {
        this.departmentId = departmentId;
        this.displayName = displayName;
        this.email = email;
        this.roles.clear();
        this.roles.addAll(roles);
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.failedAttempts = 0;
        this.lockedUntil = null;
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
    }

    /** 5 wrong passwords in a row lock the account for 15 minutes. Returns true when this failure locked it. */
    boolean recordFailedLogin(Instant now) {
        failedAttempts++;
        if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
            failedAttempts = 0;
            lockedUntil = now.plus(LOCK_DURATION);
            return true;
        }
        return false;
    }

    void recordSuccessfulLogin() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    String describe() {
        return "department=" + departmentId + ", displayName=" + displayName + ", email=" + email + ", enabled="
                + enabled + ", roles=" + new TreeSet<>(roles.stream().map(Enum::name).collect(Collectors.toSet()));
    }

    StaffMember toMember() {
        return new StaffMember(id, username, displayName, agencyId, departmentId, email, Set.copyOf(roles), enabled);
    }

    public Long getId() {
        return id;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public String getEmail() {
        return email;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }
}
