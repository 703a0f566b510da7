package cn.gongkai.document;

import static cn.gongkai.document.InfoItemLifecycleTest.NOW;
import static cn.gongkai.document.InfoItemLifecycleTest.draft;
import static cn.gongkai.document.InfoItemLifecycleTest.item;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.coordination.CoordinationGate;
import cn.gongkai.org.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each gate between an approved item and the catalog, on its own. */
class PublicationPolicyTest {

    private static final CoordinationGate.Standing NONE = CoordinationGate.Standing.NONE;

    private static List<ReviewDecision> approveThrough(InfoItem item) {
        List<ReviewDecision> decisions = new ArrayList<>();
        item.submit(NOW);
        for (Role role : ReviewChain.DEFAULT.steps()) {
            decisions.add(new ReviewDecision(item, role, role.name().toLowerCase(), role.name(), Decision.APPROVED,
                    "同意", role == Role.SECRECY_REVIEWER ? ReviewOpinion.PROACTIVE : null, NOW));
            item.approveStep(ReviewChain.DEFAULT, NOW);
        }
        return decisions;
    }

    @Test
    void aCleanFullyApprovedItemMayBePublished() {
        InfoItem item = item(draft(SecrecyLevel.NONE, false, false, Set.of()));
        List<ReviewDecision> decisions = approveThrough(item);
        assertThat(PublicationPolicy.refusals(item, ReviewChain.DEFAULT, decisions, 0, NONE)).isEmpty();
    }

    @Test
    void anItemMarkedSecretIsNeverPublishedWithoutARecordedDeclassification() {
        for (SecrecyLevel level : List.of(SecrecyLevel.CONFIDENTIAL, SecrecyLevel.SECRET, SecrecyLevel.TOP_SECRET)) {
            InfoItem item = item(draft(level, false, false, Set.of()));
            List<ReviewDecision> decisions = approveThrough(item);
            assertThat(PublicationPolicy.refusals(item, ReviewChain.DEFAULT, decisions, 0, NONE))
                    .containsExactly(PublicationPolicy.SECRET);
            item.recordDeclassification("陈局长", LocalDate.of(2026, 11, 20), "保密期限已满，经保密审查可公开", NOW);
            assertThat(PublicationPolicy.refusals(item, ReviewChain.DEFAULT, decisions, 0, NONE)).isEmpty();
        }
    }

    @Test
    void thirdPartyInformationNeedsConsentOrAPublicInterestDecision() {
        InfoItem item = item(draft(SecrecyLevel.NONE, true, false, Set.of()));
        assertThat(PublicationPolicy.passRefusals(item, NONE)).containsExactly(PublicationPolicy.THIRD_PARTY);
        item.recordPublicInterestDecision("不公开将对公共安全造成重大影响", "陈局长", NOW);
        assertThat(PublicationPolicy.passRefusals(item, NONE)).isEmpty();

        InfoItem other = item(draft(SecrecyLevel.NONE, true, false, Set.of()));
        other.recordThirdPartyConsent("某公司书面同意公开（2026-11-19 函）", NOW);
        assertThat(PublicationPolicy.passRefusals(other, NONE)).isEmpty();
    }

    @Test
    void otherAgenciesMustHaveConfirmedThroughASettledCoordinationAndNoneMayBePendingOrWithheld() {
        InfoItem item = item(draft(SecrecyLevel.NONE, false, true, Set.of()));
        assertThat(PublicationPolicy.passRefusals(item, NONE)).containsExactly(PublicationPolicy.OTHER_AGENCY);
        // Sent and not yet answered: still no confirmation, and the open coordination holds the item.
        assertThat(PublicationPolicy.passRefusals(item, new CoordinationGate.Standing(1, 0, 0)))
                .containsExactly(PublicationPolicy.OTHER_AGENCY, PublicationPolicy.COORDINATION_PENDING);
        assertThat(PublicationPolicy.passRefusals(item, new CoordinationGate.Standing(0, 0, 1))).isEmpty();
        // One agency agreed, another has not answered.
        assertThat(PublicationPolicy.passRefusals(item, new CoordinationGate.Standing(1, 0, 1)))
                .containsExactly(PublicationPolicy.COORDINATION_PENDING);
        // The authority decided against publishing: binding.
        assertThat(PublicationPolicy.passRefusals(item, new CoordinationGate.Standing(0, 1, 1)))
                .containsExactly(PublicationPolicy.COORDINATION_WITHHELD);
        // An item that names no other agency is still held by a coordination someone opened about it.
        InfoItem plain = item(draft(SecrecyLevel.NONE, false, false, Set.of()));
        assertThat(PublicationPolicy.passRefusals(plain, new CoordinationGate.Standing(1, 0, 0)))
                .containsExactly(PublicationPolicy.COORDINATION_PENDING);
    }

    @Test
    void everyCoProducingDepartmentMustHaveConsentedInWriting() {
        InfoItem item = item(draft(SecrecyLevel.NONE, false, false, Set.of(11L, 12L)));
        assertThat(PublicationPolicy.passRefusals(item, NONE)).containsExactly(PublicationPolicy.CO_PRODUCERS);
        item.recordCoProducerConsent(11L, "同意", "李科长", NOW);
        assertThat(PublicationPolicy.passRefusals(item, NONE)).containsExactly(PublicationPolicy.CO_PRODUCERS);
        item.recordCoProducerConsent(12L, "同意", "赵科长", NOW);
        assertThat(PublicationPolicy.passRefusals(item, NONE)).isEmpty();
    }

    @Test
    void nothingIsPublishedUnlessEveryStepOfThisRoundApproved() {
        InfoItem item = item(draft(SecrecyLevel.NONE, false, false, Set.of()));
        List<ReviewDecision> decisions = approveThrough(item);
        assertThat(PublicationPolicy.refusals(item, ReviewChain.DEFAULT, decisions.subList(0, 2), 0, NONE))
                .containsExactly(PublicationPolicy.UNREVIEWED);
        // Approvals from an earlier round do not count for a resubmitted item.
        item.returnToDrafter(NOW);
        item.submit(NOW);
        for (int i = 0; i < 3; i++) {
            item.approveStep(ReviewChain.DEFAULT, NOW);
        }
        assertThat(PublicationPolicy.refusals(item, ReviewChain.DEFAULT, decisions, 0, NONE))
                .containsExactly(PublicationPolicy.UNREVIEWED);
    }

    @Test
    void unacknowledgedScanFindingsHoldTheItem() {
        InfoItem item = item(draft(SecrecyLevel.NONE, false, false, Set.of()));
        List<ReviewDecision> decisions = approveThrough(item);
        assertThat(PublicationPolicy.refusals(item, ReviewChain.DEFAULT, decisions, 2, NONE))
                .containsExactly(PublicationPolicy.PRIVACY);
    }
}
