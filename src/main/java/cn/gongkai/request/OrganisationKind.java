package cn.gongkai.request;

/** The annual report's sub-kinds of 法人或其他组织. */
public enum OrganisationKind {
    COMMERCIAL_ENTERPRISE, RESEARCH_INSTITUTION, PUBLIC_INTEREST_ORGANISATION, LAW_SERVICE, OTHER
}
