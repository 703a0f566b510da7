package cn.gongkai.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void theCheckCharacterIsComputedFromTheFirstSeventeen() {
        assertThat(CreditCode.withCheckCharacter("91350100M000100Y4")).isEqualTo("91350100M000100Y43");
    }

    @Test
    void aCodeWithTheRightCheckCharacterIsValid() {
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
    }

    @Test
    void aChangedCharacterBreaksTheCheck() {
        assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(CreditCode.isValid("91350100M000200Y43")).isFalse();
    }

    @Test
    void lettersTheStandardLeavesOutAreRefused() {
        assertThat(CreditCode.isValid("91350100M000100I43")).isFalse();
        assertThat(CreditCode.isValid("9135")).isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }
}
