package cn.gongkai.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238, appendix B: the SHA-1 seed "12345678901234567890", 8 digits. */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codesMatchTheRfc6238TestVectorsForSha1() {
        long[][] vectors = {{59, 94287082}, {1111111109, 7081804}, {1111111111, 14050471}, {1234567890, 89005924},
                {2000000000, 69279037}, {20000000000L, 65353130}};
        for (long[] v : vectors) {
            assertThat(Totp.code(RFC_SEED, Totp.step(v[0]), 8)).as("T=%d", v[0]).isEqualTo((int) v[1]);
        }
    }

    @Test
    void sixDigitCodesAreTheLastSixDigitsOfTheRfcValues() {
        assertThat(Totp.format(Totp.code(RFC_SEED, Totp.step(1111111109), 6), 6)).isEqualTo("081804");
        assertThat(Totp.format(Totp.code(RFC_SEED, Totp.step(59), 6), 6)).isEqualTo("287082");
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndOnlyOnce() {
        long step = Totp.step(1111111109);
        String now = Totp.format(Totp.code(RFC_SEED, step, 6), 6);
        String next = Totp.format(Totp.code(RFC_SEED, step + 1, 6), 6);
        String far = Totp.format(Totp.code(RFC_SEED, step + 3, 6), 6);
        assertThat(Totp.match(RFC_SEED, now, step, 0)).isEqualTo(step);
        assertThat(Totp.match(RFC_SEED, next, step, 0)).isEqualTo(step + 1);
        assertThat(Totp.match(RFC_SEED, far, step, 0)).isEqualTo(-1);
        assertThat(Totp.match(RFC_SEED, now, step, step)).as("used already").isEqualTo(-1);
        assertThat(Totp.match(RFC_SEED, "12345", step, 0)).isEqualTo(-1);
    }

    @Test
    void theProvisioningUriIsWhatAuthenticatorAppsRead() {
        assertThat(Base32.encode(RFC_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(RFC_SEED);
        assertThat(Totp.uri("Gongkai", "wang.li", RFC_SEED)).isEqualTo("otpauth://totp/Gongkai:wang.li"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Gongkai&algorithm=SHA1&digits=6&period=30");
        assertThat(QrSvg.svg("otpauth://totp/x")).startsWith("<svg").contains("<path d=\"M");
    }
}
