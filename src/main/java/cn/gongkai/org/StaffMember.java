package cn.gongkai.org;

import java.util.Set;

/** A staff member as other modules see one. */
public record StaffMember(Long id, String username, String displayName, Long agencyId, Long departmentId, String email,
        Set<Role> roles, boolean enabled) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
