package cn.gongkai.document;

import cn.gongkai.org.Role;
import java.util.Arrays;
import java.util.List;

/**
 * The ordered review steps before the office publishes (保密审查制度 七; 目录 三、七; 发布 四). Default:
 * 科室负责人 → 保密审查机构 → 分管领导. Configurable per agency as an ordered list of roles.
 */
record ReviewChain(List<Role> steps) {

    static final List<Role> ALLOWED = List.of(Role.DEPT_HEAD, Role.SECRECY_REVIEWER, Role.LEADER, Role.OFFICE,
            Role.LEADING_GROUP);
    static final ReviewChain DEFAULT = new ReviewChain(List.of(Role.DEPT_HEAD, Role.SECRECY_REVIEWER, Role.LEADER));

    ReviewChain {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a review chain needs at least one step");
        }
        if (!steps.contains(Role.SECRECY_REVIEWER)) {
            // 保密审查制度 三: 先审查、后公开 — no chain may skip the confidentiality review.
            throw new IllegalArgumentException("the review chain must include the confidentiality review");
        }
        if (!ALLOWED.containsAll(steps)) {
            throw new IllegalArgumentException("review steps must be reviewing roles: " + steps);
        }
        steps = List.copyOf(steps);
    }

    static ReviewChain parse(String csv) {
        return new ReviewChain(Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Role::valueOf).toList());
    }

    String format() {
        return String.join(",", steps.stream().map(Enum::name).toList());
    }

    Role roleAt(int step) {
        return steps.get(step);
    }

    boolean isLast(int step) {
        return step == steps.size() - 1;
    }

    int size() {
        return steps.size();
    }
}
