package cn.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Personal data and markings written to slip past a scan: invisible characters, odd spaces, separators. */
class PrivacyScannerDisguiseTest {

    static final String ID = ResidentIdTest.EXAMPLE; // 11010519491231002X

    final PrivacyScanner scanner = new PrivacyScanner();

    List<PrivacyFinding> scan(String text) {
        return scanner.scan("正文", text);
    }

    /** What a finding covers in the original text. */
    static List<String> spans(String text, List<PrivacyFinding> findings) {
        return findings.stream().map(f -> text.substring(f.start(), f.end())).toList();
    }

    @Test
    void zeroWidthCharactersInsideAnIdOrAMobileAreSeenThroughAndCoveredByTheSpan() {
        for (String invisible : new String[] {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"}) {
            String id = "110105" + invisible + "19491231" + invisible + "002X";
            String mobile = "138" + invisible + "0013" + invisible + "8000";
            String text = "身份证号" + id + "，电话" + mobile + "。";
            List<PrivacyFinding> found = scan(text);
            assertThat(found).as("U+%04X", (int) invisible.charAt(0))
                    .extracting(PrivacyFinding::type, PrivacyFinding::maskedValue)
                    .containsExactly(tuple(FindingType.RESIDENT_ID, "110105********002X"),
                            tuple(FindingType.MOBILE, "138****8000"));
            assertThat(spans(text, found)).containsExactly(id, mobile);
        }
    }

    @Test
    void anInvisibleCharacterBeforeOrAfterANumberIsNotPartOfTheSpan() {
        String text = "电话\u200B13800138000\u200B。";
        assertThat(spans(text, scan(text))).containsExactly("13800138000");
    }

    @Test
    void noBreakAndIdeographicSpacesAreReadAsSpaces() {
        for (String space : new String[] {"\u00A0", "\u3000", "\u202F"}) {
            String mobile = "138" + space + "0013" + space + "8000";
            String id = "110105" + space + "19491231" + space + "002X";
            String text = "电话" + mobile + "，证件" + id;
            assertThat(spans(text, scan(text))).as("U+%04X", (int) space.charAt(0)).containsExactly(mobile, id);
        }
    }

    @Test
    void fullWidthDigitsMixedWithZeroWidthCharactersAreFound() {
        String mobile = "１３８\u200B００１３\u200B８０００";
        String text = "电话：" + mobile;
        assertThat(scan(text)).extracting(PrivacyFinding::maskedValue).containsExactly("138****8000");
        assertThat(spans(text, scan(text))).containsExactly(mobile);
    }

    @Test
    void idsWithDotsOrOtherSeparatorsAnywhereAreFound() {
        for (String id : new String[] {"110105.1949.1231.002X", "110105-1949-1231-002X", "1101 0519 4912 3100 2X",
            "110105_19491231_002x", "110105·19491231·002X", "110 105 194 912 310 02X", "110105 - 19491231 - 002X"}) {
            String text = "公民身份号码" + id + "。";
            assertThat(scan(text)).as(id).extracting(PrivacyFinding::type, PrivacyFinding::maskedValue)
                    .containsExactly(tuple(FindingType.RESIDENT_ID, "110105********002X"));
            assertThat(spans(text, scan(text))).containsExactly(id);
        }
    }

    @Test
    void mobilesWithDotsOrOtherSeparatorsAreFound() {
        for (String mobile : new String[] {"138.0013.8000", "138-0013-8000", "138 0013 8000", "1380.013.8000",
            "138 00138 000", "138–0013–8000", "138. 0013. 8000"}) {
            String text = "联系电话" + mobile + "，";
            assertThat(scan(text)).as(mobile).extracting(PrivacyFinding::type, PrivacyFinding::maskedValue)
                    .containsExactly(tuple(FindingType.MOBILE, "138****8000"));
            assertThat(spans(text, scan(text))).containsExactly(mobile);
        }
    }

    @Test
    void dottedVersionNumbersAddressesDatesAndAmountsAreNotMobiles() {
        for (String text : new String[] {"版本13.0.1234.5678已发布", "服务器地址139.168.100.112", "日期2024.11.05",
            "时间2024-11-05 13:30", "版本号V15.2.1380.0013", "金额138.0013.8000元", "共1380.0138000万元",
            "13.8 0.013 8.000", "文号2024-138-0013", "会议于2023.12.31 10:00召开，编号13 8001 3800 0"}) {
            assertThat(scan(text)).as(text).isEmpty();
        }
    }

    @Test
    void dottedDigitRunsThatAreNotValidIdsAreNotIds() {
        assertThat(scan("编号110105.1949.1231.0021")).isEmpty(); // wrong check character
        assertThat(scan("编号110105.1949.1331.002X")).isEmpty(); // month 13
    }

    @Test
    void aMarkingWithZeroWidthCharactersInsideIsFoundAndShownWithoutThem() {
        String marking = "机\u200B密★\u00AD10年";
        String text = "本文件定密为" + marking + "。";
        List<PrivacyFinding> found = scan(text);
        assertThat(found).extracting(PrivacyFinding::type, PrivacyFinding::maskedValue)
                .containsExactly(tuple(FindingType.SECRECY_MARKING, "机密★10年"));
        assertThat(spans(text, found)).containsExactly(marking);
        String phrase = "内部\u200D资料";
        assertThat(spans(phrase, scan(phrase))).containsExactly(phrase);
    }

    @Test
    void linesAreCountedInTheOriginalText() {
        String text = "\u200B第一行\n\u200B\u200B电话138.0013.8000";
        assertThat(scan(text)).extracting(PrivacyFinding::line).containsExactly(2);
    }
}
