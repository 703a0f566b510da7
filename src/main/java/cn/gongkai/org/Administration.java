package cn.gongkai.org;

import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Departments and accounts, always inside the administrator's own agency. */
@Service
@Transactional
class Administration {

    private final Agencies agencies;
    private final Departments departments;
    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final PasswordPolicy passwordPolicy;

    Administration(Agencies agencies, Departments departments, UserAccounts users, PasswordEncoder encoder,
            ApplicationEventPublisher events, PasswordPolicy passwordPolicy) {
        this.agencies = agencies;
        this.departments = departments;
        this.users = users;
        this.encoder = encoder;
        this.events = events;
        this.passwordPolicy = passwordPolicy;
    }

    PasswordPolicy passwordPolicy() {
        return passwordPolicy;
    }

    @Transactional(readOnly = true)
    Agency agency(Long agencyId) {
        return agencies.findById(agencyId).orElseThrow(NotInAgency::new);
    }

    Agency configureAgency(Long agencyId, AgencyForm form) {
        if (form.getOrganisationCode().length() == 18 && !CreditCode.isValid(form.getOrganisationCode())) {
            throw new OrgRuleViolation("organisationCode", "org.agency.organisationCode.check");
        }
        IndexNumberPattern.problem(form.getIndexPattern(), form.getOrganisationCode()).ifPresent(key -> {
            throw new OrgRuleViolation("indexPattern", key);
        });
        Agency agency = agency(agencyId);
        String before = agency.describe();
        agency.configure(form.getName(), form.getOrganisationCode(), form.getYellowDays(),
                new IndexNumberPattern(form.getIndexPattern()));
        agency.contacts(form.contacts());
        events.publishEvent(new AgencyChanged(agencyId, before, agency.describe()));
        return agency;
    }

    @Transactional(readOnly = true)
    List<Department> departments(Long agencyId) {
        return departments.findByAgencyIdOrderBySortOrderAscIdAsc(agencyId);
    }

    @Transactional(readOnly = true)
    Department department(Long agencyId, Long id) {
        return departments.findByIdAndAgencyId(id, agencyId).orElseThrow(NotInAgency::new);
    }

    Department createDepartment(Long agencyId, DepartmentForm form) {
        if (departments.existsByAgencyIdAndName(agencyId, form.getName())) {
            throw new OrgRuleViolation("name", "org.department.name.taken");
        }
        Department d = departments.save(new Department(agencyId, form.getName(), form.getSortOrder(), form.getKind()));
        events.publishEvent(new DepartmentChanged(agencyId, d.getId(), "DEPARTMENT_CREATED", null, d.describe()));
        return d;
    }

    Department updateDepartment(Long agencyId, Long id, DepartmentForm form) {
        Department d = department(agencyId, id);
        if (!d.getName().equals(form.getName()) && departments.existsByAgencyIdAndName(agencyId, form.getName())) {
            throw new OrgRuleViolation("name", "org.department.name.taken");
        }
        String before = d.describe();
        d.rename(form.getName(), form.getSortOrder(), form.isActive(), form.getKind());
        events.publishEvent(new DepartmentChanged(agencyId, id, "DEPARTMENT_CHANGED", before, d.describe()));
        return d;
    }

    @Transactional(readOnly = true)
    List<UserAccount> users(Long agencyId) {
        return users.findByAgencyIdOrderByDepartmentIdAscUsernameAsc(agencyId);
    }

    @Transactional(readOnly = true)
    UserAccount user(Long agencyId, Long id) {
        return users.findByIdAndAgencyId(id, agencyId).orElseThrow(NotInAgency::new);
    }

