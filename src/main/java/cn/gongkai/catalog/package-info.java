/**
 * The catalog (公开目录, 信息公开目录管理和备案制度): index numbers, published and filed entries with their version
 * history, withdrawal and repeal, and the public catalog on the portal. Only {@link cn.gongkai.catalog.Catalog}
 * creates entries; the document module calls it once every gate has passed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package cn.gongkai.catalog;
