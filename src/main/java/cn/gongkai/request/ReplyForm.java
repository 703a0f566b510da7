package cn.gongkai.request;

/**
 * 答复形式: how a reply letter answers, each form tied to the article it rests on. The first seven are the
 * Regulations' Art. 36 (一)–(七); the others are the replies other articles decide (statutes.md, "Reply forms and the
 * articles behind each outcome"). Which forms an outcome may carry and what each letter cites is the policy in
 * {@link ReplyForms} and {@link Citations}. The constant names are part of the API ({@code replyForm} of the
 * {@code reply} action).
 */
public enum ReplyForm {
    /** Art. 36 (一) 已经主动公开的，告知获取的方式和途径 (予以公开). */
    ALREADY_PUBLIC,
    /** Art. 36 (二) 可以公开的，提供或告知获取的方式、途径和时间 (予以公开; with Art. 37, 部分公开). */
    DISCLOSE,
    /** Art. 36 (三) 不予公开的，告知并说明理由 (不予公开 1–7, with the withholding article). */
    REFUSE,
    /** Art. 36 (四) 经检索没有所申请公开信息的，告知该政府信息不存在 (无法提供-1). */
    NOT_EXIST,
    /** Art. 36 (五) 不属于本机关负责公开的，告知并说明理由，能确定的告知负责机关及其联系方式 (无法提供-1). */
    NOT_RESPONSIBLE,
    /** Art. 36 (六) 重复申请公开相同政府信息的，告知不予重复处理 (不予处理-2). */
    REPEATED,
    /** Art. 36 (七) 法律、行政法规对信息的获取有特别规定的，告知依照其规定办理 (不予公开-8, 行政查询事项). */
    SPECIAL_LAW,
    /** Art. 38: no such information exists; making it would need processing or analysis (无法提供-2). */
    NEEDS_CREATION,
    /** Art. 30: the request is still unclear after the amendment notice (无法提供-3). */
    UNCLEAR_AFTER_AMENDMENT,
    /** Art. 39 para. 1: a petition, complaint or report in the form of a request; not processed (不予处理-1). */
    PETITION,
    /** Art. 39 para. 2: a request for published books, gazettes or periodicals; told where to get them (不予处理-3). */
    PUBLICATION,
    /** Art. 35: volume or frequency clearly beyond reason, the reasons given not reasonable (不予处理-4). */
    EXCESSIVE,
    /** Art. 2 scope: confirming or re-issuing information already obtained is no disclosure request (不予处理-5). */
    CONFIRMATION,
    /** Art. 30: no amendment in time, the request is treated as abandoned (其他处理-1); issued on closing, not drafted. */
    NO_AMENDMENT,
    /** Art. 42 and the fee notice: unpaid in time, not processed further (其他处理-2); issued on closing, not drafted. */
    FEE_UNPAID,
    /** 其他处理-3: the article the office states. */
    OTHER;

    /** Whether a handler may draft a reply of this form for this outcome (see {@link ReplyForms#forms(Outcome)}). */
    public boolean fits(Outcome outcome) {
        return ReplyForms.forms(outcome).contains(this);
    }

    /** Issued by the system when a request is closed unanswered (其他处理 1 and 2), never drafted by a handler. */
    public boolean isClosingNotice() {
        return this == NO_AMENDMENT || this == FEE_UNPAID;
    }
}
