package cn.gongkai.catalog;

public enum EntryState {
    /** 主动公开, public on the portal. */
    PUBLISHED,
    /** 依申请公开 / 免予公开: catalogued and filed (报备), never public. */
    FILED,
    /** 撤回: no longer public. */
    WITHDRAWN,
    /** 废止: kept public, marked repealed. */
    REPEALED
}
