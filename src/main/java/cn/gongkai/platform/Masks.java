package cn.gongkai.platform;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data as shown on screen: part kept, the rest replaced by {@code *}, one per hidden character (counted in
 * code points, so a rare character outside the BMP is one). Every method gives {@code null} for {@code null} and
 * trims first. A value too short to hide anything once the kept characters are taken is shown as asterisks only.
 * The forms match {@link PrivacyScanner}'s masked values.
 */
public final class Masks {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u3000-]+");
    private static final Pattern MOBILE_WITH_COUNTRY = Pattern.compile("(?:\\+|00)?86(1[3-9][0-9]{9})");

    private Masks() {
    }

    /**
     * 公民身份号码: the first 6 and the last 4 characters kept, {@code 110105********002X}; spaces and hyphens
     * between groups dropped, a final {@code x} shown as {@code X}. A 15-digit number keeps the same parts.
     */
    public static String residentId(String id) {
        if (id == null) {
            return null;
        }
        return keep(SEPARATORS.matcher(id).replaceAll("").toUpperCase(Locale.ROOT), 6, 4);
    }

    /**
     * Phone number: the first 3 and the last 4 digits kept, {@code 138****8000}; spaces and hyphens dropped, and a
     * {@code +86}, {@code 0086} or {@code 86} before a mobile number.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = SEPARATORS.matcher(phone).replaceAll("");
        Matcher m = MOBILE_WITH_COUNTRY.matcher(digits);
        if (m.matches()) {
            digits = m.group(1);
        }
        return keep(digits, 3, 4);
    }

    /** A person's name: the first character kept, {@code 张*}, {@code 欧***}; a one-character name stays as it is. */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        String s = name.strip();
        if (s.codePointCount(0, s.length()) <= 1) {
            return s;
        }
        return keep(s, 1, 0);
    }

    /** 统一社会信用代码 (or any organisation code): the first 4 and the last 4 characters kept. */
    public static String creditCode(String code) {
        if (code == null) {
            return null;
        }
        return keep(code.strip(), 4, 4);
    }

    /**
     * E-mail address: the first character of the local part and the domain kept, {@code z***@example.cn} (always three
     * asterisks, so the local part's length is not shown). Without an {@code @}: asterisks only.
     */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        String s = email.strip();
        int at = s.lastIndexOf('@');
        if (at < 1) {
            return stars(s.codePointCount(0, s.length()));
        }
        return s.substring(0, s.offsetByCodePoints(0, 1)) + "***" + s.substring(at);
    }

    /** {@code s} with its first {@code head} and last {@code tail} code points kept, or only asterisks when short. */
    private static String keep(String s, int head, int tail) {
        String t = s.strip();
        int length = t.codePointCount(0, t.length());
        if (length <= head + tail) {
            return stars(length);
        }
        int headEnd = t.offsetByCodePoints(0, head);
        int tailStart = t.offsetByCodePoints(t.length(), -tail);
        return t.substring(0, headEnd) + stars(length - head - tail) + t.substring(tailStart);
    }

    private static String stars(int n) {
        return "*".repeat(n);
    }
}
