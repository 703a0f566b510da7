package cn.gongkai.document;

public enum Decision {
    APPROVED, RETURNED
}
