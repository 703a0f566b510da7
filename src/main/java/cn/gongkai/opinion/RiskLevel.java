package cn.gongkai.opinion;

/** 舆情 风险等级 (舆情 三.二): 一般, 较大, 重大, 特别重大. */
public enum RiskLevel {
    GENERAL, SIGNIFICANT, MAJOR, ESPECIALLY_MAJOR;

    /** 重大 and 特别重大 start the 1-hour report to the leaders (舆情 五) and the 5- and 24-hour clocks. */
    boolean major() {
        return this == MAJOR || this == ESPECIALLY_MAJOR;
    }
}
