package cn.gongkai.platform;

import java.util.Objects;

/**
 * One thing {@link PrivacyScanner} found in a text.
 *
 * @param type        what was found
 * @param location    where the text came from, as the caller named it (a field name or an attachment's file name)
 * @param line        1-based line in that text on which the finding starts
 * @param start       offset of the first character in the scanned text
 * @param end         offset after the last character (exclusive)
 * @param maskedValue the value to show a reviewer: personal data masked ({@code 110105********002X},
 *                    {@code 138****8000}, {@code 6222***********0128}, {@code z***@example.cn}); secrecy markings as
 *                    found
 */
public record PrivacyFinding(FindingType type, String location, int line, int start, int end, String maskedValue) {

    public PrivacyFinding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(maskedValue, "maskedValue");
        if (line < 1 || start < 0 || end <= start) {
            throw new IllegalArgumentException(
                    "Bad position: line " + line + ", start " + start + ", end " + end);
        }
    }

    /** Number of characters covered. */
    public int length() {
        return end - start;
    }
}
