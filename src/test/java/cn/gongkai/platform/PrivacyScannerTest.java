package cn.gongkai.platform;

import static cn.gongkai.platform.ResidentIdTest.withCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PrivacyScannerTest {

    static final String ID = ResidentIdTest.EXAMPLE;
    /** Luhn-valid 19-digit UnionPay-style card. */
    static final String CARD = "6222021234567890128";

    final PrivacyScanner scanner = new PrivacyScanner();

    List<PrivacyFinding> scan(String text) {
        return scanner.scan("正文", text);
    }

    @Test
    void theStandardsExampleIdIsFoundWithItsLocationLineOffsetsAndMask() {
        String text = "申请人张三，公民身份号码" + ID + "，住所地北京市。";

        assertThat(scanner.scan("申请表.pdf", text)).containsExactly(new PrivacyFinding(
                FindingType.RESIDENT_ID, "申请表.pdf", 1, 12, 30, "110105********002X"));
    }

    @Test
    void eachKindOfPersonalDataIsFoundAndMasked() {
        String text = "身份证" + ID + "，手机13800138000，卡号" + CARD + "，邮箱zhangsan@example.cn。";

        assertThat(scan(text)).extracting(PrivacyFinding::type, PrivacyFinding::maskedValue).containsExactly(
                tuple(FindingType.RESIDENT_ID, "110105********002X"),
                tuple(FindingType.MOBILE, "138****8000"),
                tuple(FindingType.BANK_CARD, "6222***********0128"),
                tuple(FindingType.EMAIL, "z***@example.cn"));
        assertThat(scan(text)).extracting(f -> text.substring(f.start(), f.end()))
                .containsExactly(ID, "13800138000", CARD, "zhangsan@example.cn");
    }

    @Test
    void multiLineTextGivesTheLineOfEachFinding() {
        String text = "第一行没有个人信息\n联系电话：13900139000\r\n\r\n邮箱 li.si@example.gov.cn\r第五行 " + ID;

        assertThat(scan(text)).extracting(PrivacyFinding::type, PrivacyFinding::line).containsExactly(
                tuple(FindingType.MOBILE, 2),
                tuple(FindingType.EMAIL, 4),
                tuple(FindingType.RESIDENT_ID, 5));
    }

    @Test
    void aWrongCheckCharacterIsNotAnId() {
        assertThat(scan("身份证号码110105194912310021。")).isEmpty();
        assertThat(scan("身份证号码110105194912310029。")).isEmpty();
    }

    @Test
    void anImpossibleBirthDateIsNotAnId() {
        assertThat(scan("号码" + withCheck("11010519491331002") + "（13月）")).isEmpty();
        assertThat(scan("号码" + withCheck("11010520010230002") + "（2月30日）")).isEmpty();
    }

    @Test
    void randomEighteenDigitNumbersAreNotIds() {
        assertThat(scan("编号123456789012345678；编号987654321098765432")).isEmpty();
    }

    @Test
    void anIdInsideALongerDigitRunIsNotFound() {
        assertThat(scan("订单号9" + withCheck("11010519900307123") + "7")).isEmpty();
        assertThat(scan("订单号" + withCheck("11010519900307123") + "12")).isEmpty();
    }

    @Test
    void anIdWrittenInGroupsOrFullWidthDigitsIsFound() {
        assertThat(scan("身份证 110105 19491231 002X 已核验")).extracting(PrivacyFinding::start, PrivacyFinding::end)
                .containsExactly(tuple(4, 24));
        assertThat(scan("身份证１１０１０５１９４９１２３１００２Ｘ")).extracting(PrivacyFinding::maskedValue)
                .containsExactly("110105********002X");
    }

    @Test
    void mobilesAreFoundWithPrefixesAndGroupingAndTheSpanCoversThePrefix() {
        String text = "电话+86 138 0013 8000、8613912345678、139-1234-5678、0086-15012345678";

        assertThat(scan(text)).extracting(f -> text.substring(f.start(), f.end()), PrivacyFinding::maskedValue)
                .containsExactly(
                        tuple("+86 138 0013 8000", "138****8000"),
                        tuple("8613912345678", "139****5678"),
                        tuple("139-1234-5678", "139****5678"),
                        tuple("0086-15012345678", "150****5678"));
    }

    @Test
    void elevenDigitNumbersThatAreNotMobilesAreNotFound() {
        assertThat(scan("统计编号12345678901，项目号10987654321，固话010-65123456，热线12345")).isEmpty();
        assertThat(scan("号码138001380001（12位）；总投资13500000000元；增长13800138000.5%")).isEmpty();
    }

    @Test
    void aMobileInsideAnIdOrACardIsNotReportedOnItsOwn() {
        String card = luhnComplete("621700138001380001");
        assertThat(scan("卡号" + card)).extracting(PrivacyFinding::type).containsExactly(FindingType.BANK_CARD);
        assertThat(scan("号码" + withCheck("51010419881380001"))).as("an ID with month 13, not a mobile either")
                .isEmpty();
    }

    @Test
    void bankCardsAreFoundContiguousOrInGroupsOfFour() {
        String text = "卡号6222 0212 3456 7890 128；信用卡4367-4212-3456-7896；借记卡" + CARD;

        assertThat(scan(text)).extracting(f -> text.substring(f.start(), f.end()), PrivacyFinding::maskedValue)
                .containsExactly(
                        tuple("6222 0212 3456 7890 128", "6222***********0128"),
                        tuple("4367-4212-3456-7896", "4367********7896"),
                        tuple(CARD, "6222***********0128"));
    }

    @Test
    void aSixteenDigitNumberFailingTheLuhnCheckIsNotACard() {
        assertThat(PrivacyScanner.luhn("4367421234567897")).isFalse();
        assertThat(scan("卡号4367421234567897")).isEmpty();
    }

    @Test
    void aValidIdIsNotAlsoReportedAsABankCard() {
        // Gansu (62…) numbers start like UnionPay cards; find one that also passes the Luhn check
        String luhnValidId = null;
        for (int seq = 100; luhnValidId == null; seq++) {
            String id = withCheck("62010219900307" + seq);
            if (PrivacyScanner.luhn(id)) {
                luhnValidId = id;
            }
        }
        assertThat(ResidentId.isValid(luhnValidId)).isTrue();

        assertThat(scan(luhnValidId)).extracting(PrivacyFinding::type).containsExactly(FindingType.RESIDENT_ID);
    }

    @Test
    void anIdWithAWrongCheckCharacterOrDateIsNotTakenForACardEvenWhenItPassesLuhn() {
        assertThat(PrivacyScanner.luhn("610113188412045802")).isTrue(); // born 1884: out of range
        assertThat(scan("档案编号610113188412045802，请妥善保管。")).isEmpty();
        assertThat(PrivacyScanner.luhn("54010219430106675")).isTrue(); // 17 digits and a wrong check X
        assertThat(scan("身份证号码54010219430106675X与系统记录不一致")).isEmpty();
    }

    @Test
    void aCardOfNineteenDigitsThatContainsAnIdIsOneCard() {
        String id = withCheck("62010219900307123");
        for (int seq = 124; id.endsWith("X"); seq++) {
            id = withCheck("62010219900307" + seq);
        }
        String card = luhnComplete(id);

        assertThat(scan("卡号" + card)).extracting(PrivacyFinding::type, PrivacyFinding::start, PrivacyFinding::end)
                .containsExactly(tuple(FindingType.BANK_CARD, 2, 21));
    }

    @Test
    void orderNumbersAndDatesAreNotCards() {
        String order = luhnComplete("20241105123456789");
        assertThat(scan("订单号" + order + "，日期2024-11-05，金额1,234.56万元，发票号码24112000000012345678"))
                .isEmpty();
    }

    @Test
    void eMailAddressesAreFoundAndKeepOnlyTheirFirstCharacterAndDomain() {
        String text = "请发送至 xxgk.office+2024@mail.example.gov.cn。或13800138000@163.com";

        assertThat(scan(text)).extracting(PrivacyFinding::type, PrivacyFinding::maskedValue).containsExactly(
                tuple(FindingType.EMAIL, "x***@mail.example.gov.cn"),
                tuple(FindingType.EMAIL, "1***@163.com"));
    }

    @Test
    void secrecyMarkingsWithAStarAndATermAreFound() {
        String text = "机密★10年\n正文。秘密★1年 绝密★长期 秘密★6个月 机密★2030年12月31日 秘密★";

        assertThat(scan(text)).extracting(PrivacyFinding::maskedValue)
                .containsExactly("机密★10年", "秘密★1年", "绝密★长期", "秘密★6个月", "机密★2030年12月31日", "秘密★");
        assertThat(scan(text)).allMatch(f -> f.type() == FindingType.SECRECY_MARKING);
    }

    @Test
    void levelWordsInBracketsAloneOnALineOrAfterTheLabelAreMarkings() {
        String text = "【秘密】\n（机密）\n  秘密  \n密级：绝密\n（机密★5年）";

        assertThat(scan(text)).extracting(PrivacyFinding::maskedValue, PrivacyFinding::line).containsExactly(
                tuple("【秘密】", 1), tuple("（机密）", 2), tuple("秘密", 3), tuple("密级：绝密", 4),
                tuple("（机密★5年）", 5));
    }

    @Test
    void handlingPhrasesAreMarkingsAnywhere() {
        assertThat(scan("本材料为内部资料，注意保密，不得外传。附件：机关内部文件目录")).extracting(PrivacyFinding::maskedValue)
                .containsExactly("内部资料", "注意保密", "不得外传", "内部文件");
    }

    @Test
    void levelWordsInRunningTextAreNotMarkings() {
        assertThat(scan("""
                申请公开的信息涉及商业秘密，依法不予公开。
                国家秘密和工作秘密应当严格管理，做好保密工作，确保信息的机密性和秘密性。
                绝密级文件的管理规定另行制定。国家秘密的密级分为绝密、机密、秘密三级。
                “秘密”级文件由专人保管。
                """)).isEmpty();
    }

    @Test
    void findingsAreOrderedByOffsetAndDoNotOverlap() {
        String text = "【机密★10年】联系13800138000@163.com，" + ID;

        List<PrivacyFinding> findings = scan(text);
        assertThat(findings).extracting(PrivacyFinding::type).containsExactly(
                FindingType.SECRECY_MARKING, FindingType.EMAIL, FindingType.RESIDENT_ID);
        assertThat(findings.getFirst().maskedValue()).isEqualTo("【机密★10年】");
        for (int i = 1; i < findings.size(); i++) {
            assertThat(findings.get(i).start()).isGreaterThanOrEqualTo(findings.get(i - 1).end());
        }
    }

    @Test
    void emptyAndNullTextHaveNoFindings() {
        assertThat(scan("")).isEmpty();
        assertThat(scan(null)).isEmpty();
    }

    @Test
    void oneScannerCanBeSharedBetweenThreads() throws Exception {
        String text = "手机13800138000，身份证" + ID + "\n秘密★1年";
        List<PrivacyFinding> expected = scan(text);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            Callable<List<PrivacyFinding>> task = () -> scanner.scan("正文", text);
            List<Future<List<PrivacyFinding>>> results = pool.invokeAll(Collections.nCopies(200, task));
            for (Future<List<PrivacyFinding>> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        }
        assertThat(expected).hasSize(3);
    }

    /** Appends the Luhn check digit. */
    static String luhnComplete(String digits) {
        for (char d = '0'; d <= '9'; d++) {
            if (PrivacyScanner.luhn(digits + d)) {
                return digits + d;
            }
        }
        throw new AssertionError();
    }
}
