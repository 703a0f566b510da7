package cn.gongkai.org;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Passwords (等保 2.0 level 3): at least 10 characters with three of the four classes (upper case, lower case, digit,
 * symbol), not the username nor containing it, not one of the common passwords of
 * {@code security/common-passwords.txt}, and outside demo mode not the demo password. At most 72 bytes (bcrypt).
 */
final class PasswordPolicy {

    static final String DEMO_PASSWORD = "Gongkai@2026";
    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    private final boolean demo;
    private final Set<String> common;

    PasswordPolicy(boolean demo, Set<String> common) {
        this.demo = demo;
        this.common = common;
    }

    /** The policy with the shipped list of common passwords. */
    static PasswordPolicy load(boolean demo) {
        return new PasswordPolicy(demo, commonPasswords());
    }

    /** The bundle key of the first rule the password breaks, empty when it is acceptable. */
    Optional<String> problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("org.password.tooShort");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("org.password.tooLong");
        }
        if (classes(password) < 3) {
            return Optional.of("org.password.classes");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("org.password.username");
        }
        if (!demo && DEMO_PASSWORD.equalsIgnoreCase(password)) {
            return Optional.of("org.password.demo");
        }
        if (common.contains(lower)) {
            return Optional.of("org.password.common");
        }
        return Optional.empty();
    }

    boolean acceptable(String password, String username) {
        return problem(password, username).isEmpty();
    }

    static int classes(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else if (!Character.isWhitespace(c)) {
                symbol = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    static Set<String> commonPasswords() {
        Set<String> set = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null;) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    set.add(s.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
