package cn.gongkai.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface TopicSubclasses extends Repository<TopicSubclass, Long> {

    TopicSubclass save(TopicSubclass subclass);

    Optional<TopicSubclass> findByIdAndAgencyId(Long id, Long agencyId);

    Optional<TopicSubclass> findByAgencyIdAndTopicAndName(Long agencyId, String topic, String name);

    List<TopicSubclass> findByAgencyIdOrderByIdAsc(Long agencyId);

    boolean existsByAgencyIdAndTopicAndName(Long agencyId, String topic, String name);
}
