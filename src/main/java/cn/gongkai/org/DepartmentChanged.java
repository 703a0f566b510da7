package cn.gongkai.org;

/** An administrator created or changed a department. */
public record DepartmentChanged(Long agencyId, Long departmentId, String change, String before, String after) {
}
