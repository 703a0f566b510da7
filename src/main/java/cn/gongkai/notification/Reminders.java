package cn.gongkai.notification;

import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffMember;
import cn.gongkai.worklist.WorkItemDueSoon;
import cn.gongkai.worklist.WorkItemOverdue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Turns deadline events into inbox messages and, when SMTP is configured, e-mails. */
@Component
class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final OrgDirectory org;
    private final Inbox inbox;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final String from;

    Reminders(OrgDirectory org, Inbox inbox, ObjectProvider<JavaMailSender> mail, MessageSource messages,
            @Value("${gongkai.mail.from:gongkai@localhost}") String from) {
        this.org = org;
        this.inbox = inbox;
        this.mail = mail;
        this.messages = messages;
        this.from = from;
    }

    @ApplicationModuleListener
    void on(WorkItemOverdue event) {
        List<StaffMember> owners = owners(event.agencyId(), event.ownerDepartmentId(), event.ownerRole(),
                event.ownerUserId());
        Map<Long, StaffMember> recipients = new LinkedHashMap<>();
        owners.forEach(o -> recipients.put(o.id(), o));
        String title = messages.getMessage("notification.overdue.title", new Object[] {event.title()}, ZH);
        String body = messages.getMessage("notification.overdue.body", new Object[] {event.title(), event.dueLabel()}, ZH);
        recipients.values().forEach(r -> send(r, title, body, event.link()));
        Map<Long, StaffMember> leaders = new LinkedHashMap<>();
        owners.forEach(o -> org.leadersOf(o).forEach(l -> leaders.putIfAbsent(l.id(), l)));
        if (event.escalateToLeaders()) {
            org.holders(event.agencyId(), null, cn.gongkai.org.Role.LEADER)
                    .forEach(l -> leaders.putIfAbsent(l.id(), l));
        }
        recipients.keySet().forEach(leaders::remove);
        String leaderTitle = messages.getMessage("notification.escalated.title", new Object[] {event.title()}, ZH);
        String ownerNames = String.join("、", owners.stream().map(StaffMember::displayName).toList());
        String leaderBody = messages.getMessage("notification.escalated.body",
                new Object[] {event.title(), event.dueLabel(), ownerNames}, ZH);
        leaders.values().forEach(l -> send(l, leaderTitle, leaderBody, event.link()));
    }

    @ApplicationModuleListener
    void on(WorkItemDueSoon event) {
        String title = messages.getMessage("notification.dueSoon.title", new Object[] {event.title()}, ZH);
        String body = messages.getMessage("notification.dueSoon.body", new Object[] {event.title(), event.dueLabel()}, ZH);
        owners(event.agencyId(), event.ownerDepartmentId(), event.ownerRole(), event.ownerUserId())
                .forEach(o -> send(o, title, body, event.link()));
    }

    @ApplicationModuleListener
    void on(NoticeRequested event) {
        owners(event.agencyId(), event.departmentId(), event.role(), null)
                .forEach(o -> send(o, event.title(), event.body(), event.link()));
    }

    private List<StaffMember> owners(Long agencyId, Long departmentId, String role, Long userId) {
        if (userId != null) {
            return org.member(userId).stream().toList();
        }
        return role == null ? List.of() : org.holders(agencyId, departmentId, Role.valueOf(role));
    }

    private void send(StaffMember to, String title, String body, String link) {
        inbox.deliver(to.id(), title, body, link);
        JavaMailSender sender = mail.getIfAvailable();
        if (sender != null && to.email() != null) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to.email());
            message.setSubject(title);
            message.setText(body);
            try {
                sender.send(message);
            } catch (MailException e) {
                // The inbox already has it; a mail server outage must not lose the reminder.
                log.warn("Reminder e-mail to {} failed: {}", to.username(), e.getMessage());
            }
        }
    }
}
