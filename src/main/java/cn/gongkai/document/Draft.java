package cn.gongkai.document;

import cn.gongkai.catalog.DisclosureAttribute;
import cn.gongkai.interpretation.InterpretationForm;
import cn.gongkai.interpretation.Interpretations;
import java.time.LocalDate;
import java.util.Set;

/**
 * The drafter's content and self-review (同步自审: 是否公开、公开范围和方式、是否保密、密级和期限, 发布制度 三).
 * {@code topic} is one of the 22 classes; {@code subtopicId} the agency's sub-class under it, or null.
 */
record Draft(String title, String documentNumber, String summary, String body, LocalDate createdOn, String topic,
        Long subtopicId, String genre, String keywords, DisclosureAttribute attribute, String attributeBasis,
        String scope, Set<Channel> channels, SecrecyLevel secrecyLevel, String secrecyTerm, boolean thirdPartyInvolved,
        boolean otherAgenciesInvolved, String otherAgencies, Set<Long> coProducers, boolean importantPolicy,
        Long interpretsItemId, InterpretationForm interpretationForm, String mediaUrl) {

    /**
     * A draft that is no interpretation and not marked 重要政策. {@code importantPolicy}: the drafter marks the item an
     * important policy, which then needs an interpretation plan whatever its genre (三同步 三); {@code interpretsItemId}
     * and {@code interpretationForm}: an interpretation material, the policy item it explains and its form.
     */
    Draft(String title, String documentNumber, String summary, String body, LocalDate createdOn, String topic,
            Long subtopicId, String genre, String keywords, DisclosureAttribute attribute, String attributeBasis,
            String scope, Set<Channel> channels, SecrecyLevel secrecyLevel, String secrecyTerm,
            boolean thirdPartyInvolved, boolean otherAgenciesInvolved, String otherAgencies, Set<Long> coProducers) {
        this(title, documentNumber, summary, body, createdOn, topic, subtopicId, genre, keywords, attribute,
                attributeBasis, scope, channels, secrecyLevel, secrecyTerm, thirdPartyInvolved, otherAgenciesInvolved,
                otherAgencies, coProducers, false, null, null, null);
    }

    /** The same draft as an interpretation of {@code policyItemId} in the given form (its genre 政策解读). */
    Draft interpreting(Long policyItemId, InterpretationForm form, String mediaUrl) {
        return new Draft(title, documentNumber, summary, body, createdOn, topic, subtopicId, Interpretations.GENRE,
                keywords, attribute, attributeBasis, scope, channels, secrecyLevel, secrecyTerm, thirdPartyInvolved,
                otherAgenciesInvolved, otherAgencies, coProducers, false, policyItemId, form, mediaUrl);
    }

    /** The same draft marked, or not, as an important policy. */
    Draft important(boolean important) {
        return new Draft(title, documentNumber, summary, body, createdOn, topic, subtopicId, genre, keywords,
                attribute, attributeBasis, scope, channels, secrecyLevel, secrecyTerm, thirdPartyInvolved,
                otherAgenciesInvolved, otherAgencies, coProducers, important, interpretsItemId, interpretationForm,
                mediaUrl);
    }

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
