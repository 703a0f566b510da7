package cn.gongkai.org;

/** Five wrong passwords in a row locked an account for 15 minutes. */
public record AccountLocked(Long agencyId, String username, String address) {
}
