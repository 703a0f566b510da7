package cn.gongkai.interpretation;

/** 解读形式 (三同步 四): how a policy is explained. Labels: {@code interpretation.form.<NAME>}. */
public enum InterpretationForm {
    /** 文字解读 */
    TEXT,
    /** 图解 */
    GRAPHIC,
    /** 音视频 */
    AUDIO_VIDEO,
    /** 专家解读 */
    EXPERT,
    /** 新闻发布会 */
    PRESS_CONFERENCE,
    /** 在线访谈 */
    ONLINE_INTERVIEW
}
