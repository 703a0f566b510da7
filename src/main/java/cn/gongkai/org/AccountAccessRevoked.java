package cn.gongkai.org;

/**
 * An account's access changed under it (disabled, password reset, roles or department changed, second factor reset):
 * its live sessions must end at once. Published inside the change's transaction.
 */
public record AccountAccessRevoked(Long userId, String username, String reason) {
}
