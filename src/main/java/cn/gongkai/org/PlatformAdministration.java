package cn.gongkai.org;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 平台管理员: on a city's platform, the agencies themselves. Creating one gives it its settings, a first department
 * (办公室) and its first system administrator with a one-time password; from then on the agency's own
 * administrators run it, and the platform administrator sees none of its content.
 */
@Service
@Transactional
class PlatformAdministration {

    /** The first department of a new agency, where its first administrator works. */
    static final String FIRST_DEPARTMENT = "办公室";

    private final Agencies agencies;
    private final Departments departments;
    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    PlatformAdministration(Agencies agencies, Departments departments, UserAccounts users, PasswordEncoder encoder,
            ApplicationEventPublisher events) {
        this.agencies = agencies;
        this.departments = departments;
        this.users = users;
        this.encoder = encoder;
        this.events = events;
    }

    /** An account made with the agency, and its one-time password (given once). */
    record FirstAccount(UserAccount account, String oneTimePassword) {
    }

    /**
     * A new agency, its first department, and its three administrators of 三权分立: the system administrator the
     * platform administrator named, and a security administrator and an auditor, so that the agency can give roles
     * and read its audit log from its first day.
     */
    record Created(Agency agency, FirstAccount administrator, FirstAccount securityAdministrator,
            FirstAccount auditor) {
    }

    @Transactional(readOnly = true)
    List<Agency> agencies() {
        return agencies.findAllByOrderById();
    }

    Created create(NewAgencyForm form, Long actorAgencyId) {
        if (agencies.findByCode(form.getCode()).isPresent()) {
            throw new OrgRuleViolation("code", "org.platform.code.taken", form.getCode());
        }
        if (form.getOrganisationCode().length() == 18 && !CreditCode.isValid(form.getOrganisationCode())) {
            throw new OrgRuleViolation("organisationCode", "org.agency.organisationCode.check");
        }
        String pattern = form.getIndexPattern().isBlank() ? IndexNumberPattern.DEFAULT_TEXT : form.getIndexPattern();
        IndexNumberPattern.problem(pattern, form.getOrganisationCode()).ifPresent(key -> {
            throw new OrgRuleViolation("indexPattern", key);
        });
        Long parentId = null;
        if (!form.getParentCode().isBlank()) {
            Agency parent = agencies.findByCode(form.getParentCode())
                    .filter(a -> a.getKind() == AgencyKind.DISCLOSURE_AUTHORITY)
                    .orElseThrow(() -> new OrgRuleViolation("parentCode", "org.platform.parent.unknown"));
            parentId = parent.getId();
        }
        if (users.existsByUsername(form.getAdminUsername())) {
            throw new OrgRuleViolation("adminUsername", "org.user.username.taken");
        }
        Agency agency = agencies.save(new Agency(form.getCode(), form.getName(), form.getKind(),
                form.getOrganisationCode(), pattern, parentId));
        Department office = departments.save(new Department(agency.getId(), FIRST_DEPARTMENT, 0));
        FirstAccount admin = account(agency, office, form.getAdminUsername(), form.getAdminDisplayName(),
                Role.ADMIN);
        String prefix = agency.getCode().toLowerCase(Locale.ROOT);
        FirstAccount security = account(agency, office, free(prefix + "-secadmin"), "安全管理员",
                Role.SECURITY_ADMIN);
        FirstAccount auditor = account(agency, office, free(prefix + "-auditor"), "安全审计员", Role.AUDITOR);
        events.publishEvent(new AgencyCreated(actorAgencyId, agency.getId(), agency.getCode(),
                describe(agency) + ", administrators=" + admin.account().getUsername() + ", "
                        + security.account().getUsername() + ", " + auditor.account().getUsername()));
        for (FirstAccount a : List.of(admin, security, auditor)) {
            events.publishEvent(new UserAccountChanged(agency.getId(), a.account().getId(),
                    a.account().getUsername(), "USER_CREATED", null, a.account().describe()));
        }
        return new Created(agency, admin, security, auditor);
    }

    /** An administrator with a one-time password: the holder chooses their own at the first sign-in. */
    private FirstAccount account(Agency agency, Department office, String username, String displayName, Role role) {
        String password = Administration.randomPassword();
        UserAccount account = new UserAccount(agency.getId(), office.getId(), username, displayName,
                encoder.encode(password), null, Set.of(role));
        account.assignPassword(account.getPasswordHash());
        return new FirstAccount(users.save(account), password);
    }

    /** The user name, or with a number after it when an account already has it. */
    private String free(String base) {
        String name = base;
        for (int n = 2; users.existsByUsername(name); n++) {
            name = base + n;
        }
        return name;
    }

    /** The codes of the agencies by id, to name each agency's parent. */
    @Transactional(readOnly = true)
    Map<Long, Agency> byId() {
        return agencies.findAllByOrderById().stream().collect(Collectors.toMap(Agency::getId, Function.identity()));
    }

    private static String describe(Agency a) {
        return "code=" + a.getCode() + ", kind=" + a.getKind() + ", " + a.describe();
    }
}
