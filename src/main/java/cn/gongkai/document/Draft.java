package cn.gongkai.document;

import cn.gongkai.catalog.DisclosureAttribute;
import java.time.LocalDate;
import java.util.Set;

/**
 * The drafter's content and self-review (同步自审: 是否公开、公开范围和方式、是否保密、密级和期限, 发布制度 三).
 * {@code topic} is one of the 22 classes; {@code subtopicId} the agency's sub-class under it, or null.
 */
record Draft(String title, String documentNumber, String summary, String body, LocalDate createdOn, String topic,
        Long subtopicId, String genre, String keywords, DisclosureAttribute attribute, String attributeBasis,
        String scope, Set<Channel> channels, SecrecyLevel secrecyLevel, String secrecyTerm, boolean thirdPartyInvolved,
        boolean otherAgenciesInvolved, String otherAgencies, Set<Long> coProducers) {

    /** A draft filed under a class without a sub-class. */
    Draft(String title, String documentNumber, String summary, String body, LocalDate createdOn, String topic,
            String genre, String keywords, DisclosureAttribute attribute, String attributeBasis, String scope,
            Set<Channel> channels, SecrecyLevel secrecyLevel, String secrecyTerm, boolean thirdPartyInvolved,
            boolean otherAgenciesInvolved, String otherAgencies, Set<Long> coProducers) {
        this(title, documentNumber, summary, body, createdOn, topic, null, genre, keywords, attribute, attributeBasis,
                scope, channels, secrecyLevel, secrecyTerm, thirdPartyInvolved, otherAgenciesInvolved, otherAgencies,
                coProducers);
    }
}
