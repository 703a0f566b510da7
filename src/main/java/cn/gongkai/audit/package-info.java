/**
 * Audit trail (审计日志): an append-only log whose entries are chained by SM3 hashes.
 * Other modules call {@link cn.gongkai.audit.AuditTrail#record} inside the transaction of the change they audit,
 * so the entry and the change commit together.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package cn.gongkai.audit;
