package cn.gongkai.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.catalog.DisclosureAttribute;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The aggregate's own rules, without Spring. */
class InfoItemLifecycleTest {

    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

    static Draft draft(SecrecyLevel level, boolean thirdParty, boolean otherAgencies, Set<Long> coProducers) {
        return new Draft("关于调整公交线路的通告", "示交通〔2026〕12号", "调整 5 条公交线路", "正文", LocalDate.of(2026, 11, 18),
                "工业、交通", "通告", "公交", DisclosureAttribute.PROACTIVE, null, "社会公众", EnumSet.of(Channel.WEBSITE),
                level, level == SecrecyLevel.NONE ? null : "10年", thirdParty, otherAgencies,
                otherAgencies ? "市公安局" : null, coProducers);
    }

    static InfoItem item(Draft d) {
        return new InfoItem(1L, 10L, 100L, "吴科员", d, NOW);
    }

    static void approveAll(InfoItem item, ReviewChain chain) {
        for (int i = 0; i < chain.size(); i++) {
            item.approveStep(chain, NOW);
        }
    }

    @Test
    void aDraftCannotBeApprovedBeforeItIsSubmitted() {
        InfoItem item = item(draft(SecrecyLevel.NONE, false, false, Set.of()));
        assertThatThrownBy(() -> item.approveStep(ReviewChain.DEFAULT, NOW)).isInstanceOf(DocumentRuleViolation.class);
    }

    @Test
    void approvingEveryStepMakesTheItemReadyForTheOffice() {
        InfoItem item = item(draft(SecrecyLevel.NONE, false, false, Set.of()));
        item.submit(NOW);
        assertThat(item.getStatus()).isEqualTo(ItemStatus.IN_REVIEW);
        item.approveStep(ReviewChain.DEFAULT, NOW);
        assertThat(item.getCurrentStep()).isEqualTo(1);
        item.approveStep(ReviewChain.DEFAULT, NOW);
        item.approveStep(ReviewChain.DEFAULT, NOW);
        assertThat(item.getStatus()).isEqualTo(ItemStatus.APPROVED);
    }

    @Test
    void aReturnSendsTheItemBackAndTheNextSubmissionStartsAtTheFirstStepInANewRound() {
        InfoItem item = item(draft(SecrecyLevel.NONE, false, false, Set.of()));
        item.submit(NOW);
        item.approveStep(ReviewChain.DEFAULT, NOW);
        item.returnToDrafter(NOW);
        assertThat(item.getStatus()).isEqualTo(ItemStatus.RETURNED);
        item.edit(draft(SecrecyLevel.NONE, false, false, Set.of()), NOW);
        item.submit(NOW);
        assertThat(item.getCurrentStep()).isZero();
        assertThat(item.getRound()).isEqualTo(2);
    }

    @Test
    void anItemUnderReviewCannotBeEdited() {
        InfoItem item = item(draft(SecrecyLevel.NONE, false, false, Set.of()));
        item.submit(NOW);
        assertThatThrownBy(() -> item.edit(draft(SecrecyLevel.NONE, false, false, Set.of()), NOW))
                .hasMessage("document.error.notEditable");
    }

    @Test
    void changingAPublishedItemStartsTheNextVersionWithItsOwnClock() {
        InfoItem item = item(draft(SecrecyLevel.NONE, false, false, Set.of()));
        item.submit(NOW);
        approveAll(item, ReviewChain.DEFAULT);
        item.published("000014349/2026-00001", NOW);
        item.edit(draft(SecrecyLevel.NONE, false, false, Set.of()), Instant.parse("2026-12-01T02:00:00Z"));
        assertThat(item.getVersion()).isEqualTo(2);
        assertThat(item.getStatus()).isEqualTo(ItemStatus.DRAFT);
        assertThat(item.getClockStart()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(item.getIndexNumber()).isEqualTo("000014349/2026-00001");
    }

    @Test
    void theConfidentialityReviewersConclusionSetsTheAttribute() {
        InfoItem item = item(draft(SecrecyLevel.NONE, false, false, Set.of()));
        item.submit(NOW);
        item.approveStep(ReviewChain.DEFAULT, NOW);
        item.confirmOpinion(ReviewOpinion.EXEMPT, NOW);
        assertThat(item.getAttribute()).isEqualTo(DisclosureAttribute.EXEMPT);
    }

    @Test
    void needingDeterminationHoldsTheItemUntilTheBureauAnswers() {
        InfoItem item = item(draft(SecrecyLevel.NONE, false, false, Set.of()));
        item.submit(NOW);
        item.approveStep(ReviewChain.DEFAULT, NOW);
        item.confirmOpinion(ReviewOpinion.ESCALATE, NOW);
        assertThat(item.getStatus()).isEqualTo(ItemStatus.AWAITING_DETERMINATION);
        assertThatThrownBy(() -> item.approveStep(ReviewChain.DEFAULT, NOW)).isInstanceOf(DocumentRuleViolation.class);
        item.determinationAnswered(SecrecyLevel.NONE, NOW);
        assertThat(item.getStatus()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(item.getCurrentStep()).isEqualTo(1);
    }

    @Test
    void declassificationIsOnlyForMarkedItems() {
        InfoItem item = item(draft(SecrecyLevel.NONE, false, false, Set.of()));
        assertThatThrownBy(() -> item.recordDeclassification("陈局长", LocalDate.now(), "已过保密期限", NOW))
                .hasMessage("document.error.notMarked");
    }

    @Test
    void theDraftingDepartmentIsNeverItsOwnCoProducer() {
        InfoItem item = item(draft(SecrecyLevel.NONE, false, false, Set.of(10L, 11L)));
        assertThat(item.getCoProducers()).extracting(CoProducer::getDepartmentId).containsExactly(11L);
        assertThat(List.of()).isEmpty();
    }
}
