package cn.gongkai.coordination;

/** The disclosure authority's decision on a disputed coordination (协调 二): it binds both agencies. */
public enum AuthorityDecision {
    /** 按原稿发布 */
    PUBLISH,
    /** 按统一表述发布 (协调 四) */
    PUBLISH_WITH_WORDING,
    /** 不予发布 */
    DO_NOT_PUBLISH
}
