/**
 * The public portal (门户): home and the sections citizens look for. No login. Also decides which public answers
 * browsers and proxies may keep ({@link cn.gongkai.portal.PublicPageCaching}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package cn.gongkai.portal;
