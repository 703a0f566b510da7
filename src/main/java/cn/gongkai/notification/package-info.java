/**
 * Reminders (提醒): an in-app inbox per user, and e-mail when SMTP is configured. Reacts to the worklist's
 * due-soon and overdue events, telling the owner and, when overdue, the owner's leader.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package cn.gongkai.notification;
