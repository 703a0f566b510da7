/**
 * Organisation and access (机关、科室、用户、角色). Publishes {@link cn.gongkai.org.UserAccountChanged} and
 * {@link cn.gongkai.org.DepartmentChanged} for every administrative change; {@link cn.gongkai.org.OrgDirectory}
 * answers who holds which role where; {@link cn.gongkai.org.StaffNames} shows people by name and department.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation and access")
package cn.gongkai.org;
