/**
 * Platform: the embedded PostgreSQL, security (form login for the workbench, session or HTTP Basic for the API),
 * the workbench and portal shells (navigation by role, unread count), the zh-CN locale and the JSON error bodies;
 * and, for every module, the privacy scan ({@link cn.gongkai.platform.PrivacyScanner}), personal data encrypted at
 * rest with SM4 ({@link cn.gongkai.platform.PersonalDataCipher}) and masked on screen
 * ({@link cn.gongkai.platform.Masks}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package cn.gongkai.platform;
