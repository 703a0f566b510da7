package cn.gongkai.org;

/** The rules' actors (GLOSSARY.md). */
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
    /** 系统管理员: users, calendar, settings; sees no content by default. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
