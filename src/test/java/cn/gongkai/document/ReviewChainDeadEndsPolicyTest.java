package cn.gongkai.document;

import static cn.gongkai.document.InfoItemLifecycleTest.NOW;
import static cn.gongkai.document.InfoItemLifecycleTest.draft;
import static cn.gongkai.document.InfoItemLifecycleTest.item;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.org.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The step and scan rules against dead ends, plain Java. */
class ReviewChainDeadEndsPolicyTest {

    static ScanFinding finding(InfoItem item, String type) {
        return new ScanFinding(item.getId(), 1, type, "body", 1, 0, 4, "****");
    }

    @Test
    void onlyTheConfidentialityReviewIsHeldByUnconfirmedFindings() {
        assertThat(PublicationPolicy.stepRefusals(Role.SECRECY_REVIEWER, 1))
                .containsExactly(PublicationPolicy.FINDINGS_UNCONFIRMED);
        assertThat(PublicationPolicy.stepRefusals(Role.SECRECY_REVIEWER, 0)).isEmpty();
        for (Role role : List.of(Role.DEPT_HEAD, Role.LEADER, Role.OFFICE, Role.LEADING_GROUP)) {
            assertThat(PublicationPolicy.stepRefusals(role, 3)).isEmpty();
        }
    }

    @Test
    void personalDataContradictsASelfReviewThatSaysNoThirdPartysPrivacyIsInvolved() {
        InfoItem none = item(draft(SecrecyLevel.NONE, false, false, Set.of()));
        InfoItem declared = item(draft(SecrecyLevel.NONE, true, false, Set.of()));
        for (String type : List.of("RESIDENT_ID", "MOBILE", "BANK_CARD", "EMAIL")) {
            assertThat(PublicationPolicy.scanContradictsSelfReview(none, List.of(finding(none, type)))).isTrue();
            assertThat(PublicationPolicy.scanContradictsSelfReview(declared, List.of(finding(declared, type))))
                    .isFalse();
        }
        assertThat(PublicationPolicy.scanContradictsSelfReview(none, List.of())).isFalse();
    }

    @Test
    void aSecrecyMarkingContradictsASelfReviewThatSaysTheItemIsNotMarked() {
        InfoItem unmarked = item(draft(SecrecyLevel.NONE, true, false, Set.of()));
        InfoItem marked = item(draft(SecrecyLevel.CONFIDENTIAL, false, false, Set.of()));
        assertThat(PublicationPolicy.scanContradictsSelfReview(unmarked,
                List.of(finding(unmarked, "SECRECY_MARKING")))).isTrue();
        assertThat(PublicationPolicy.scanContradictsSelfReview(marked, List.of(finding(marked, "SECRECY_MARKING"))))
                .isFalse();
    }

    @Test
    void anItemKeepsTheChainOfItsRoundWhateverTheAgencyChangesLater() {
        InfoItem item = item(draft(SecrecyLevel.NONE, false, false, Set.of()));
        ReviewChain chain = new ReviewChain(List.of(Role.SECRECY_REVIEWER, Role.LEADER));
        item.submit(chain, NOW);
        assertThat(item.reviewChain()).isEqualTo(chain);
        item.approveStep(item.reviewChain(), NOW);
        item.approveStep(item.reviewChain(), NOW);
        assertThat(item.getStatus()).isEqualTo(ItemStatus.APPROVED);
        item.returnToDrafter(NOW);
        item.submit(ReviewChain.DEFAULT, NOW);
        assertThat(item.reviewChain()).isEqualTo(ReviewChain.DEFAULT);
        assertThat(item.getRound()).isEqualTo(2);
    }
}
