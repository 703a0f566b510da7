package cn.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasksTest {

    @Test
    void aResidentIdKeepsItsFirstSixAndLastFourCharacters() {
        assertThat(Masks.residentId("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(Masks.residentId("11010519491231002x")).isEqualTo("110105********002X");
        assertThat(Masks.residentId(" 110105 19491231 002X ")).isEqualTo("110105********002X");
        assertThat(Masks.residentId("110105491231002")).isEqualTo("110105*****1002");
    }

    @Test
    void aResidentIdIsMaskedLikeTheScannerAndResidentIdMaskIt() {
        String id = "11010519491231002X";
        assertThat(Masks.residentId(id)).isEqualTo(new ResidentId(id).masked());
    }

    @Test
    void aPhoneKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(Masks.phone("13800138000")).isEqualTo("138****8000");
        assertThat(Masks.phone("138 0013 8000")).isEqualTo("138****8000");
        assertThat(Masks.phone("138-0013-8000")).isEqualTo("138****8000");
        assertThat(Masks.phone("+86 138 0013 8000")).isEqualTo("138****8000");
        assertThat(Masks.phone("008613800138000")).isEqualTo("138****8000");
        assertThat(Masks.phone("010-65123456")).isEqualTo("010****3456");
    }

    @Test
    void aNameKeepsItsFirstCharacterAndOneCharacterNamesStay() {
        assertThat(Masks.name("张三")).isEqualTo("张*");
        assertThat(Masks.name("欧阳小明")).isEqualTo("欧***");
        assertThat(Masks.name("李")).isEqualTo("李");
        assertThat(Masks.name(" 王小二 ")).isEqualTo("王**");
        assertThat(Masks.name("𠈌小明")).isEqualTo("𠈌**");
        assertThat(Masks.name("张𠈌")).isEqualTo("张*");
    }

    @Test
    void aCreditCodeKeepsItsFirstFourAndLastFourCharacters() {
        assertThat(Masks.creditCode("91110000100000589B")).isEqualTo("9111**********589B");
    }

    @Test
    void anEmailKeepsTheFirstCharacterAndTheDomainLikeTheScanner() {
        assertThat(Masks.email("zhangsan@example.cn")).isEqualTo("z***@example.cn");
        assertThat(Masks.email("z@example.cn")).isEqualTo("z***@example.cn");
        assertThat(Masks.email("zhangsan@example.cn")).isEqualTo(
                new PrivacyScanner().scan("f", "邮箱 zhangsan@example.cn").getFirst().maskedValue());
        assertThat(Masks.email("no-at-sign")).isEqualTo("**********");
    }

    @Test
    void anythingShorterThanTheMaskKeepsNothingButAsterisks() {
        assertThat(Masks.residentId("1101050019")).isEqualTo("**********");
        assertThat(Masks.phone("1380013")).isEqualTo("*******");
        assertThat(Masks.creditCode("91110000")).isEqualTo("********");
        assertThat(Masks.phone("12")).isEqualTo("**");
    }

    @Test
    void nullStaysNullAndEmptyStaysEmpty() {
        assertThat(Masks.residentId(null)).isNull();
        assertThat(Masks.phone(null)).isNull();
        assertThat(Masks.name(null)).isNull();
        assertThat(Masks.creditCode(null)).isNull();
        assertThat(Masks.email(null)).isNull();
        assertThat(Masks.residentId("")).isEmpty();
        assertThat(Masks.name("")).isEmpty();
        assertThat(Masks.email("")).isEmpty();
    }
}
