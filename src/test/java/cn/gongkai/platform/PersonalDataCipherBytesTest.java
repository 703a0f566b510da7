package cn.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Files with personal data (identity scans) are encrypted at rest like ID numbers: SM4-GCM, authenticated. */
class PersonalDataCipherBytesTest {

    private final PersonalDataCipher cipher = PersonalDataCipher.fromKey("q3Jx0n8Vd1TgYkP2cW5sLA==");

    @Test
    void aFileSurvivesTheRoundTripWhateverItsSize() {
        Random random = new Random(42);
        for (int size : new int[] {0, 1, 15, 16, 17, 4096, 1_000_003}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            byte[] stored = cipher.encryptBytes(data);
            assertThat(stored).hasSize(size + 31);
            assertThat(cipher.decryptBytes(stored)).isEqualTo(data);
        }
        assertThat(cipher.encryptBytes(null)).isNull();
        assertThat(cipher.decryptBytes(null)).isNull();
    }

    @Test
    void theStoredFormCarriesThePrefixAndNeverThePlaintextAndDiffersEveryTime() {
        byte[] png = "\u0089PNG\r\n\u001a\n scan of 11010519491231002X".getBytes(StandardCharsets.ISO_8859_1);
        byte[] first = cipher.encryptBytes(png);
        byte[] second = cipher.encryptBytes(png);
        assertThat(new String(first, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("v1:");
        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("PNG").doesNotContain("1101051949");
    }

    @Test
    void aChangedByteAnotherKeyOrAForeignValueIsRefusedNeverMisread() {
        byte[] stored = cipher.encryptBytes("身份证扫描件".getBytes(StandardCharsets.UTF_8));
        for (int i = 3; i < stored.length; i++) {
            byte[] changed = Arrays.copyOf(stored, stored.length);
            changed[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.decryptBytes(changed))
                    .isInstanceOf(PersonalDataCipher.DecryptionFailed.class);
        }
        PersonalDataCipher other = PersonalDataCipher.fromKey("7f3a9c0e41b2d6584e1f0a9b3c7d2e65");
        assertThatThrownBy(() -> other.decryptBytes(stored)).isInstanceOf(PersonalDataCipher.DecryptionFailed.class)
                .hasMessageNotContaining("身份证");
        assertThatThrownBy(() -> cipher.decryptBytes("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(PersonalDataCipher.DecryptionFailed.class);
        assertThatThrownBy(() -> cipher.decryptBytes("v1:short".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(PersonalDataCipher.DecryptionFailed.class);
    }
}
