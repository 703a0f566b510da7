package cn.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataCipherTest {

    private static final String KEY = "q3Jx0n8Vd1TgYkP2cW5sLA==";
    private static final String OTHER_KEY = "7f3a9c0e41b2d6584e1f0a9b3c7d2e65";
    private static final String ID = "11010519491231002X";

    private final PersonalDataCipher cipher = PersonalDataCipher.fromKey(KEY);

    @Test
    void chineseTextIdsAndPhonesSurviveTheRoundTrip() {
        for (String value : List.of(ID, "13800138000", "张三", "欧阳小明 北京市朝阳区建国路88号", "𠈌", "", " x ")) {
            assertThat(cipher.decrypt(cipher.encrypt(value))).isEqualTo(value);
        }
    }

    @Test
    void nullPassesThroughEncryptDecryptAndLookupHash() {
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
        assertThat(cipher.lookupHash(null)).isNull();
    }

    @Test
    void theStoredFormIsV1AndBase64OfANonceTheCiphertextAndATagAndNeverContainsThePlaintext() {
        String stored = cipher.encrypt(ID);
        assertThat(stored).startsWith("v1:").doesNotContain(ID).doesNotContain("002X");
        byte[] payload = Base64.getDecoder().decode(stored.substring(3));
        assertThat(payload).hasSize(12 + ID.length() + 16);
        assertThat(stored).hasSize(67);
        assertThat(cipher.encrypt("13800138000")).hasSize(55);
        assertThat(PersonalDataCipher.isEncrypted(stored)).isTrue();
        assertThat(PersonalDataCipher.isEncrypted(ID)).isFalse();
    }

    @Test
    void theStoredValueIsSm4GcmUnderTheMasterKeyWithTheNonceFirstAndV1AsAssociatedData() throws Exception {
        byte[] payload = Base64.getDecoder().decode(cipher.encrypt("张三").substring(3));
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(false, new AEADParameters(new KeyParameter(Base64.getDecoder().decode(KEY)), 128,
                Arrays.copyOf(payload, 12), "v1".getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[gcm.getOutputSize(payload.length - 12)];
        int n = gcm.processBytes(payload, 12, payload.length - 12, out, 0);
        n += gcm.doFinal(out, n);
        assertThat(new String(out, 0, n, StandardCharsets.UTF_8)).isEqualTo("张三");
    }

    @Test
    void twoEncryptionsOfTheSameValueDifferButTheirLookupHashIsEqual() {
        String a = cipher.encrypt(ID);
        String b = cipher.encrypt(ID);
        assertThat(a).isNotEqualTo(b);
        byte[] nonceA = Base64.getDecoder().decode(a.substring(3));
        byte[] nonceB = Base64.getDecoder().decode(b.substring(3));
        assertThat(Arrays.copyOf(nonceA, 12)).isNotEqualTo(Arrays.copyOf(nonceB, 12));
        assertThat(cipher.lookupHash(ID)).isEqualTo(cipher.lookupHash(ID)).matches("[0-9a-f]{64}");
    }

    @Test
    void theLookupHashIsKeyedSoItDiffersUnderAnotherKey() {
        assertThat(PersonalDataCipher.fromKey(OTHER_KEY).lookupHash(ID)).isNotEqualTo(cipher.lookupHash(ID));
    }

    @Test
    void theLookupHashIsNotThePlainSm3OfTheValue() {
        SM3Digest sm3 = new SM3Digest();
        byte[] in = ID.getBytes(StandardCharsets.UTF_8);
        sm3.update(in, 0, in.length);
        byte[] plain = new byte[32];
        sm3.doFinal(plain, 0);
        assertThat(cipher.lookupHash(ID)).isNotEqualTo(HexFormat.of().formatHex(plain));
    }

    @Test
    void lowerCaseXSpacesAndFullWidthDigitsGiveTheSameLookupHash() {
        String hash = cipher.lookupHash(ID);
        assertThat(cipher.lookupHash("11010519491231002x")).isEqualTo(hash);
        assertThat(cipher.lookupHash("  11010519491231002X\t")).isEqualTo(hash);
        assertThat(cipher.lookupHash("110105 19491231 002x")).isEqualTo(hash);
        assertThat(cipher.lookupHash("１１０１０５１９４９１２３１００２Ｘ")).isEqualTo(hash);
        assertThat(cipher.lookupHash("138 0013 8000")).isEqualTo(cipher.lookupHash("13800138000"));
    }

    @Test
    void differentValuesGiveDifferentLookupHashes() {
        assertThat(cipher.lookupHash("110105194912310037")).isNotEqualTo(cipher.lookupHash(ID));
        assertThat(cipher.lookupHash("13800138001")).isNotEqualTo(cipher.lookupHash("13800138000"));
    }

    @Test
    void everyFlippedByteOfTheStoredValueFailsToDecrypt() {
        String stored = cipher.encrypt(ID);
        byte[] payload = Base64.getDecoder().decode(stored.substring(3));
        for (int i = 0; i < payload.length; i++) {
            byte[] tampered = payload.clone();
            tampered[i] ^= 0x01;
            String bad = "v1:" + Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> cipher.decrypt(bad)).as("byte %d flipped", i)
                    .isInstanceOf(PersonalDataCipher.DecryptionFailed.class)
                    .hasMessageContaining("authentication tag does not match");
        }
    }

    @Test
    void aValueEncryptedUnderAnotherKeyFailsToDecrypt() {
        String stored = PersonalDataCipher.fromKey(OTHER_KEY).encrypt(ID);
        assertThatThrownBy(() -> cipher.decrypt(stored)).isInstanceOf(PersonalDataCipher.DecryptionFailed.class)
                .hasMessageContaining("another key");
    }

    @Test
    void malformedStoredValuesFailWithAMessageSayingWhy() {
        String stored = cipher.encrypt(ID);
        assertThatThrownBy(() -> cipher.decrypt(ID)).isInstanceOf(PersonalDataCipher.DecryptionFailed.class)
                .hasMessageContaining("no 'v1:' prefix").hasMessageNotContaining(ID);
        assertThatThrownBy(() -> cipher.decrypt("v2:" + stored.substring(3)))
                .isInstanceOf(PersonalDataCipher.DecryptionFailed.class).hasMessageContaining("unknown format 'v2'");
        assertThatThrownBy(() -> cipher.decrypt("v1:***")).isInstanceOf(PersonalDataCipher.DecryptionFailed.class)
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA")).isInstanceOf(PersonalDataCipher.DecryptionFailed.class)
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> cipher.decrypt(stored.substring(0, stored.length() - 4)))
                .isInstanceOf(PersonalDataCipher.DecryptionFailed.class);
    }

    @Test
    void hexAndBase64FormsOfOneKeyAreTheSameKey() {
        String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(KEY));
        PersonalDataCipher fromHex = PersonalDataCipher.fromKey(hex.toUpperCase());
        assertThat(fromHex.decrypt(cipher.encrypt(ID))).isEqualTo(ID);
        assertThat(fromHex.lookupHash(ID)).isEqualTo(cipher.lookupHash(ID));
        assertThat(PersonalDataCipher.fromKey(" " + KEY.replace("=", "") + "\n").lookupHash(ID))
                .isEqualTo(cipher.lookupHash(ID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "c2hvcnQ=", "q3Jx0n8Vd1TgYkP2cW5sLAq3Jx0n8V",
            "0123456789abcdef", "7f3a9c0e41b2d6584e1f0a9b3c7d2e65ff", "not a key at all!",
            "zz3a9c0e41b2d6584e1f0a9b3c7d2e6",
            "AAAAAAAAAAAAAAAAAAAAAA==", "00000000000000000000000000000000"})
    void invalidKeysAreRefusedNamingThePropertyAndTheEnvironmentVariable(String key) {
        assertThatThrownBy(() -> PersonalDataCipher.fromKey(key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gongkai.crypto.personal-data-key")
                .hasMessageContaining("GONGKAI_PERSONAL_DATA_KEY")
                .hasMessageContaining("openssl rand -base64 16");
    }

    @Test
    void aRefusedKeyIsNeverRepeatedInTheMessage() {
        String tooLong = "q3Jx0n8Vd1TgYkP2cW5sLAq3Jx0n8V";
        assertThatThrownBy(() -> PersonalDataCipher.fromKey(tooLong)).hasMessageNotContaining(tooLong)
                .hasMessageContaining("it has 22 bytes");
        assertThatThrownBy(() -> new PersonalDataCipher(new byte[15])).hasMessageContaining("it has 15 bytes");
    }

    @Test
    void theKeyIsNotInToString() {
        assertThat(cipher.toString()).doesNotContain(KEY).contains("SM4");
    }

    @Test
    void oneInstanceServesManyThreads() {
        List<String> values = IntStream.range(0, 2000).mapToObj(i -> "1380013" + String.format("%04d", i)).toList();
        List<String> back = values.parallelStream().map(cipher::encrypt).map(cipher::decrypt).toList();
        assertThat(back).isEqualTo(values);
        assertThat(values.parallelStream().map(cipher::lookupHash).distinct().count()).isEqualTo(values.size());
    }

    /** GB/T 32907-2016 附录A 示例1: the engine under the cipher is SM4. */
    @Test
    void sm4EngineEncryptsTheStandardsExampleBlock() {
        HexFormat hex = HexFormat.of();
        SM4Engine sm4 = new SM4Engine();
        sm4.init(true, new KeyParameter(hex.parseHex("0123456789abcdeffedcba9876543210")));
        byte[] out = new byte[16];
        sm4.processBlock(hex.parseHex("0123456789abcdeffedcba9876543210"), 0, out, 0);
        assertThat(hex.formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    /** RFC 8998 appendix A.1: SM4-GCM as composed here (BouncyCastle's GCM over SM4) gives the published result. */
    @Test
    void sm4GcmEncryptsTheRfc8998Example() throws Exception {
        HexFormat hex = HexFormat.of();
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(true, new AEADParameters(new KeyParameter(hex.parseHex("0123456789ABCDEFFEDCBA9876543210")), 128,
                hex.parseHex("00001234567800000000ABCD"), hex.parseHex("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2")));
        byte[] plain = hex.parseHex("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
                + "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        byte[] out = new byte[gcm.getOutputSize(plain.length)];
        int n = gcm.processBytes(plain, 0, plain.length, out, 0);
        gcm.doFinal(out, n);
        assertThat(hex.formatHex(out).toUpperCase()).isEqualTo(
                "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
                        + "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
                        + "83DE3541E4C2B58177E065A9BF7B62EC");
    }
}
