package cn.gongkai.org;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start. In demo mode: the demo agency with its departments and one user per role (password Gongkai@2026).
 * Outside demo mode: refuses to run while any account still has the demo password, and on an empty database
 * creates one administrator whose password comes from GONGKAI_ADMIN_PASSWORD or is printed once.
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

    OrgSetup(Agencies agencies, Departments departments, UserAccounts users, PasswordEncoder encoder,
            @Value("${gongkai.demo:false}") boolean demo,
            @Value("${gongkai.bootstrap.admin-password:}") String adminPassword,
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
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (demo) {
            if (agencies.findByCode(DemoAgency.CODE).isEmpty()) {
                seedDemo();
            }
            return;
        }
        refuseDemoPasswords();
        if (users.count() == 0) {
            bootstrapAdministrator();
        }
    }

    private void refuseDemoPasswords() {
        for (UserAccount account : users.findAll()) {
            if (encoder.matches(PasswordPolicy.DEMO_PASSWORD, account.getPasswordHash())) {
                throw new IllegalStateException("Account '" + account.getUsername()
                        + "' still has the demo password. Gongkai refuses to start outside demo mode with a demo "
                        + "password: change it in demo mode, or start with the 'demo' profile.");
            }
        }
    }

    private void bootstrapAdministrator() {
        Agency agency = agencies.findByCode(agencyCode)
                .orElseGet(() -> agencies.save(new Agency(agencyCode, agencyName, AgencyKind.AGENCY, organisationCode)));
        Department office = departments.save(new Department(agency.getId(), "局办公室", 0));
        String password = adminPassword;
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = Administration.randomPassword();
        } else if (!PasswordPolicy.load(false).acceptable(password, "admin")) {
            throw new IllegalStateException("GONGKAI_ADMIN_PASSWORD must have at least 10 characters with three of "
                    + "upper case, lower case, digits and symbols, must not contain the username, must not be a common "
                    + "password and must not be the demo password.");
        }
        UserAccount admin = new UserAccount(agency.getId(), office.getId(), "admin", "系统管理员", encoder.encode(password),
                null, EnumSet.of(Role.ADMIN));
        if (generated) {
            admin.assignPassword(admin.getPasswordHash()); // a one-time password: changed at first login
        }
        users.save(admin);
        if (generated) {
            // Printed once, on purpose: the only copy of the first administrator's password.
            System.out.println("\n=== Gongkai: first administrator 'admin' created. One-time password: " + password
                    + " — sign in and change it. ===\n");
        }
        log.info("Created the first administrator 'admin' for agency {}", agency.getName());
    }

    private void seedDemo() {
        Agency agency = agencies.save(new Agency(DemoAgency.CODE, DemoAgency.NAME, AgencyKind.AGENCY,
                DemoAgency.ORGANISATION_CODE));
        Long a = agency.getId();
        Department office = departments.save(new Department(a, "局办公室", 0));
        Department secrecy = departments.save(new Department(a, "保密审查办公室", 1));
        Department planning = departments.save(new Department(a, "综合规划科", 2));
        Department transport = departments.save(new Department(a, "运输管理科", 3));
        Department roads = departments.save(new Department(a, "公路建设科", 4));
        String hash = encoder.encode(PasswordPolicy.DEMO_PASSWORD);
        List<Object[]> demoUsers = List.of(
                new Object[] {"admin", "王管理", office, Role.ADMIN},
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

    /** The demo agency. */
    static final class DemoAgency {
        static final String CODE = "SJTJ";
        static final String NAME = "示例市交通运输局";
        static final String ORGANISATION_CODE = "000014349";

        private DemoAgency() {
        }
    }
}
