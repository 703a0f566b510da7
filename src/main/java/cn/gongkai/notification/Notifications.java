package cn.gongkai.notification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface Notifications extends Repository<Notification, Long> {

    Notification save(Notification n);

    long countByUserIdAndReadAtIsNull(Long userId);

    List<Notification> findTop100ByUserIdOrderByIdDesc(Long userId);

    Optional<Notification> findByIdAndUserId(Long id, Long userId);

    List<Notification> findByUserIdAndReadAtIsNull(Long userId);
}
