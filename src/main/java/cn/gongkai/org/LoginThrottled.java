package cn.gongkai.org;

/**
 * Too many failed logins: {@code scope} says what is refused for a while: {@code ADDRESS} (every account from that
 * address), {@code ACCOUNT_ADDRESS} (that account from that address) or {@code ACCOUNT} (that account slowed to one
 * attempt per interval from anywhere). {@code agencyId} is null for a name that is no account.
 */
public record LoginThrottled(Long agencyId, String username, String address, String scope, String detail) {
}
