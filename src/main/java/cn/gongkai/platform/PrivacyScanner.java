package cn.gongkai.platform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The privacy and secrecy scan run before anything is published (no state secrets, trade secrets or personal privacy
 * may be published). It reports what a reviewer must look at; it does not decide and it does not change the text.
 *
 * <p>Plain Java, no Spring; an instance holds only precompiled patterns and is safe to share between threads.
 *
 * <h2>What is reported</h2>
 * <ul>
 * <li><b>{@link FindingType#RESIDENT_ID}</b>: 18 characters that are a valid {@link ResidentId} (17 digits, check
 * character by GB 11643-1999, first digit 1–9, birth date a real date between 1900-01-01 and today). Also written as
 * 6-8-4 groups separated by one space or hyphen ({@code 110105 19491231 002X}). Wrong check characters and impossible
 * dates are not reported; 15-digit first-generation numbers are not reported.</li>
 * <li><b>{@link FindingType#MOBILE}</b>: 11 digits starting 13–19, optionally after {@code +86}, {@code 0086} or
 * {@code 86} (with an optional space or hyphen), optionally grouped 3-4-4 by spaces or by hyphens (one kind per
 * number). The span includes the prefix; the masked value is the 11-digit number, {@code 138****8000}.</li>
 * <li><b>{@link FindingType#BANK_CARD}</b>: 16–19 digits, contiguous or in groups of four separated by spaces or by
 * hyphens (the last group 1–3 digits for 17–19-digit cards), that pass the Luhn check and start like a payment card
 * (ISO/IEC 7812 issuer: first digit 4, 5, 6 or 9, or 2221–2720, or 3528–3589). Not reported: a valid resident ID,
 * an 18-digit number shaped like a resident ID (a province code 11–83 followed by a birth year 18xx, 19xx or 20xx)
 * whose check character or date is wrong, which is a mistyped ID, not a card, and 17 digits followed by X (an ID with
 * the check character X). Numbers that start like order numbers with a date ({@code 20241105…}) are not taken for
 * cards, as no card issuer's number starts that way. Masked keeping the first and last four digits.</li>
 * <li><b>{@link FindingType#EMAIL}</b>: {@code local@domain.tld} with ASCII letters, digits and {@code . _ % + -} in
 * the local part. Masked keeping the local part's first character and the domain, {@code z***@example.cn}.</li>
 * <li><b>{@link FindingType#SECRECY_MARKING}</b> (保密审查制度 六), shown as found:
 * <ul>
 * <li>a level word 绝密, 机密 or 秘密 followed by ★ and optionally a term: {@code 机密★10年}, {@code 秘密★6个月},
 * {@code 绝密★长期}, {@code 秘密★2030年12月31日}, {@code 秘密★};</li>
 * <li>a level word alone in brackets 【】 [] （） 〔〕 〖〗, also with ★ and a term: {@code 【秘密】}, {@code （机密★5年）};
 * the span includes the brackets;</li>
 * <li>a level word that is alone on its line (spaces around it allowed);</li>
 * <li>a level word after the label 密级 ({@code 密级：机密});</li>
 * <li>the phrases 内部资料, 注意保密, 不得外传 and 内部文件, wherever they appear.</li>
 * </ul>
 * A level word in running text is <em>not</em> reported: 商业秘密, 国家秘密, 工作秘密, 秘密性, 机密性, 绝密级文件,
 * "分为绝密、机密、秘密三级", nor a level word in quotation marks ("“秘密”级"). The words 保密, 保密工作 and 保密审查
 * are not markings either.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * A number is only reported when it is not part of a longer digit run: an ID inside a 20-digit order number, or a
 * mobile number inside a card number, is not reported on its own; a grouped card is not taken from the middle of a
 * longer run of four-digit groups. A number directly followed by a decimal part or by 元, 万, 亿 or %, or preceded by
 * ¥ or $, is an amount and not reported.
 *
 * <h2>Disguise</h2>
 * Before matching, characters that do not show (zero-width U+200B–U+200F, U+2060, U+FEFF, soft hyphen U+00AD) are
 * dropped, full-width digits, letters and signs (０-９, Ｘ, ＠, ＋, －, ：, （）) are read as their ASCII forms (NFKC),
 * and the ideographic, no-break and other Unicode spaces as a space. Resident IDs and mobile numbers are also found
 * with separators anywhere inside ({@code 110105.1949.1231.002X}, {@code 138.0013.8000}; see
 * {@link #findSeparatedNumbers}). Offsets always refer to the text as given: a finding spans from its first to its last
 * character there, with any invisible characters in between, so that redacting the span removes all of it.
 *
 * <h2>Results</h2>
 * Findings are ordered by offset and never overlap: where two candidates overlap (an e-mail address whose local part
 * is a mobile number, a bracketed marking around a starred one) the longer is kept, and at equal length the earlier
 * type in {@link FindingType}'s order. Lines are counted from 1; {@code \n}, {@code \r\n}, {@code \r}, U+0085, U+2028
 * and U+2029 end a line.
 */
public final class PrivacyScanner {

    private static final String LEVEL = "(绝密|机密|秘密)";
    private static final String TERM = "(?:长期"
            + "|[0-9]{4}年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?"
            + "|[0-9]{1,3}(?:个月|年|月|天|日)"
            + "|[一二两三四五六七八九十]{1,3}(?:个月|年))";
    private static final String STAR = "[ \\t]*★(?:[ \\t]*" + TERM + ")?";

    private static final Pattern STARRED = Pattern.compile(LEVEL + STAR);
    private static final Pattern BRACKETED = Pattern.compile(
            "[【\\[(〔〖][ \\t]*" + LEVEL + "(?:" + STAR + ")?[ \\t]*[】\\])〕〗]");
    private static final Pattern ALONE = Pattern.compile("^[ \\t]*" + LEVEL + "[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern LABELLED = Pattern.compile("密级[ \\t]*:?[ \\t]*" + LEVEL + "(?:" + STAR + ")?");
    private static final Pattern PHRASE = Pattern.compile("内部资料|注意保密|不得外传|内部文件");
    private static final List<Pattern> WHOLE_MATCH_MARKINGS = List.of(STARRED, BRACKETED, LABELLED, PHRASE);

    private static final Pattern ID = Pattern.compile(
            "(?<![0-9])[1-9][0-9]{5}([ -]?)[0-9]{8}\\1[0-9]{3}[0-9Xx](?![0-9Xx])(?!\\1[0-9])");
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![0-9])(?:(?:\\+|00)?86[ -]?)?1[3-9][0-9]([ -]?)[0-9]{4}\\1[0-9]{4}(?![0-9])(?!\\1[0-9])");
    private static final Pattern CARD = Pattern.compile(
            "(?<![0-9])(?:[0-9]{16,19}(?![0-9Xx])"
                    + "|[0-9]{4}([ -])[0-9]{4}\\1[0-9]{4}\\1[0-9]{4}(?:\\1[0-9]{1,3})?(?![0-9])(?!\\1[0-9]))");
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])");

    private static final String SEPARATOR = "[ .\\-_·\u2010-\u2014\u2212]";
    private static final Pattern SEPARATED = Pattern.compile(
            "(?<![0-9A-Za-z.])[0-9]+(?:" + SEPARATOR + "{1,3}[0-9]+)+(?:[Xx])?(?![0-9A-Za-z])");

    private static final Pattern AMOUNT_AFTER = Pattern.compile("\\.[0-9]|[ \\t]*(?:元|万|亿|%|‰|美元)");

    private static final Comparator<PrivacyFinding> LONGEST_FIRST = Comparator
            .comparingInt(PrivacyFinding::length).reversed()
            .thenComparing(PrivacyFinding::type)
            .thenComparingInt(PrivacyFinding::start);

    /**
     * Scans one text.
     *
     * @param location the field name or attachment file name, copied into each finding
     * @param text     the text; {@code null} is scanned as empty
     * @return the findings, ordered by offset, not overlapping
     */
    public List<PrivacyFinding> scan(String location, String text) {
        Objects.requireNonNull(location, "location");
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Normalized n = normalize(text);
        String folded = n.text();
        LocalDate today = ResidentId.today();
        List<Candidate> candidates = new ArrayList<>();
        findIds(folded, today, candidates);
        findMobiles(folded, candidates);
        findCards(folded, today, candidates);
        findSeparatedNumbers(folded, today, candidates);
        findEmails(folded, candidates);
        findMarkings(folded, candidates);
        List<Candidate> original = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            int start = n.toOriginal(c.start);
            int end = n.toOriginal(c.end - 1) + 1;
            String masked = c.type == FindingType.SECRECY_MARKING ? withoutInvisible(text.substring(start, end))
                    : c.masked;
            original.add(new Candidate(c.type, start, end, masked));
        }
        return resolve(location, text, original);
    }

    // --- disguise --------------------------------------------------------------------------------------------

    /**
     * Characters that do not show: zero-width space, non-joiner and joiner (U+200B–U+200D), left-to-right and
     * right-to-left marks (U+200E, U+200F), word joiner (U+2060), zero-width no-break space (U+FEFF) and soft hyphen
     * (U+00AD). They are dropped before matching, so {@code 138\u200B0013\u200B8000} is a mobile number.
     */
    static boolean isInvisible(char c) {
        return (c >= '\u200B' && c <= '\u200F') || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    private static String withoutInvisible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!isInvisible(s.charAt(i))) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }

    /** The text as matched, and for each of its characters the offset of that character in the original. */
    record Normalized(String text, int[] offsets) {

        int toOriginal(int index) {
            return offsets[index];
        }
    }

    /**
     * Invisible characters dropped; full-width forms U+FF01–U+FF5E read as ASCII (as NFKC does: ０-９, Ｘ, ＠…); the
     * ideographic space U+3000, the no-break spaces U+00A0, U+2007, U+202F and other Unicode spaces read as a space.
     */
    static Normalized normalize(String text) {
        StringBuilder b = new StringBuilder(text.length());
        int[] offsets = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            char f = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0)
                    : c == '\u3000' || c == '\u00A0' || c == '\u202F' || (c >= '\u2000' && c <= '\u200A') ? ' '
                    : c;
            offsets[b.length()] = i;
            b.append(f);
        }
        return new Normalized(b.toString(), offsets);
    }

    // --- numbers ---------------------------------------------------------------------------------------------

    private static void findIds(String s, LocalDate today, List<Candidate> out) {
        Matcher m = ID.matcher(s);
        while (m.find()) {
            if (!m.group(1).isEmpty() && precededByGroup(s, m.start(), m.group(1).charAt(0))) {
                continue;
            }
            if (isAmount(s, m.start(), m.end())) {
                continue;
            }
            String id = digitsOf(s, m.start(), m.end());
            if (ResidentId.isValid(id, 0, id.length(), today)) {
                out.add(new Candidate(FindingType.RESIDENT_ID, m.start(), m.end(), ResidentId.mask(id)));
            }
        }
    }

    private static void findMobiles(String s, List<Candidate> out) {
        Matcher m = MOBILE.matcher(s);
        while (m.find()) {
            if (isAmount(s, m.start(), m.end())) {
                continue;
            }
            String digits = digitsOf(s, m.start(), m.end());
            String number = digits.substring(digits.length() - 11);
            out.add(new Candidate(FindingType.MOBILE, m.start(), m.end(),
                    number.substring(0, 3) + "****" + number.substring(7)));
        }
    }

    private static void findCards(String s, LocalDate today, List<Candidate> out) {
        Matcher m = CARD.matcher(s);
        while (m.find()) {
            String separator = m.group(1);
            if (separator != null && precededByGroup(s, m.start(), separator.charAt(0))) {
                continue;
            }
            if (isAmount(s, m.start(), m.end())) {
                continue;
            }
            String digits = digitsOf(s, m.start(), m.end());
            if (!luhn(digits) || !cardIssuer(digits)) {
                continue;
            }
            if (digits.length() == 18 && (ResidentId.isValid(digits, 0, 18, today) || idShaped(digits))) {
                continue;
            }
            out.add(new Candidate(FindingType.BANK_CARD, m.start(), m.end(),
                    digits.substring(0, 4) + "*".repeat(digits.length() - 8) + digits.substring(digits.length() - 4)));
        }
    }

    /**
     * Resident IDs and mobile numbers with separators anywhere: runs of digit groups joined by up to three of
     * {@code space . - _ ·} and the Unicode dashes (‐ ‑ ‒ – — −), such as {@code 110105.1949.1231.002X},
     * {@code 138.0013.8000} or {@code 1380 013 8000}. A run is a resident ID when its digits are exactly a valid one;
     * a mobile number when they are exactly 11 digits starting 13–19, every group has at least three digits and one at
     * least four (so that version numbers {@code 13.0.1234.5678}, addresses {@code 139.168.100.112} and dates are
     * not taken). A run that is an amount is not reported.
     */
    private static void findSeparatedNumbers(String s, LocalDate today, List<Candidate> out) {
        Matcher m = SEPARATED.matcher(s);
        while (m.find()) {
            if (isAmount(s, m.start(), m.end())) {
                continue;
            }
            String digits = digitsOf(s, m.start(), m.end());
            if (digits.length() == 18 && ResidentId.isValid(digits, 0, 18, today)) {
                out.add(new Candidate(FindingType.RESIDENT_ID, m.start(), m.end(), ResidentId.mask(digits)));
            } else if (digits.length() == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '3'
                    && mobileGroups(m.group())) {
                out.add(new Candidate(FindingType.MOBILE, m.start(), m.end(),
                        digits.substring(0, 3) + "****" + digits.substring(7)));
            }
        }
    }

    private static boolean mobileGroups(String run) {
        boolean long4 = false;
        for (String group : run.split(SEPARATOR + "+")) {
            if (group.length() < 3) {
                return false;
            }
            long4 |= group.length() >= 4;
        }
        return long4;
    }

    /** Whether a grouped number starting at {@code start} continues a run: a group of four digits and the separator. */
    private static boolean precededByGroup(String s, int start, char separator) {
        if (start < 5 || s.charAt(start - 1) != separator) {
            return false;
        }
        for (int i = start - 5; i < start - 1; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return start == 5 || !isDigit(s.charAt(start - 6));
    }

    private static boolean isAmount(String s, int start, int end) {
        if (start > 0) {
            char before = s.charAt(start - 1);
            if (before == '¥' || before == '￥' || before == '$') {
                return true;
            }
            if (before == '.' && start > 1 && isDigit(s.charAt(start - 2))) {
                return true;
            }
        }
        Matcher after = AMOUNT_AFTER.matcher(s).region(end, s.length());
        return after.lookingAt();
    }

    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** ISO/IEC 7812 issuer identification of payment cards in use in China. */
    private static boolean cardIssuer(String digits) {
        char first = digits.charAt(0);
        if (first == '4' || first == '5' || first == '6' || first == '9') {
            return true;
        }
        int four = Integer.parseInt(digits, 0, 4, 10);
        return (four >= 2221 && four <= 2720) || (four >= 3528 && four <= 3589);
    }

    /** 18 digits starting with a province code and a birth year 18xx, 19xx or 20xx: a resident ID, valid or not. */
    private static boolean idShaped(String digits) {
        int province = Integer.parseInt(digits, 0, 2, 10);
        boolean provinceCode = (province >= 11 && province <= 15) || (province >= 21 && province <= 23)
                || (province >= 31 && province <= 37) || (province >= 41 && province <= 46)
                || (province >= 50 && province <= 54) || (province >= 61 && province <= 65)
                || province == 71 || (province >= 81 && province <= 83);
        int century = Integer.parseInt(digits, 6, 8, 10);
        return provinceCode && century >= 18 && century <= 20;
    }

    private static String digitsOf(String s, int start, int end) {
        StringBuilder b = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (isDigit(c) || c == 'X' || c == 'x') {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // --- e-mail and markings ---------------------------------------------------------------------------------

    private static void findEmails(String s, List<Candidate> out) {
        Matcher m = EMAIL.matcher(s);
        while (m.find()) {
            String address = m.group();
            int at = address.indexOf('@');
            out.add(new Candidate(FindingType.EMAIL, m.start(), m.end(),
                    address.charAt(0) + "***" + address.substring(at)));
        }
    }

    /** The masked value of a marking is taken from the original text once positions are mapped back. */
    private static void findMarkings(String s, List<Candidate> out) {
        for (Pattern p : WHOLE_MATCH_MARKINGS) {
            Matcher m = p.matcher(s);
            while (m.find()) {
                out.add(new Candidate(FindingType.SECRECY_MARKING, m.start(), m.end(), ""));
            }
        }
        Matcher m = ALONE.matcher(s);
        while (m.find()) {
            out.add(new Candidate(FindingType.SECRECY_MARKING, m.start(1), m.end(1), ""));
        }
    }

    // --- results ---------------------------------------------------------------------------------------------

    private static List<PrivacyFinding> resolve(String location, String text, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<PrivacyFinding> all = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            all.add(new PrivacyFinding(c.type, location, 1, c.start, c.end, c.masked));
        }
        all.sort(LONGEST_FIRST);
        TreeMap<Integer, PrivacyFinding> kept = new TreeMap<>();
        for (PrivacyFinding f : all) {
            Map.Entry<Integer, PrivacyFinding> before = kept.floorEntry(f.start());
            Map.Entry<Integer, PrivacyFinding> after = kept.ceilingEntry(f.start());
            boolean overlaps = (before != null && before.getValue().end() > f.start())
                    || (after != null && after.getKey() < f.end());
            if (!overlaps) {
                kept.put(f.start(), f);
            }
        }
        List<PrivacyFinding> result = new ArrayList<>(kept.size());
        int line = 1;
        int position = 0;
        for (PrivacyFinding f : kept.values()) {
            for (; position < f.start(); position++) {
                char c = text.charAt(position);
                if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029'
                        || (c == '\r' && (position + 1 >= text.length() || text.charAt(position + 1) != '\n'))) {
                    line++;
                }
            }
            result.add(new PrivacyFinding(f.type(), location, line, f.start(), f.end(), f.maskedValue()));
        }
        return List.copyOf(result);
    }

    private record Candidate(FindingType type, int start, int end, String masked) {
    }
}
