/**
 * Public-opinion response (政务舆情回应制度机制), the 96128 hotline and citizens' messages (政民互动). Staff record an
 * {@link cn.gongkai.opinion.OpinionEvent}; the office triages it by {@link cn.gongkai.opinion.RiskLevel}, which starts
 * the clock-hour deadlines (1-hour report to the leaders, 5-hour authoritative information, 24-hour press conference,
 * 48-hour answer) as work items; responses, the report and closure stop them, and every step is on the event's
 * timeline. Hotline calls and portal messages are assigned to a department, answered within working days, and
 * (messages, with consent) published on 留言选登 with personal data removed. A message or call that is really a
 * disclosure request becomes one through {@link cn.gongkai.request.RequestOrigins}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public opinion, hotline and citizen messages")
package cn.gongkai.opinion;
