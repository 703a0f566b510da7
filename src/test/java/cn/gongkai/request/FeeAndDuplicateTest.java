package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeeAndDuplicateTest {

    @Test
    void theFirstTenRequestsOfAMonthAreFreeThenOneHundredYuanUpToThirtyThenAHundredMoreEveryTen() {
        assertThat(FeePolicy.feeForNth(1)).isZero();
        assertThat(FeePolicy.feeForNth(10)).isZero();
        assertThat(FeePolicy.feeForNth(11)).isEqualTo(100);
        assertThat(FeePolicy.feeForNth(30)).isEqualTo(100);
        assertThat(FeePolicy.feeForNth(31)).isEqualTo(200);
        assertThat(FeePolicy.feeForNth(40)).isEqualTo(200);
        assertThat(FeePolicy.feeForNth(41)).isEqualTo(300);
        assertThat(FeePolicy.feeForNth(51)).isEqualTo(400);
    }

    @Test
    void descriptionsSharingMostCharacterPairsAreSimilarAndUnrelatedOnesAreNot() {
        assertThat(DuplicateHint.jaccard(DuplicateHint.bigrams("请提供2025年公交线路调整方案全文"),
                DuplicateHint.bigrams("请提供2025年公交线路调整方案的全文。"))).isGreaterThan(DuplicateHint.SIMILAR);
        assertThat(DuplicateHint.jaccard(DuplicateHint.bigrams("请提供2025年公交线路调整方案全文"),
                DuplicateHint.bigrams("申请公开出租车经营权招标结果"))).isLessThan(DuplicateHint.SIMILAR);
    }
}
