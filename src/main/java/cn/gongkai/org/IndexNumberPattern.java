package cn.gongkai.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 索引号格式: how an agency writes its index numbers, an agency setting. Tokens: {@code {code}} the 机构代码 (9-character
 * organisation code or 18-character unified social credit code), {@code {year}} the year of formation, and
 * {@code {serial:N}} the serial zero-padded to N digits (4–8). Between them only letters, digits, '-', '_' and '/'
 * (never leading, trailing or doubled), so that a number is its own portal URL path. Serials restart every year
 * (目录管理和备案制度), so a pattern without both the year and the serial would repeat numbers.
 */
public record IndexNumberPattern(String text) {

    private static final Pattern TOKEN = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern SERIAL = Pattern.compile("serial:([4-8])");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_/-]*");

    public static final String DEFAULT_TEXT = "{code}/{year}-{serial:5}";
    public static final int MAX_LENGTH = 60;
    /** {@code catalog_entry.index_number} is varchar(64). */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** Serials are ints: beyond its padding a serial may grow to 10 digits. */
    private static final int MAX_SERIAL_DIGITS = 10;
    /** Declared after the patterns it is checked with: static fields are initialised in order. */
    public static final IndexNumberPattern DEFAULT = new IndexNumberPattern(DEFAULT_TEXT);

    public IndexNumberPattern {
        Optional<String> problem = syntaxProblem(text);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get() + ": " + text);
        }
    }

    /** The message key of what is wrong with a pattern for an agency with this 机构代码, if anything. */
    public static Optional<String> problem(String text, String organisationCode) {
        return syntaxProblem(text).or(() -> maxNumberLength(parse(text), organisationCode.length()) > MAX_NUMBER_LENGTH
                ? Optional.of("org.agency.indexPattern.tooLong") : Optional.empty());
    }

    private static Optional<String> syntaxProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("org.agency.indexPattern.required");
        }
        if (text.length() > MAX_LENGTH) {
            return Optional.of("org.agency.indexPattern.size");
        }
        List<Part> parts = parse(text);
        if (parts == null) {
            return Optional.of("org.agency.indexPattern.unknownToken");
        }
        if (parts.stream().filter(p -> p.kind == Kind.SERIAL).count() != 1
                || parts.stream().anyMatch(p -> p.kind == Kind.BAD_SERIAL)) {
            return Optional.of("org.agency.indexPattern.serial");
        }
        if (parts.stream().noneMatch(p -> p.kind == Kind.YEAR)) {
            return Optional.of("org.agency.indexPattern.year");
        }
        if (parts.stream().anyMatch(p -> p.kind == Kind.LITERAL && !LITERAL.matcher(p.text).matches())
                || text.startsWith("/") || text.endsWith("/") || text.contains("//")) {
            return Optional.of("org.agency.indexPattern.chars");
        }
        return Optional.empty();
    }

    /** The index number for a serial in a year, e.g. {@code 000014349/2026-00001}. */
    public String format(String organisationCode, int year, int serial) {
        StringBuilder number = new StringBuilder();
        for (Part p : parse(text)) {
            switch (p.kind) {
                case CODE -> number.append(organisationCode);
                case YEAR -> number.append(String.format("%04d", year));
                case SERIAL -> number.append(String.format("%0" + p.width + "d", serial));
                default -> number.append(p.text);
            }
        }
        return number.toString();
    }

    private static int maxNumberLength(List<Part> parts, int codeLength) {
        return parts.stream().mapToInt(p -> switch (p.kind) {
            case CODE -> codeLength;
            case YEAR -> 4;
            case SERIAL -> Math.max(p.width, MAX_SERIAL_DIGITS);
            default -> p.text.length();
        }).sum();
    }

    private enum Kind { LITERAL, CODE, YEAR, SERIAL, BAD_SERIAL }

    private record Part(Kind kind, String text, int width) {
    }

    /** The pattern as literals and tokens; null when it has an unknown token or a stray brace. */
    private static List<Part> parse(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(Kind.LITERAL, text.substring(at, m.start()), 0));
            }
            String token = m.group(1);
            Matcher serial = SERIAL.matcher(token);
            if (token.equals("code")) {
                parts.add(new Part(Kind.CODE, token, 0));
            } else if (token.equals("year")) {
                parts.add(new Part(Kind.YEAR, token, 0));
            } else if (serial.matches()) {
                parts.add(new Part(Kind.SERIAL, token, Integer.parseInt(serial.group(1))));
            } else if (token.equals("serial") || token.startsWith("serial:")) {
                parts.add(new Part(Kind.BAD_SERIAL, token, 0));
            } else {
                return null;
            }
            at = m.end();
        }
        if (at < text.length()) {
            parts.add(new Part(Kind.LITERAL, text.substring(at), 0));
        }
        return parts.stream().anyMatch(p -> p.kind == Kind.LITERAL && (p.text.contains("{") || p.text.contains("}")))
                ? null : parts;
    }
}
