package cn.gongkai.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An agency's own sub-class under one of the 22 topic classes (主题分类; statutes.md: "Agencies may add their own"). */
@Entity
@Table(name = "topic_subclass")
public class TopicSubclass {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private String topic;
    private String name;

    protected TopicSubclass() {
    }

    TopicSubclass(Long agencyId, String topic, String name) {
        this.agencyId = agencyId;
        this.topic = topic;
        this.name = name;
    }

    void rename(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public String getTopic() {
        return topic;
    }

    public String getName() {
        return name;
    }

    public String getLabel() {
        return TopicChoice.label(topic, name);
    }
}
