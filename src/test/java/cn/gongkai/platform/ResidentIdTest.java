package cn.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdTest {

    /** GB 11643-1999's example. */
    static final String EXAMPLE = "11010519491231002X";

    /** The check character computed here independently of {@link ResidentId}. */
    static String withCheck(String seventeen) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeen.charAt(i) - '0') * weights[i];
        }
        return seventeen + "10X98765432".charAt(sum % 11);
    }

    @Test
    void theCheckCharacterOfTheStandardsExampleIsX() {
        assertThat(ResidentId.withCheckCharacter("11010519491231002")).isEqualTo("11010519491231002X");
        assertThatThrownBy(() -> ResidentId.withCheckCharacter("1101051949123100")).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void theStandardsExampleIsValidAndKnowsItsBirthDate() {
        ResidentId id = new ResidentId(EXAMPLE);

        assertThat(ResidentId.isValid(EXAMPLE)).isTrue();
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.masked()).isEqualTo("110105********002X");
    }

    @Test
    void aLowerCaseCheckXIsAcceptedAndKeptUpperCase() {
        assertThat(ResidentId.isValid("11010519491231002x")).isTrue();
        assertThat(new ResidentId("11010519491231002x").value()).isEqualTo(EXAMPLE);
    }

    @Test
    void numbersWithADigitCheckCharacterAreValidToo() {
        assertThat(ResidentId.isValid(withCheck("44010619900307123"))).isTrue();
        assertThat(withCheck("44010619900307123")).doesNotEndWith("X");
    }

    @Test
    void changingAnyOneOfTheSeventeenDigitsBreaksTheCheck() {
        for (int i = 0; i < 17; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d == EXAMPLE.charAt(i)) {
                    continue;
                }
                String changed = EXAMPLE.substring(0, i) + d + EXAMPLE.substring(i + 1);
                assertThat(ResidentId.isValid(changed)).as(changed).isFalse();
            }
        }
    }

    @Test
    void aWrongCheckCharacterIsRefusedWithAMessageSayingSo() {
        assertThat(ResidentId.isValid("110105194912310021")).isFalse();
        assertThatThrownBy(() -> new ResidentId("110105194912310021"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check character");
    }

    @Test
    void impossibleBirthDatesAreRefusedEvenWithTheRightCheckCharacter() {
        assertThat(ResidentId.isValid(withCheck("11010519491331002"))).as("month 13").isFalse();
        assertThat(ResidentId.isValid(withCheck("11010520010230002"))).as("30 February").isFalse();
        assertThat(ResidentId.isValid(withCheck("11010519850431002"))).as("31 April").isFalse();
        assertThat(ResidentId.isValid(withCheck("11010519000229002"))).as("1900 was no leap year").isFalse();
        assertThat(ResidentId.isValid(withCheck("11010520000229002"))).as("2000 was").isTrue();
        assertThatThrownBy(() -> new ResidentId(withCheck("11010519491331002")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a date");
    }

    @Test
    void birthDatesBefore1900OrAfterTodayAreRefused() {
        assertThat(ResidentId.isValid(withCheck("11010518991231002"))).isFalse();
        assertThat(ResidentId.isValid(withCheck("11010519000101002"))).isTrue();
        String tomorrow = LocalDate.now(ResidentId.CHINA).plusDays(1).toString().replace("-", "");
        assertThat(ResidentId.isValid(withCheck("110105" + tomorrow + "002"))).isFalse();
        assertThatThrownBy(() -> new ResidentId(withCheck("110105" + tomorrow + "002")))
                .hasMessageContaining("is not between 1900-01-01 and");
    }

    @Test
    void wrongLengthsLettersALeadingZeroAndNullAreRefused() {
        assertThat(ResidentId.isValid("11010519491231002")).isFalse();
        assertThat(ResidentId.isValid("11010519491231002X0")).isFalse();
        assertThat(ResidentId.isValid("1101051949123A002X")).isFalse();
        assertThat(ResidentId.isValid(withCheck("01010519491231002"))).isFalse();
        assertThat(ResidentId.isValid(null)).isFalse();
        assertThatThrownBy(() -> new ResidentId("110105"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 characters, not 18");
        assertThatThrownBy(() -> new ResidentId(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itsTextFormShowsOnlyTheMaskedNumber() {
        assertThat(new ResidentId(EXAMPLE).toString()).doesNotContain("19491231").contains("110105********002X");
    }
}
