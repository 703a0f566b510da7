package cn.gongkai.interpretation;

/** 解读途径 (三同步 四、五): where the interpretation is released. Labels: {@code interpretation.channel.<NAME>}. */
public enum InterpretationChannel {
    /** 门户网站 */
    PORTAL,
    /** 政务微博 */
    WEIBO,
    /** 政务微信 */
    WECHAT,
    /** 广播电视 */
    BROADCAST,
    /** 报刊 */
    PRESS
}
