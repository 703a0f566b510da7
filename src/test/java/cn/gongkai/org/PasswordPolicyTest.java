package cn.gongkai.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy production = PasswordPolicy.load(false);
    private final PasswordPolicy demo = PasswordPolicy.load(true);

    @Test
    void tenCharactersWithThreeClassesAreAccepted() {
        assertThat(production.problem("Ruhe7#qpzx", "wangli")).isEmpty();
        assertThat(production.problem("blue7river#stone", "wangli")).isEmpty();
    }

    @Test
    void shorterThanTenCharactersIsRefused() {
        assertThat(production.problem("Ruhe7#qpz", "wangli")).contains("org.password.tooShort");
    }

    @Test
    void fewerThanThreeClassesAreRefused() {
        assertThat(production.problem("ruhesuiqpzxk", "wangli")).contains("org.password.classes");
        assertThat(production.problem("ruhesuiqpz77", "wangli")).contains("org.password.classes");
    }

    @Test
    void thePasswordMayNotContainTheUsername() {
        assertThat(production.problem("Wangli@2026x", "wangli")).contains("org.password.username");
        assertThat(production.problem("xx-WANGLI-2026", "wangli")).contains("org.password.username");
    }

    @Test
    void commonPasswordsAreRefusedChineseTypicalOnesIncluded() {
        for (String p : new String[] {"Aa123456789", "woaini1314", "Password@123", "1qaz@WSX3edc", "P@ssw0rd123"}) {
            Optional<String> problem = production.problem(p, "wangli");
            assertThat(problem).as(p).isPresent();
        }
        assertThat(production.problem("Password@123", "wangli")).contains("org.password.common");
        assertThat(PasswordPolicy.commonPasswords()).hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void theDemoPasswordIsRefusedOutsideDemoModeOnly() {
        assertThat(production.problem("Gongkai@2026", "wangli")).contains("org.password.demo");
        assertThat(demo.problem("Gongkai@2026", "wangli")).isEmpty();
    }

    @Test
    void generatedPasswordsMeetThePolicy() {
        for (int i = 0; i < 200; i++) {
            assertThat(production.problem(Administration.randomPassword(), "wangli")).isEmpty();
        }
    }
}
