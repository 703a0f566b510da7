package cn.gongkai.document;

/** 密级 (保密审查制度 六.1). Anything but NONE is never published without a recorded 解密. */
public enum SecrecyLevel {
    NONE, CONFIDENTIAL, SECRET, TOP_SECRET
}
