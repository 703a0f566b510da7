package cn.gongkai.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.org.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewChainTest {

    @Test
    void theDefaultChainIsDepartmentHeadThenConfidentialityReviewThenLeader() {
        assertThat(ReviewChain.DEFAULT.steps()).containsExactly(Role.DEPT_HEAD, Role.SECRECY_REVIEWER, Role.LEADER);
    }

    @Test
    void anAgencysChainIsReadFromItsConfiguredList() {
        ReviewChain chain = ReviewChain.parse("SECRECY_REVIEWER, OFFICE,LEADER");
        assertThat(chain.steps()).containsExactly(Role.SECRECY_REVIEWER, Role.OFFICE, Role.LEADER);
        assertThat(chain.isLast(2)).isTrue();
        assertThat(ReviewChain.parse(chain.format())).isEqualTo(chain);
    }

    @Test
    void noChainMaySkipTheConfidentialityReview() {
        assertThatThrownBy(() -> new ReviewChain(List.of(Role.DEPT_HEAD, Role.LEADER)))
                .hasMessageContaining("confidentiality review");
    }

    @Test
    void onlyReviewingRolesCanBeSteps() {
        assertThatThrownBy(() -> ReviewChain.parse("STAFF,SECRECY_REVIEWER")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> ReviewChain.parse("ADMIN,SECRECY_REVIEWER")).isInstanceOf(
                IllegalArgumentException.class);
    }
}
