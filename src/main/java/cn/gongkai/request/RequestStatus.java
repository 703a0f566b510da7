package cn.gongkai.request;

public enum RequestStatus {
    /** 已受理: waiting for the office to assign it. */
    RECEIVED,
    /** 待补正: the applicant was asked to amend; the clock waits for the amendment. */
    AMENDMENT_REQUESTED,
    /** 办理中: with the department that holds the information. */
    ASSIGNED,
    /** 征求意见中: third party or other agency consulted; the time is not counted. */
    CONSULTING,
    /** 待缴费: a processing fee was notified (Art. 42); the time until payment is not counted. */
    FEE_NOTIFIED,
    /** 答复待审: the department drafted the reply; the office reviews it. */
    REPLY_DRAFTED,
    /** 待领导审批: 不予公开 and 部分公开 replies need the leader's approval. */
    AWAITING_LEADER,
    /** 已答复. */
    REPLIED,
    /** 已办结: delivered, or closed without reply (abandoned). */
    CLOSED
}
