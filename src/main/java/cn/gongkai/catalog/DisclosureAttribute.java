package cn.gongkai.catalog;

/** 公开属性 (目录 六): decided at drafting (同步自审), confirmed in review. */
public enum DisclosureAttribute {
    /** 主动公开: published on the portal. */
    PROACTIVE,
    /** 依申请公开: catalogued internally and filed, given on request. */
    ON_REQUEST,
    /** 免予公开: catalogued internally and filed, never public. */
    EXEMPT
}
