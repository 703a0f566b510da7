/**
 * Platform: the embedded PostgreSQL, security (form login for the workbench, session or HTTP Basic for the API),
 * the workbench and portal shells (navigation by role, unread count), the zh-CN locale and the JSON error bodies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package cn.gongkai.platform;
