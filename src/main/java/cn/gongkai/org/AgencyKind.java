package cn.gongkai.org;

public enum AgencyKind {
    /** 机关 */
    AGENCY,
    /** 市政府信息公开工作主管部门 */
    DISCLOSURE_AUTHORITY,
    /** 保密工作部门 */
    SECRECY_BUREAU
}
