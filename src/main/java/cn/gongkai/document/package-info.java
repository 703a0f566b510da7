/**
 * Government information (政府信息) from drafting to publication: the drafter's self-review (同步自审, 发布制度 三),
 * the agency's review chain (科室负责人 → 保密审查 → 分管领导, 保密审查制度 七), secrecy determination (报审, 保密 九、十二),
 * the gates of {@link cn.gongkai.document.PublicationPolicy}, and the hand-over to the catalog.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Government information")
package cn.gongkai.document;
