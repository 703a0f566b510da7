/**
 * Caching: in-memory copies of small, rarely changed data that every public page reads (the portal's agency, its
 * departments, its topic classes), kept correct by the transactions that change the data
 * ({@link cn.gongkai.caching.ReadCache}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Caching")
package cn.gongkai.caching;
