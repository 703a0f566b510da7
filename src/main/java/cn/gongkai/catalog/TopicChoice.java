package cn.gongkai.catalog;

/**
 * A 主题分类 as filed: one of the 22 classes, or one of the agency's sub-classes under it. Forms and the API carry it
 * as its label, {@code 工业、交通} or {@code 工业、交通 › 道路运输}.
 */
public record TopicChoice(String topic, Long subtopicId, String subtopicName) {

    public static final String SEPARATOR = " › ";

    public static TopicChoice of(String topic) {
        return new TopicChoice(topic, null, null);
    }

    static TopicChoice of(TopicSubclass s) {
        return new TopicChoice(s.getTopic(), s.getId(), s.getName());
    }

    static String label(String topic, String subtopicName) {
        return subtopicName == null ? topic : topic + SEPARATOR + subtopicName;
    }

    public String label() {
        return label(topic, subtopicName);
    }

    public boolean isSubclass() {
        return subtopicId != null;
    }
}
