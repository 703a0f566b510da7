package cn.gongkai.org;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rules' actors (GLOSSARY.md), and the three administrators of 等保 2.0 三权分立: the system administrator
 * manages accounts, the security administrator manages roles, the audit administrator reads the audit log. An
 * administrator holds no content role, and the three administrator roles exclude each other
 * ({@link RoleCombination}).
 */
public enum Role {
    /** 拟稿人 / 工作人员 */
    STAFF,
    /** 科室负责人 */
    DEPT_HEAD,
    /** 保密审查机构 */
    SECRECY_REVIEWER,
    /** 局办公室（信息公开工作机构） */
    OFFICE,
    /** 分管领导 */
    LEADER,
    /** 政府信息公开领导小组 */
    LEADING_GROUP,
    /** 系统管理员: accounts, departments, calendar, settings; assigns no roles and sees no content. */
    ADMIN,
    /** 安全管理员: assigns and changes the roles of other accounts; creates none and reads no audit log. */
    SECURITY_ADMIN,
    /** 安全审计员: reads, filters, exports and verifies the audit log; nothing else. */
    AUDITOR,
    /**
     * 平台管理员: on a city's platform, creates agencies and each agency's first system administrator; sees no
     * agency's content and holds no other role.
     */
    PLATFORM_ADMIN;

    /** The three administrator roles of 三权分立; none may be combined with another role. */
    public static final Set<Role> ADMINISTRATORS = EnumSet.of(ADMIN, SECURITY_ADMIN, AUDITOR);

    public String authority() {
        return "ROLE_" + name();
    }

    /** The roles an account holds alone: the three administrators and the platform administrator. */
    public static final Set<Role> EXCLUSIVE = EnumSet.of(ADMIN, SECURITY_ADMIN, AUDITOR, PLATFORM_ADMIN);

    /** A role that does disclosure work and therefore sees content (items, requests, applicants). */
    public boolean isContent() {
        return !EXCLUSIVE.contains(this);
    }

    /** Whether any of {@code roles} does disclosure work; an administrator's account sees no content. */
    public static boolean anyContent(Collection<Role> roles) {
        return roles.stream().anyMatch(Role::isContent);
    }
}
