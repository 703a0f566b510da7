package cn.gongkai.bench;

import java.util.List;

/**
 * Searches labelled by hand with the entry a visitor expects first. On generated data, the twenty planted entries
 * ({@link PlantedEntries}), each expected by its exact title. On the demo data, twenty searches for the demo content's
 * documents ({@code document.DemoItems}), each expected by a part of the title: the demo publishes most subjects
 * twice (once as is, once prefixed with the year it was formed, e.g. 2026年春运期间道路客运组织工作), and either one
 * counts as the expected entry.
 */
final class RelevanceSet {

    /** A search and the title (exact, or a part of it) of the entry expected first. */
    record Labelled(String query, String expected, boolean exactTitle) {
    }

    private RelevanceSet() {
    }

    static List<Labelled> generated() {
        return PlantedEntries.ALL.stream().map(p -> new Labelled(p.query(), p.title(), true)).toList();
    }

    static List<Labelled> demo() {
        return List.of(
                new Labelled("公交线网优化", "城市公共交通线网优化调整方案", false),
                new Labelled("道路运输企业 安全生产检查", "道路运输企业安全生产检查情况", false),
                new Labelled("部门预算", "交通运输部门预算", false),
                new Labelled("出租汽车经营权 有偿使用", "出租汽车经营权有偿使用管理办法", false),
                new Labelled("农村公路养护工程 招标结果", "农村公路养护工程招标结果", false),
                new Labelled("网约车驾驶员证", "网络预约出租汽车驾驶员证核发", false),
                new Labelled("超限运输车辆", "超限运输车辆行驶公路管理", false),
                new Labelled("执法队伍 招录", "交通运输综合执法队伍招录公告", false),
                new Labelled("春运 道路客运", "春运期间道路客运组织工作", false),
                new Labelled("国省干线 路面改造", "国省干线公路路面改造工程进展", false),
                new Labelled("十五五 发展规划", "交通运输“十五五”发展规划", false),
                new Labelled("公路水运工程 质量监督", "公路水运工程质量监督统计", false),
                new Labelled("客运班线 办理指南", "道路客运班线经营许可办理指南", false),
                new Labelled("轨道交通 应急预案", "城市轨道交通运营突发事件应急预案", false),
                new Labelled("机动车维修 备案", "机动车维修经营备案管理规定", false),
                new Labelled("行政事业性收费", "交通运输行政事业性收费项目目录", false),
                new Labelled("公共汽车客运管理办法", "示例市城市公共汽车客运管理办法", false),
                new Labelled("驾驶员诚信考核", "道路运输驾驶员诚信考核实施细则", false),
                new Labelled("行政处罚裁量基准", "交通运输行政处罚裁量基准", false),
                new Labelled("无证经营 处罚决定", "某物流公司无证经营行政处罚决定", false));
    }
}
