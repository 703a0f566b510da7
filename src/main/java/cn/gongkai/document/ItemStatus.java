package cn.gongkai.document;

public enum ItemStatus {
    /** 草稿: being drafted (or redrafted after a return). */
    DRAFT,
    /** 审核中: at a step of the review chain. */
    IN_REVIEW,
    /** 已退回: returned to the drafter with a reason. */
    RETURNED,
    /** 报审中: waiting for the secrecy bureau's determination. */
    AWAITING_DETERMINATION,
    /** 待发布: every step approved; the office publishes (or files). */
    APPROVED,
    /** 已发布 / 已备案: in the catalog. */
    PUBLISHED
}
