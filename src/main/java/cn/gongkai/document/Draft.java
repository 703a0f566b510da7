package cn.gongkai.document;

import cn.gongkai.catalog.DisclosureAttribute;
import java.time.LocalDate;
import java.util.Set;

/** The drafter's content and self-review (同步自审: 是否公开、公开范围和方式、是否保密、密级和期限, 发布制度 三). */
record Draft(String title, String documentNumber, String summary, String body, LocalDate createdOn, String topic,
        String genre, String keywords, DisclosureAttribute attribute, String attributeBasis, String scope,
        Set<Channel> channels, SecrecyLevel secrecyLevel, String secrecyTerm, boolean thirdPartyInvolved,
        boolean otherAgenciesInvolved, String otherAgencies, Set<Long> coProducers) {
}
