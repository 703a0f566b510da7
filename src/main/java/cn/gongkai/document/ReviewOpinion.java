package cn.gongkai.document;

/** The confidentiality reviewer's conclusion (保密审查制度 十一). */
public enum ReviewOpinion {
    PROACTIVE, ON_REQUEST, EXEMPT,
    /** 需报审: the secrecy level is unclear; the secrecy bureau decides (保密 九). */
    ESCALATE
}
