/**
 * The 政府信息公开指南 (工作职责 五.3、五.5): structured, versioned content the office keeps up to date (主动公开, 依申请公开,
 * 受理机构 from the agency's contacts, 监督和救济), published only after a leader's approval; the portal shows the
 * current version with its date and keeps the older ones readable. A work item asks the office to review it each
 * January and whenever the agency's contacts change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disclosure guide")
package cn.gongkai.guide;
