package cn.gongkai.request;

/** 申请人: 自然人 or 法人或其他组织. */
public enum ApplicantKind {
    PERSON, ORGANISATION
}
