package cn.gongkai.catalog;

/** 有效性 shown on the item page. */
public enum Validity {
    VALID, INVALID, REPEALED
}
