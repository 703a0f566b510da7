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
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A staff account: one agency, one department, one or more roles. */
@Entity
@Table(name = "user_account")
public class UserAccount {

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
    /** Set when an administrator created the account or reset its password: the holder must choose a new one. */
    private boolean passwordChangeRequired;
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

    /** An administrator set this password (new account or reset): the holder must change it after signing in. */
    void assignPassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.passwordChangeRequired = true;
    }

    /** The holder chose this password. */
    void changeOwnPassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.passwordChangeRequired = false;
    }

    boolean rolesOrDepartmentDiffer(Long departmentId, Set<Role> roles) {
        return !this.departmentId.equals(departmentId) || !this.roles.equals(EnumSet.copyOf(roles));
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
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

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }
}
