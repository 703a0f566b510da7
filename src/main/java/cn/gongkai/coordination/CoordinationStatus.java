package cn.gongkai.coordination;

/** Where a coordination stands. */
public enum CoordinationStatus {
    /** 待答复: sent, waiting for the other agency's written answer. */
    OPEN,
    /** 同意: the other agency confirms the item as it is. */
    AGREED,
    /** 同意（统一表述）: it agrees with the wording it gives (协调 四), which the drafter adopts. */
    AGREED_WITH_WORDING,
    /** 有异议，报主管部门协调: it disagrees; the disclosure authority decides (协调 二). */
    DISPUTED,
    /** 主管部门已协调: the authority's decision binds both agencies. */
    DECIDED;

    /** Whether the item must wait: nothing is published while a coordination is open or disputed. */
    public boolean pending() {
        return this == OPEN || this == DISPUTED;
    }
}
