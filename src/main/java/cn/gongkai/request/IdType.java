package cn.gongkai.request;

public enum IdType {
    RESIDENT_ID, PASSPORT, OTHER
}
