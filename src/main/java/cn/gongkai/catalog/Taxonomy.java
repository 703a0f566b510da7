package cn.gongkai.catalog;

import java.util.List;

/** Catalog classifications: 主题分类 as in the central government's policy library, and 体裁分类. */
public final class Taxonomy {

    /** The 22 topic classes (statutes.md), in their official order. */
    public static final List<String> TOPICS = List.of("国务院组织机构", "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计",
            "国土资源、能源", "农业、林业、水利", "工业、交通", "商贸、海关、旅游", "市场监管、安全生产监管", "城乡建设、环境保护", "科技、教育",
            "文化、广电、新闻出版", "卫生、体育", "人口与计划生育、妇女儿童工作", "劳动、人事、监察", "公安、安全、司法", "民政、扶贫、救灾", "民族、宗教",
            "对外事务", "港澳台侨工作", "国防", "其他");

    /** 体裁分类. 规章 and 行政规范性文件 are counted in the annual report's table 二; 政策解读 is an interpretation material. */
    public static final List<String> GENRES = List.of("通知", "公告", "通告", "意见", "办法", "规章", "行政规范性文件", "规划",
            "计划", "总结", "报告", "统计信息", "财政预决算", "行政许可", "行政处罚", "行政强制", "行政事业性收费", "人事信息", "政府采购",
            "应急管理", "政策解读", "其他");

    private Taxonomy() {
    }
}
