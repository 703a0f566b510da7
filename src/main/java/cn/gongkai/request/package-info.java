/**
 * Disclosure on request (依申请公开, 政府信息依申请公开制度; Regulations Art. 29–36): intake from the portal, the counter
 * and other systems, the reply clock on the working-day calendar (amendment restarts it, consultation pauses it, an
 * approved extension adds to it), handling by the department, the office's review and the leader's approval, the
 * statutory outcome and reply form, and public tracking.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disclosure on request")
package cn.gongkai.request;
