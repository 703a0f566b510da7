package cn.gongkai.platform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A written reply letter (告知书) of the agency, as {@link LetterRenderer} lays it out: the agency's name and the
 * title as the heading, the document number under it, the recipient, the body paragraphs, and at the end the seal
 * placeholder, the agency's name and the date ({@link #closingLines()}, written as {@link #writtenDate(LocalDate)}).
 *
 * <p>Plain Java, no Spring; immutable.
 *
 * @param agencyName the agency, heading line and signature, e.g. 示范市交通运输局
 * @param title the letter's title, e.g. 政府信息公开申请答复告知书
 * @param documentNumber e.g. 示交依复〔2026〕12号; {@code null} or blank for none
 * @param recipient the salutation line as written, e.g. 张三：
 * @param paragraphs the body, one string a paragraph, any length, any Chinese punctuation. A line break inside a string
 *     starts a new paragraph; blank paragraphs are dropped.
 * @param date the date the letter is issued, written as {@link #writtenDate(LocalDate)}
 * @param sealText the text shown where the seal goes, e.g. {@value #DEFAULT_SEAL_TEXT}; {@code null} or blank for none
 */
public record Letter(String agencyName, String title, String documentNumber, String recipient,
        List<String> paragraphs, LocalDate date, String sealText) {

    /** The usual seal placeholder. */
    public static final String DEFAULT_SEAL_TEXT = "（印章）";

    private static final String[] DIGITS = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    public Letter {
        agencyName = required(agencyName, "agencyName");
        title = required(title, "title");
        recipient = required(recipient, "recipient");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(paragraphs, "paragraphs");
        documentNumber = blankToNull(documentNumber);
        sealText = blankToNull(sealText);
        List<String> body = new ArrayList<>();
        for (String paragraph : paragraphs) {
            Objects.requireNonNull(paragraph, "a paragraph is null");
            for (String line : paragraph.split("\\R")) {
                if (!line.isBlank()) {
                    body.add(line.strip());
                }
            }
        }
        paragraphs = List.copyOf(body);
    }

    /** The lines under the body, right-aligned: the agency's name and the date (GB/T 9704-2012 7.3.5.1). */
    public List<String> closingLines() {
        return List.of(agencyName, writtenDate(date));
    }

    /**
     * The date as official documents write it since GB/T 9704-2012 (7.3.5.1): year, month and day in Arabic numerals
     * with 年月日, the year in full, month and day without a leading zero ({@code 2026-12-01} → 2026年12月1日). Letters
     * write every date so: the received date in the opening, the dates in the body and the date under the signature.
     */
    public static String writtenDate(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /**
     * The date in Chinese numerals, as GB/T 9704-1999 wrote it under the signature: the year digit by digit with 〇
     * for zero, month and day as numbers ({@code 2026-11-25} → 二〇二六年十一月二十五日, {@code 2030-01-10} →
     * 二〇三〇年一月十日). Letters now use {@link #writtenDate(LocalDate)}.
     */
    public static String chineseDate(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.getYear() < 0) {
            throw new IllegalArgumentException("A year before the common era has no Chinese date here: " + date);
        }
        StringBuilder out = new StringBuilder();
        String year = Integer.toString(date.getYear());
        for (int i = 0; i < year.length(); i++) {
            out.append(DIGITS[year.charAt(i) - '0']);
        }
        return out.append('年').append(upToThirtyOne(date.getMonthValue())).append('月')
                .append(upToThirtyOne(date.getDayOfMonth())).append('日').toString();
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一. */
    private static String upToThirtyOne(int n) {
        int tens = n / 10;
        int ones = n % 10;
        String prefix = switch (tens) {
            case 0 -> "";
            case 1 -> "十";
            default -> DIGITS[tens] + "十";
        };
        return ones == 0 && tens > 0 ? prefix : prefix + DIGITS[ones];
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A letter needs a " + name);
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
