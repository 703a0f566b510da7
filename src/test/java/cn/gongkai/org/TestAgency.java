package cn.gongkai.org;

import java.util.Set;
import org.springframework.context.ApplicationContext;

/**
 * A fresh agency of its own, for whole-application tests whose figures no other test may touch: departments and
 * accounts are added through {@link Administration}, as an administrator would. Agencies have no creation workflow
 * beyond the first start, so the agency itself is saved as the first start saves one.
 */
public final class TestAgency {

    /** The password of every account created here, chosen by its holder after the administrator's initial one. */
    public static final String PASSWORD = "Fixture2026x";

    /** The initial password the administrator sets; the holder changes it to {@link #PASSWORD} at once. */
    static final String INITIAL_PASSWORD = "Initial2026x";

    private final Administration admin;
    private final Long id;
    private final String code;

    private TestAgency(Administration admin, Long id, String code) {
        this.admin = admin;
        this.id = id;
        this.code = code;
    }

    /** A new agency (kind AGENCY) with a unique code and organisation code; its name carries the code. */
    public static TestAgency create(ApplicationContext context, String name) {
        String code = "T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        String organisationCode = String.format("9%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        Agency agency = context.getBean(Agencies.class)
                .save(new Agency(code, name + code, AgencyKind.AGENCY, organisationCode));
        return new TestAgency(context.getBean(Administration.class), agency.getId(), code);
    }

    public Long id() {
        return id;
    }

    /** A prefix unique to this agency, for user names and department names. */
    public String code() {
        return code;
    }

    /** Adds a department (科室); returns its id. */
    public Long department(String name) {
        return department(name, DepartmentKind.OFFICE_UNIT);
    }

    /** Adds a department of a kind (科室 or 局属单位); returns its id. */
    public Long department(String name, DepartmentKind kind) {
        DepartmentForm form = new DepartmentForm();
        form.setName(name);
        form.setKind(kind);
        return admin.createDepartment(id, form).getId();
    }

    /**
     * Adds an account named {@code code-username} as the agency does: the system administrator creates it, the
     * security administrator gives it its roles, and its holder replaces the initial password by {@link #PASSWORD} (as
     * the forced change at first login makes them); returns the user name.
     */
    public String user(String username, Long departmentId, Role... roles) {
        return user(username, username, departmentId, roles);
    }

    /** Like {@link #user(String, Long, Role...)}, with the person's name (张三) apart from the login name. */
    public String user(String username, String displayName, Long departmentId, Role... roles) {
        UserForm form = new UserForm();
        String name = code.toLowerCase() + "-" + username;
        form.setUsername(name);
        form.setDisplayName(displayName);
        form.setDepartmentId(departmentId);
        form.setPassword(INITIAL_PASSWORD);
        Long userId = admin.createUser(id, form).getId();
        admin.assignRoles(id, userId, Set.of(roles), null);
        admin.changeOwnPassword(userId, INITIAL_PASSWORD, PASSWORD, PASSWORD);
        return name;
    }
}
