package cn.gongkai.org;

/** Passwords: at least 8 characters with letters and digits (等保 basic requirement). */
final class PasswordPolicy {

    static final String DEMO_PASSWORD = "Gongkai@2026";

    private PasswordPolicy() {
    }

    static boolean acceptable(String password) {
        return password != null && password.length() >= 8 && password.chars().anyMatch(Character::isLetter)
                && password.chars().anyMatch(Character::isDigit);
    }
}
