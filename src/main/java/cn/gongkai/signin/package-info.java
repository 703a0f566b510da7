/**
 * Sign-in after the password: the second factor (TOTP, RFC 6238, with one-time recovery codes; the secret encrypted
 * with the personal-data key) and the gate that keeps a session to the pages it may reach until the second factor is
 * verified, a forced password change is done and a required second factor is enrolled. Audited through
 * {@link cn.gongkai.org.UserAccountChanged}; an administrator's reset ends the account's sessions through
 * {@link cn.gongkai.org.AccountAccessRevoked}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sign-in and second factor")
package cn.gongkai.signin;
