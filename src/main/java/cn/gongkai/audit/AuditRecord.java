package cn.gongkai.audit;

/**
 * What happened, to which object, with the values before and after where they apply.
 * {@code agencyId} may be null for events outside any agency (a failed login of an unknown name).
 */
public record AuditRecord(Long agencyId, String action, String objectType, String objectId, String detail,
        String before, String after) {

    public static AuditRecord of(Long agencyId, String action, String objectType, Object objectId, String detail) {
        return new AuditRecord(agencyId, action, objectType, objectId == null ? null : String.valueOf(objectId), detail,
                null, null);
    }

    public AuditRecord withChange(String before, String after) {
        return new AuditRecord(agencyId, action, objectType, objectId, detail, before, after);
    }
}