    /**
     * The system administrator creates an account without roles: roles are the security administrator's to assign
     * ({@link #assignRoles}).
     */
    UserAccount createUser(Long agencyId, UserForm form) {
        refuseRoles(form);
        requireOwnDepartment(agencyId, form.getDepartmentId());
        if (users.existsByUsername(form.getUsername())) {
            throw new OrgRuleViolation("username", "org.user.username.taken");
        }
        passwordPolicy.problem(form.getPassword(), form.getUsername()).ifPresent(key -> {
            throw new OrgRuleViolation("password", key);
        });
        String hash = encoder.encode(form.getPassword());
        UserAccount account = new UserAccount(agencyId, form.getDepartmentId(), form.getUsername(),
                form.getDisplayName(), hash, blankToNull(form.getEmail()), Set.of());
        account.assignPassword(hash); // set by the administrator: the holder chooses their own at first login
        account = users.save(account);
        events.publishEvent(new UserAccountChanged(agencyId, account.getId(), account.getUsername(), "USER_CREATED",
                null, account.describe()));
        return account;
    }

    /** Department, name and e-mail; the roles stay as they are. */
    UserAccount updateUser(Long agencyId, Long id, UserForm form) {
        refuseRoles(form);
        requireOwnDepartment(agencyId, form.getDepartmentId());
        UserAccount account = user(agencyId, id);
        String before = account.describe();
        boolean accessChanged = account.rolesOrDepartmentDiffer(form.getDepartmentId(), account.getRoles());
        account.update(form.getDepartmentId(), form.getDisplayName(), blankToNull(form.getEmail()),
                account.getRoles());
        events.publishEvent(new UserAccountChanged(agencyId, id, account.getUsername(), "USER_CHANGED", before,
                account.describe()));
        if (accessChanged) {
            events.publishEvent(new AccountAccessRevoked(id, account.getUsername(), "department changed"));
        }
        return account;
    }

    /**
     * The security administrator's one power: the roles of another account of the agency, in an allowed combination
     * ({@link RoleCombination}). Nobody changes their own roles; {@code actingUserId} is null only for fixtures and
     * the first start.
     */
    UserAccount assignRoles(Long agencyId, Long id, Set<Role> roles, Long actingUserId) {
        UserAccount account = user(agencyId, id);
        if (id.equals(actingUserId)) {
            throw new OrgRuleViolation("roles", "org.user.roles.self");
        }
        // The platform administrator is the platform's, not the agency's: no agency's security administrator makes
        // one or changes one.
        if (roles.contains(Role.PLATFORM_ADMIN) || account.getRoles().contains(Role.PLATFORM_ADMIN)) {
            throw new OrgRuleViolation("roles", "org.user.roles.platform");
        }
        RoleCombination.conflict(roles).ifPresent(c -> {
            throw new OrgRuleViolation("roles", "org.user.roles.incompatible", label(c.first()), label(c.second()));
        });
        if (account.getRoles().equals(roles)) {
            return account;
        }
        String before = account.describe();
        account.update(account.getDepartmentId(), account.getDisplayName(), account.getEmail(), roles);
        events.publishEvent(new UserAccountChanged(agencyId, id, account.getUsername(), "ROLES_CHANGED", before,
                account.describe()));
        events.publishEvent(new AccountAccessRevoked(id, account.getUsername(), "roles changed"));
        return account;
    }

