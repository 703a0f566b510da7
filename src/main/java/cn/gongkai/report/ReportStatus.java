package cn.gongkai.report;

/** Where an annual report stands: the office drafts, the leader approves or returns it, the office publishes it. */
public enum ReportStatus {
    /** 编制中 */
    DRAFT,
    /** 待领导审批 */
    SUBMITTED,
    /** 已审批，待发布 */
    APPROVED,
    /** 已公开 */
    PUBLISHED
}
