package cn.gongkai.guide;

/** Where a version of the guide stands. Labels: {@code guide.status.<NAME>}. */
public enum GuideStatus {
    /** 起草中 (also after a leader returned it) */
    DRAFT,
    /** 待领导审批 */
    SUBMITTED,
    /** 领导已批准，待发布 */
    APPROVED,
    /** 已发布 */
    PUBLISHED
}