    private static org.springframework.context.MessageSourceResolvable label(Role role) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable("role." + role.name());
    }

    private static void refuseRoles(UserForm form) {
        if (!form.getRoles().isEmpty()) {
            throw new OrgRuleViolation("roles", "org.user.roles.notByAdmin");
        }
    }

    /**
     * The accounts that watch the system administrator (安全管理员, 安全审计员) are out of its reach: a password it
     * reset would be a password it knows, and it could sign in as the auditor. Their passwords are reset by the
     * operator at the server ({@code gongkai.bootstrap.reset-password}), where the reset is audited too.
     */
    static void refuseGuarded(UserAccount account) {
        if (account.getRoles().contains(Role.SECURITY_ADMIN) || account.getRoles().contains(Role.AUDITOR)) {
            throw new OrgRuleViolation("password", "org.user.password.guarded");
        }
    }

    /** The operator's reset at the server: any account, audited, the holder must change it at first login. */
    String resetAtServer(String username) {
        UserAccount account = users.findByUsername(username).orElseThrow(() -> new IllegalStateException(
                "gongkai.bootstrap.reset-password names '" + username + "', which is no account"));
        String password = randomPassword();
        account.assignPassword(encoder.encode(password));
        events.publishEvent(new UserAccountChanged(account.getAgencyId(), account.getId(), account.getUsername(),
                "PASSWORD_RESET", null, "reset at the server"));
        events.publishEvent(new AccountAccessRevoked(account.getId(), account.getUsername(), "password reset"));
        return password;
    }

    /** Sets a new random password and returns it once, for the administrator to hand over. */
    String resetPassword(Long agencyId, Long id) {
        UserAccount account = user(agencyId, id);
        refuseGuarded(account);
        String password = randomPassword();
        account.assignPassword(encoder.encode(password));
        events.publishEvent(new UserAccountChanged(agencyId, id, account.getUsername(), "PASSWORD_RESET", null,
                null));
        events.publishEvent(new AccountAccessRevoked(id, account.getUsername(), "password reset"));
        return password;
    }

    void setEnabled(Long agencyId, Long id, boolean enabled, Long actingUserId) {
        UserAccount account = user(agencyId, id);
        if (!enabled && id.equals(actingUserId)) {
            throw new OrgRuleViolation("enabled", "org.user.disable.self");
        }
        String before = account.describe();
        account.enable(enabled);
        events.publishEvent(new UserAccountChanged(agencyId, id, account.getUsername(),
                enabled ? "USER_ENABLED" : "USER_DISABLED", before, account.describe()));
        if (!enabled) {
            events.publishEvent(new AccountAccessRevoked(id, account.getUsername(), "disabled"));
        }
    }

    /**
     * The holder changes their own password: the current one, then the new one twice. Clears a forced change.
     *
     * @throws OrgRuleViolation naming the field and the rule broken
     */
    void changeOwnPassword(Long userId, String current, String fresh, String confirmation) {
        UserAccount account = users.findById(userId).orElseThrow(NotInAgency::new);
        if (current == null || !encoder.matches(current, account.getPasswordHash())) {
            throw new OrgRuleViolation("currentPassword", "org.password.current.wrong");
        }
        passwordPolicy.problem(fresh, account.getUsername()).ifPresent(key -> {
            throw new OrgRuleViolation("newPassword", key);
        });
        if (fresh.equals(current)) {
            throw new OrgRuleViolation("newPassword", "org.password.same");
        }
        if (!fresh.equals(confirmation)) {
            throw new OrgRuleViolation("confirmPassword", "org.password.confirm.mismatch");
        }
        account.changeOwnPassword(encoder.encode(fresh));
        events.publishEvent(new UserAccountChanged(account.getAgencyId(), userId, account.getUsername(),
                "PASSWORD_CHANGED", null, null));
    }

    private void requireOwnDepartment(Long agencyId, Long departmentId) {
        if (departmentId == null || departments.findByIdAndAgencyId(departmentId, agencyId).isEmpty()) {
            throw new OrgRuleViolation("departmentId", "org.user.department.required");
        }
    }

    /** 14 characters with upper case, lower case and digits (no look-alikes), so it meets the password policy. */
    static String randomPassword() {
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String lower = "abcdefghjkmnpqrstuvwxyz";
        String digits = "23456789";
        SecureRandom random = new SecureRandom();
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                String letters = random.nextBoolean() ? upper : lower;
                sb.append(letters.charAt(random.nextInt(letters.length())));
            }
            for (int i = 0; i < 4; i++) {
                sb.insert(random.nextInt(sb.length() + 1), digits.charAt(random.nextInt(digits.length())));
            }
            if (PasswordPolicy.classes(sb.toString()) >= 3) {
                return sb.toString();
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Asked for a department or account of another agency: answered as if it did not exist. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    static class NotInAgency extends RuntimeException {
    }

    static Set<Role> allRoles() {
        return Set.of(Role.values());
    }
}
