package cn.gongkai.opinion;

/** Where an event was found (舆情 三.一): 门户网站, 政务微博, 政务微信, 网络问政, 96128 热线, 新闻媒体, 论坛/社区, 其他. */
public enum OpinionSource {
    PORTAL, WEIBO, WECHAT, ONLINE_PETITION, HOTLINE, MEDIA, FORUM, OTHER
}
