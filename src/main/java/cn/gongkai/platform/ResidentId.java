package cn.gongkai.platform;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * 公民身份号码 (citizen identity number, GB 11643-1999): 6-digit address code, 8-digit birth date (YYYYMMDD),
 * 3-digit sequence code and a check character.
 *
 * <p>A number is valid when it has 18 characters, the first 17 are digits and the first is not 0, the birth date is
 * a real date between 1900-01-01 and today (China Standard Time), and the 18th is the ISO 7064 MOD 11-2 check
 * character: with the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 and R = Σ(digit × weight) mod 11, R = 0 … 10 gives
 * {@code 1 0 X 9 8 7 6 5 4 3 2}. A lower-case {@code x} is accepted and stored as {@code X}.
 *
 * <p>The address code is not checked against the list of administrative divisions (codes of abolished divisions stay
 * valid on the cards issued under them).
 *
 * @param value the 18 characters, check character in upper case
 */
public record ResidentId(String value) {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** @throws IllegalArgumentException saying which rule the value breaks */
    public ResidentId {
        String problem = problem(value, 0, value == null ? 0 : value.length(), today());
        if (problem != null) {
            throw new IllegalArgumentException("Not a valid resident ID number (公民身份号码): " + problem);
        }
        value = value.toUpperCase(Locale.ROOT);
    }

    /** Whether {@code value} is a valid resident ID number as of today (see the class description). */
    public static boolean isValid(String value) {
        return value != null && problem(value, 0, value.length(), today()) == null;
    }

    /** The 18-character number made of these 17 digits and their check character (GB 11643). */
    public static String withCheckCharacter(String first17) {
        if (first17 == null || first17.length() != 17 || !first17.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK[sum % 11];
    }

    /** Masked for display: the first 6 and the last 4 characters kept, {@code 110105********002X}. */
    public String masked() {
        return mask(value);
    }

    /** The birth date encoded in characters 7–14. */
    public LocalDate birthDate() {
        return LocalDate.of(number(value, 6, 4), number(value, 10, 2), number(value, 12, 2));
    }

    @Override
    public String toString() {
        return "ResidentId[" + masked() + "]";
    }

    static String mask(CharSequence id) {
        return id.subSequence(0, 6) + "********" + id.subSequence(14, 18).toString().toUpperCase(Locale.ROOT);
    }

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /** Validity of {@code text[from, to)}, without copying; used by {@link PrivacyScanner}. */
    static boolean isValid(CharSequence text, int from, int to, LocalDate today) {
        return problem(text, from, to, today) == null;
    }

    /** Why {@code text[from, to)} is not a valid number, or {@code null} when it is. */
    private static String problem(CharSequence text, int from, int to, LocalDate today) {
        if (text == null) {
            return "no value";
        }
        if (to - from != 18) {
            return "it has " + (to - from) + " characters, not 18";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = text.charAt(from + i);
            if (c < '0' || c > '9') {
                return "character " + (i + 1) + " is not a digit";
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        if (text.charAt(from) == '0') {
            return "the first digit is 0";
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(number(text, from + 6, 4), number(text, from + 10, 2), number(text, from + 12, 2));
        } catch (DateTimeException e) {
            return "characters 7–14 are not a date";
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return "the birth date " + birth + " is not between " + EARLIEST_BIRTH + " and " + today;
        }
        char last = Character.toUpperCase(text.charAt(from + 17));
        if (last != CHECK[sum % 11]) {
            return "the check character is " + text.charAt(from + 17) + ", expected " + CHECK[sum % 11];
        }
        return null;
    }

    private static int number(CharSequence text, int from, int length) {
        int n = 0;
        for (int i = from; i < from + length; i++) {
            n = n * 10 + (text.charAt(i) - '0');
        }
        return n;
    }
}
