/** The public portal (门户): home and the sections citizens look for. No login. */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package cn.gongkai.portal;
