package cn.gongkai.org;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start. In demo mode: the demo agency with its departments and one user per role (password Gongkai@2026).
 * Outside demo mode: refuses to run while any account still has the demo password, and on an empty database
 * creates the three administrators of 三权分立 (系统管理员 'admin', 安全管理员 'secadmin', 安全审计员 'auditor')
 * whose passwords come from GONGKAI_ADMIN_PASSWORD, GONGKAI_SECURITY_ADMIN_PASSWORD and GONGKAI_AUDITOR_PASSWORD or
 * are printed once. An agency that has accounts but lacks one of the three (an install from before separation of
 * duties) gets a new account for the missing one, its one-time password printed: no existing account is ever given
 * a role it did not have.
 */
@Component
@Order(0)
class OrgSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrgSetup.class);

    private final Agencies agencies;
    private final Departments departments;
    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final boolean demo;
    private final String adminPassword;
    private final String agencyName;
    private final String agencyCode;
    private final String organisationCode;
    private final String securityAdminPassword;
    private final String auditorPassword;
    private final ApplicationEventPublisher events;
    private final Administration administration;
    private final String resetPassword;

    OrgSetup(Agencies agencies, Departments departments, UserAccounts users, PasswordEncoder encoder,
            ApplicationEventPublisher events, Administration administration,
            @Value("${gongkai.bootstrap.reset-password:}") String resetPassword,
            @Value("${gongkai.demo:false}") boolean demo,
            @Value("${gongkai.bootstrap.admin-password:}") String adminPassword,
            @Value("${gongkai.bootstrap.security-admin-password:}") String securityAdminPassword,
            @Value("${gongkai.bootstrap.auditor-password:}") String auditorPassword,
            @Value("${gongkai.bootstrap.agency-name:本机关}") String agencyName,
            @Value("${gongkai.bootstrap.agency-code:AGENCY}") String agencyCode,
            @Value("${gongkai.bootstrap.organisation-code:000000000}") String organisationCode) {
        this.agencies = agencies;
        this.departments = departments;
        this.users = users;
        this.encoder = encoder;
        this.demo = demo;
        this.adminPassword = adminPassword;
        this.agencyName = agencyName;
        this.agencyCode = agencyCode;
        this.organisationCode = organisationCode;
        this.securityAdminPassword = securityAdminPassword;
        this.auditorPassword = auditorPassword;
        this.events = events;
        this.administration = administration;
        this.resetPassword = resetPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (demo) {
            if (agencies.findByCode(DemoAgency.CODE).isEmpty()) {
                seedDemo();
            } else {
                addDemoAdministrators();
            }
            addDemoCity();
            return;
        }
        refuseDemoPasswords();
        if (users.count() == 0) {
            bootstrapAdministrator();
        }
        completeSeparationOfDuties();
        resetAtServer();
    }

    /**
     * {@code --gongkai.bootstrap.reset-password=<username>}: the operator's way to reset a password the system
     * administrator may not (the security administrator's, the auditor's) or that nobody is left to reset. The
     * one-time password is printed once, the reset audited; remove the argument before the next start.
     */
    private void resetAtServer() {
        if (resetPassword == null || resetPassword.isBlank()) {
            return;
        }
        String password = administration.resetAtServer(resetPassword.strip());
        System.out.println("\n=== Gongkai: the password of '" + resetPassword.strip() + "' was reset at the server. "
                + "One-time password: " + password + " — sign in and change it. ===\n");
        log.warn("Password of '{}' reset at the server (gongkai.bootstrap.reset-password); remove the setting",
                resetPassword.strip());
    }

    private void refuseDemoPasswords() {
        for (UserAccount account : users.findAll()) {
            if (encoder.matches(PasswordPolicy.DEMO_PASSWORD, account.getPasswordHash())) {
                throw new StartupRefused("Account '" + account.getUsername()
                        + "' still has the demo password. Gongkai refuses to start outside demo mode with a demo "
                        + "password.", "Change it in demo mode, or start with the 'demo' profile.");
            }
        }
    }

    private void bootstrapAdministrator() {
        Agency agency = agencies.findByCode(agencyCode)
                .orElseGet(() -> agencies.save(new Agency(agencyCode, agencyName, AgencyKind.AGENCY, organisationCode)));
        Department office = departments.save(new Department(agency.getId(), "局办公室", 0));
        createAdministrator(agency, office, Role.ADMIN, "admin", "系统管理员", adminPassword,
                "GONGKAI_ADMIN_PASSWORD");
        createAdministrator(agency, office, Role.SECURITY_ADMIN, "secadmin", "安全管理员", securityAdminPassword,
                "GONGKAI_SECURITY_ADMIN_PASSWORD");
        createAdministrator(agency, office, Role.AUDITOR, "auditor", "安全审计员", auditorPassword,
                "GONGKAI_AUDITOR_PASSWORD");
    }

    /**
     * 三权分立 on an install from before it: every agency with accounts has a system, a security and an audit
     * administrator. A missing one is a new account (never a role added to an existing one), in the agency's first
     * department, with a one-time password printed once.
     */
    private void completeSeparationOfDuties() {
        for (Agency agency : agencies.findAllByOrderById()) {
            List<UserAccount> accounts = users.findByAgencyIdOrderByDepartmentIdAscUsernameAsc(agency.getId());
            List<Department> own = departments.findByAgencyIdOrderBySortOrderAscIdAsc(agency.getId());
            if (accounts.isEmpty() || own.isEmpty()) {
                continue;
            }
            for (Role role : Role.ADMINISTRATORS) {
                if (accounts.stream().noneMatch(a -> a.getRoles().contains(role))) {
                    String base = switch (role) {
                        case ADMIN -> "admin";
                        case SECURITY_ADMIN -> "secadmin";
                        default -> "auditor";
                    };
                    String label = switch (role) {
                        case ADMIN -> "系统管理员";
                        case SECURITY_ADMIN -> "安全管理员";
                        default -> "安全审计员";
                    };
                    createAdministrator(agency, own.get(0), role, freeUsername(base, agency), label, null, null);
                }
            }
        }
    }

    private String freeUsername(String base, Agency agency) {
        String name = base;
        if (users.existsByUsername(name)) {
            name = base + "-" + agency.getCode().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]", "");
        }
        if (users.existsByUsername(name)) {
            name = base + "-" + agency.getId();
        }
        return name;
    }

    private void createAdministrator(Agency agency, Department department, Role role, String username,
            String displayName, String configuredPassword, String variable) {
        String password = configuredPassword;
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = Administration.randomPassword();
        } else if (!PasswordPolicy.load(false).acceptable(password, username)) {
            throw new StartupRefused(variable + " is too weak for the first " + displayName + ".", "Set " + variable
                    + " to a password of at least 10 characters with three of upper case, lower case, digits and "
                    + "symbols, not containing the username '" + username + "', not a common password and not the "
                    + "demo password; or leave it unset to have a one-time password printed.");
        }
        UserAccount account = new UserAccount(agency.getId(), department.getId(), username, displayName,
                encoder.encode(password), null, EnumSet.of(role));
        if (generated) {
            account.assignPassword(account.getPasswordHash()); // a one-time password: changed at first login
        }
        account = users.save(account);
        events.publishEvent(new UserAccountChanged(agency.getId(), account.getId(), username, "USER_CREATED", null,
                account.describe()));
        if (generated) {
            // Printed once, on purpose: the only copy of this administrator's password.
            System.out.println("\n=== Gongkai: " + displayName + " '" + username + "' created. One-time password: "
                    + password + " — sign in and change it. ===\n");
        }
        log.info("Created the {} '{}' ({}) for agency {}", displayName, username, role, agency.getName());
    }

    private void seedDemo() {
        Agency demoAgency = new Agency(DemoAgency.CODE, DemoAgency.NAME, AgencyKind.AGENCY,
                DemoAgency.ORGANISATION_CODE);
        demoAgency.contacts(new Agency.Contacts("示例市人民路 88 号市交通运输局一楼政府信息公开受理窗口",
                "周一至周五（法定节假日除外）上午 9:00—12:00，下午 13:30—17:30", "0000-12345678", "0000-12345679",
                "gongkai@demo.gongkai.cn", "100000"));
        Agency agency = agencies.save(demoAgency);
        Long a = agency.getId();
        Department office = departments.save(new Department(a, "局办公室", 0));
        Department secrecy = departments.save(new Department(a, "保密审查办公室", 1));
        Department planning = departments.save(new Department(a, "综合规划科", 2));
        Department transport = departments.save(new Department(a, "运输管理科", 3));
        Department roads = departments.save(new Department(a, "公路建设科", 4));
        String hash = encoder.encode(PasswordPolicy.DEMO_PASSWORD);
        List<Object[]> demoUsers = List.of(
                new Object[] {"admin", "王管理", office, Role.ADMIN},
                new Object[] {"secadmin", "钱安全", office, Role.SECURITY_ADMIN},
                new Object[] {"auditor", "林审计", office, Role.AUDITOR},
                new Object[] {"office", "李公开", office, Role.OFFICE},
                new Object[] {"secrecy", "赵保密", secrecy, Role.SECRECY_REVIEWER},
                new Object[] {"leader", "陈局长", office, Role.LEADER},
                new Object[] {"group", "周组长", office, Role.LEADING_GROUP},
                new Object[] {"depthead", "孙科长", planning, Role.DEPT_HEAD},
                new Object[] {"staff", "吴科员", planning, Role.STAFF},
                // Heads and staff of the other two departments, so that the demo catalog spans departments.
                new Object[] {"yunshu-head", "郑科长", transport, Role.DEPT_HEAD},
                new Object[] {"yunshu", "冯科员", transport, Role.STAFF},
                new Object[] {"gonglu-head", "韩科长", roads, Role.DEPT_HEAD},
                new Object[] {"gonglu", "杨科员", roads, Role.STAFF});
        for (Object[] u : demoUsers) {
            users.save(new UserAccount(a, ((Department) u[2]).getId(), (String) u[0], (String) u[1], hash,
                    u[0] + "@demo.gongkai.cn", Set.of((Role) u[3])));
        }
        // A second agency, so that scoping is visible in the demo as in the tests.
        Agency bureau = agencies.save(new Agency("SMBJ", "示例市国家保密局", AgencyKind.SECRECY_BUREAU, "000014350"));
        departments.save(new Department(bureau.getId(), "定密管理处", 0));
        log.info("Demo data: agency {} with {} demo users (password {})", agency.getName(), demoUsers.size(),
                PasswordPolicy.DEMO_PASSWORD);
    }

    /** A demo database seeded before 三权分立 gains the demo security and audit administrators. */
    private void addDemoAdministrators() {
        Agency agency = agencies.findByCode(DemoAgency.CODE).orElseThrow();
        Department office = departments.findByAgencyIdOrderBySortOrderAscIdAsc(agency.getId()).get(0);
        // bcrypt only when an account is missing: not at every start of the demo.
        if (!users.existsByUsername("secadmin")) {
            users.save(new UserAccount(agency.getId(), office.getId(), "secadmin", "钱安全",
                    encoder.encode(PasswordPolicy.DEMO_PASSWORD), "secadmin@demo.gongkai.cn",
                    Set.of(Role.SECURITY_ADMIN)));
        }
        if (!users.existsByUsername("auditor")) {
            users.save(new UserAccount(agency.getId(), office.getId(), "auditor", "林审计",
                    encoder.encode(PasswordPolicy.DEMO_PASSWORD), "auditor@demo.gongkai.cn", Set.of(Role.AUDITOR)));
        }
    }

    /**
     * 示例市: the city's disclosure authority with the platform administrator, and two more bureaus beside the transport
     * bureau, each with its departments and its office (issue 14). Added to a demo database from before it too; the
     * transport bureau itself is unchanged but for answering to the authority.
     */
    private void addDemoCity() {
        if (agencies.findByCode(DemoCity.AUTHORITY_CODE).isPresent()) {
            addBureauStaff();
            return;
        }
        Agency authority = agencies.save(new Agency(DemoCity.AUTHORITY_CODE, "示例市人民政府办公室",
                AgencyKind.DISCLOSURE_AUTHORITY, "000014351", IndexNumberPattern.DEFAULT_TEXT, null));
        Department disclosure = departments.save(new Department(authority.getId(), "政务公开办公室", 0));
        departments.save(new Department(authority.getId(), "秘书科", 1));
        Agency land = agencies.save(new Agency("ZRZY", "示例市自然资源和规划局", AgencyKind.AGENCY, "000014352",
                IndexNumberPattern.DEFAULT_TEXT, authority.getId()));
        Department landOffice = departments.save(new Department(land.getId(), "局办公室", 0));
        departments.save(new Department(land.getId(), "国土空间规划科", 1));
        departments.save(new Department(land.getId(), "自然资源调查监测科", 2));
        Agency market = agencies.save(new Agency("SCJG", "示例市市场监督管理局", AgencyKind.AGENCY, "000014353",
                IndexNumberPattern.DEFAULT_TEXT, authority.getId()));
        Department marketOffice = departments.save(new Department(market.getId(), "局办公室", 0));
        departments.save(new Department(market.getId(), "食品安全抽检监测科", 1));
        departments.save(new Department(market.getId(), "价格监督检查科", 2));
        agencies.findByCode(DemoAgency.CODE).ifPresent(transport -> transport.answerTo(authority.getId()));
        String hash = encoder.encode(PasswordPolicy.DEMO_PASSWORD);
        List<Object[]> accounts = List.of(
                new Object[] {authority, disclosure, "platform", "蒋平台", Role.PLATFORM_ADMIN},
                new Object[] {authority, disclosure, "city-office", "沈公开", Role.OFFICE},
                new Object[] {land, landOffice, "zrzy-office", "韦公开", Role.OFFICE},
                new Object[] {market, marketOffice, "scjg-office", "葛公开", Role.OFFICE});
        for (Object[] a : accounts) {
            if (!users.existsByUsername((String) a[2])) {
                users.save(new UserAccount(((Agency) a[0]).getId(), ((Department) a[1]).getId(), (String) a[2],
                        (String) a[3], hash, a[2] + "@demo.gongkai.cn", Set.of((Role) a[4])));
            }
        }
        addBureauStaff();
        log.info("Demo city: {}, {} and {} under {}", DemoAgency.NAME, land.getName(), market.getName(),
                authority.getName());
    }

    /**
     * The land and market bureaus' drafters and reviewers (科员, 科室负责人, 保密审查员, 分管领导), so that their demo
     * items go through their own review chains. Added to a demo city from before them too.
     */
    private void addBureauStaff() {
        String hash = encoder.encode(PasswordPolicy.DEMO_PASSWORD);
        // The secrecy bureau's reviewer, who answers the agencies' 报审 in the workbench (保密审查制度 九、十二).
        agencies.findByCode("SMBJ").filter(b -> !users.existsByUsername("smbj-reviewer")).ifPresent(b -> users.save(
                new UserAccount(b.getId(), departments.findByAgencyIdOrderBySortOrderAscIdAsc(b.getId()).getFirst()
                        .getId(), "smbj-reviewer", "许定密", hash, "smbj-reviewer@demo.gongkai.cn",
                        Set.of(Role.SECRECY_REVIEWER))));
        Object[][] bureaus = {
            {"ZRZY", "zrzy", "国土空间规划科", new String[] {"邬规划", "龚科长", "严保密", "潘局长"}},
            {"SCJG", "scjg", "食品安全抽检监测科", new String[] {"俞抽检", "鲍科长", "史保密", "柏局长"}}};
        for (Object[] b : bureaus) {
            Agency agency = agencies.findByCode((String) b[0]).orElse(null);
            if (agency == null || users.existsByUsername(b[1] + "-staff")) {
                continue;
            }
            List<Department> depts = departments.findByAgencyIdOrderBySortOrderAscIdAsc(agency.getId());
            Department office = depts.getFirst();
            Department desk = depts.stream().filter(d -> d.getName().equals(b[2])).findFirst().orElse(office);
            String[] names = (String[]) b[3];
            Object[][] people = {{"-staff", desk, Role.STAFF}, {"-head", desk, Role.DEPT_HEAD},
                {"-secrecy", office, Role.SECRECY_REVIEWER}, {"-leader", office, Role.LEADER}};
            for (int i = 0; i < people.length; i++) {
                String username = b[1] + (String) people[i][0];
                users.save(new UserAccount(agency.getId(), ((Department) people[i][1]).getId(), username, names[i],
                        hash, username + "@demo.gongkai.cn", Set.of((Role) people[i][2])));
            }
        }
    }

    /** The demo city's authority. */
    static final class DemoCity {
        static final String AUTHORITY_CODE = "SZFB";

        private DemoCity() {
        }
    }

    /** The demo agency. */
    static final class DemoAgency {
        static final String CODE = "SJTJ";
        static final String NAME = "示例市交通运输局";
        static final String ORGANISATION_CODE = "000014349";

        private DemoAgency() {
        }
    }
}
