package cn.gongkai.org;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * 三权分立: the system, security and audit administrators are three different people, and none of them does
 * disclosure work; nor does the platform administrator, who holds no other role either. Content roles combine freely
 * with each other.
 */
final class RoleCombination {

    /** Two roles that one account may not hold together. */
    record Conflict(Role first, Role second) {
    }

    private RoleCombination() {
    }

    /** The first forbidden pair in {@code roles} (in the enum's order), or empty when the set is allowed. */
    static Optional<Conflict> conflict(Set<Role> roles) {
        Set<Role> sorted = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        for (Role administrator : Role.EXCLUSIVE) {
            if (!sorted.contains(administrator)) {
                continue;
            }
            for (Role other : sorted) {
                if (other != administrator) {
                    // Name the administrator role second when the other is a content role, as 系统管理员 reads best
                    // after the work it excludes; between two administrators, keep the enum order.
                    return Optional.of(other.compareTo(administrator) < 0 ? new Conflict(other, administrator)
                            : new Conflict(administrator, other));
                }
            }
        }
        return Optional.empty();
    }
}
