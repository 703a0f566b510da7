package cn.gongkai.org;

/** An administrator created or changed an account (roles, department, password reset, enabled). */
public record UserAccountChanged(Long agencyId, Long userId, String username, String change, String before,
        String after) {
}
