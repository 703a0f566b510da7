package cn.gongkai.request;

/** 获取信息的方式. */
public enum Delivery {
    PAPER, EMAIL, DISC, PICKUP, ONLINE
}
