package cn.gongkai.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The in-app inbox. */
@Service
public class Inbox {

    private final Notifications notifications;
    private final Clock clock;

    Inbox(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public long unreadCount(Long userId) {
        return notifications.countByUserIdAndReadAtIsNull(userId);
    }

    @Transactional(readOnly = true)
    List<Notification> latest(Long userId) {
        return notifications.findTop100ByUserIdOrderByIdDesc(userId);
    }

    @Transactional
    void deliver(Long userId, String title, String body, String link) {
        notifications.save(new Notification(userId, title, body, link, Instant.now(clock)));
    }

    @Transactional
    void markRead(Long userId, Long id) {
        notifications.findByIdAndUserId(id, userId).ifPresent(n -> n.markRead(Instant.now(clock)));
    }

    @Transactional
    void markAllRead(Long userId) {
        Instant now = Instant.now(clock);
        notifications.findByUserIdAndReadAtIsNull(userId).forEach(n -> n.markRead(now));
    }
}
