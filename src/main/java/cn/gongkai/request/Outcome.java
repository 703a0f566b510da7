package cn.gongkai.request;

/**
 * 办理结果: the annual report's categories (statutes.md), every closed request has exactly one. The labels shown are
 * in the message bundle under {@code request.outcome.*}, exactly as the template writes them.
 */
public enum Outcome {
    DISCLOSED(Category.DISCLOSED),
    PARTIAL(Category.PARTIAL),
    REFUSED_STATE_SECRET(Category.REFUSED),
    REFUSED_LAW(Category.REFUSED),
    REFUSED_THREE_SECURITY(Category.REFUSED),
    REFUSED_THIRD_PARTY(Category.REFUSED),
    REFUSED_INTERNAL(Category.REFUSED),
    REFUSED_PROCESS(Category.REFUSED),
    REFUSED_ENFORCEMENT(Category.REFUSED),
    REFUSED_INQUIRY(Category.REFUSED),
    UNABLE_NOT_HELD(Category.UNABLE),
    UNABLE_NEEDS_CREATION(Category.UNABLE),
    UNABLE_UNCLEAR(Category.UNABLE),
    NOT_PROCESSED_PETITION(Category.NOT_PROCESSED),
    NOT_PROCESSED_DUPLICATE(Category.NOT_PROCESSED),
    NOT_PROCESSED_PUBLICATION(Category.NOT_PROCESSED),
    NOT_PROCESSED_EXCESSIVE(Category.NOT_PROCESSED),
    NOT_PROCESSED_CONFIRMATION(Category.NOT_PROCESSED),
    OTHER_NO_AMENDMENT(Category.OTHER),
    OTHER_FEE_UNPAID(Category.OTHER),
    OTHER(Category.OTHER);

    /** The six groups (一)…(六) of the annual report's table 三. */
    public enum Category {
        DISCLOSED, PARTIAL, REFUSED, UNABLE, NOT_PROCESSED, OTHER
    }

    private final Category category;

    Outcome(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }

    /** 不予公开 and 部分公开 need the leader's approval before the reply goes out. */
    public boolean needsLeader() {
        return category == Category.REFUSED || category == Category.PARTIAL;
    }
}
