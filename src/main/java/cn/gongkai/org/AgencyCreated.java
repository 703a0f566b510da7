package cn.gongkai.org;

/**
 * The platform administrator created an agency ({@code agencyId}) with its first system administrator. Recorded in
 * the audit log of the platform administrator's own agency ({@code actorAgencyId}) and of the new one.
 */
public record AgencyCreated(Long actorAgencyId, Long agencyId, String code, String description) {
}
