package cn.gongkai.platform;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Encryption at rest of personal data (resident ID numbers, phone numbers…) with SM4 (GB/T 32907-2016) in GCM mode,
 * and a keyed SM3 hash (HMAC-SM3, GB/T 32905-2016) to find a row by such a value without decrypting every row.
 *
 * <p>Plain Java, no Spring. An instance holds the keys and is safe to share between threads (every call uses its own
 * cipher and MAC objects; {@link SecureRandom} is thread-safe).
 *
 * <h2>Keys</h2>
 * One 128-bit master key, configured as {@value #KEY_PROPERTY} (environment variable {@value #KEY_ENV}) and never
 * stored in the database: 16 bytes as base64 (24 characters, {@code openssl rand -base64 16}) or as 32 hex digits.
 * The SM4 key is the master key. The lookup key is HMAC-SM3(master key, {@code "gongkai/personal-data/lookup/v1"})
 * (one HKDF-Expand block), so a lookup hash reveals nothing about the encryption key and cannot be computed without
 * the master key.
 *
 * <h2>Stored form</h2>
 * {@code v1:} followed by base64(nonce ‖ ciphertext ‖ tag): a fresh random 12-byte nonce per value, the UTF-8
 * plaintext encrypted with SM4-GCM, a 16-byte tag; the prefix {@code v1} is authenticated as associated data. A value
 * of n UTF-8 bytes takes 3 + 4 ⌈(28 + n) / 3⌉ characters (an 18-character ID: 67, an 11-digit mobile number: 55).
 * The prefix names the algorithm and key generation, so a later key or algorithm gets a new prefix and both can be
 * read while values are re-encrypted.
 *
 * <h2>Lookup</h2>
 * {@link #lookupHash(String)} normalises first (Unicode NFKC, so full-width ０-９ and Ｘ become ASCII; every space
 * removed; upper case), so {@code 11010519491231002x}, {@code 110105 19491231 002X} and {@code １１０１０５…} hash the
 * same. It does not remove hyphens or country prefixes: store and look up the canonical form (a
 * {@link ResidentId#value()}, an 11-digit mobile number).
 */
public final class PersonalDataCipher {

    /** The configuration property holding the master key. */
    public static final String KEY_PROPERTY = "gongkai.crypto.personal-data-key";

    /** The environment variable that sets {@value #KEY_PROPERTY}. */
    public static final String KEY_ENV = "GONGKAI_PERSONAL_DATA_KEY";

    /** How to make a key, for messages. */
    public static final String KEY_HOWTO = "Generate one with: openssl rand -base64 16";

    /** Prefix of values written by this version. */
    public static final String PREFIX_V1 = "v1:";

    static final int KEY_BYTES = 16;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;

    private static final byte[] LOOKUP_INFO = "gongkai/personal-data/lookup/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AAD_V1 = "v1".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");

    private final byte[] encryptionKey;
    private final byte[] lookupKey;
    private final SecureRandom random;

    /**
     * @param masterKey 16 bytes (copied)
     * @throws IllegalArgumentException naming {@value #KEY_PROPERTY} when the key is not 16 bytes or is a placeholder
     *                                  (every byte the same)
     */
    public PersonalDataCipher(byte[] masterKey) {
        this(masterKey, new SecureRandom());
    }

    PersonalDataCipher(byte[] masterKey, SecureRandom random) {
        checkKey(masterKey);
        this.encryptionKey = masterKey.clone();
        this.lookupKey = hmac(masterKey, LOOKUP_INFO);
        this.random = random;
    }

    /**
     * A cipher for the master key as configured: 16 bytes in base64 (with or without padding) or 32 hex digits.
     *
     * @throws IllegalArgumentException naming {@value #KEY_PROPERTY} when the text is not such a key; the message never
     *                                  contains the key
     */
    public static PersonalDataCipher fromKey(String key) {
        return new PersonalDataCipher(parseKey(key));
    }

    /**
     * The 16 bytes of a configured key (see {@link #fromKey(String)}).
     *
     * @throws IllegalArgumentException naming {@value #KEY_PROPERTY}
     */
    public static byte[] parseKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(KEY_PROPERTY + " (" + KEY_ENV + ") is not set. " + KEY_HOWTO);
        }
        String text = key.strip();
        byte[] bytes;
        if (HEX_KEY.matcher(text).matches()) {
            bytes = HexFormat.of().parseHex(text);
        } else {
            try {
                bytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(KEY_PROPERTY + " (" + KEY_ENV + ") is neither base64 nor 32 hex "
                        + "digits: it must be a 128-bit key, 16 bytes as base64 (24 characters) or 32 hex digits. "
                        + KEY_HOWTO);
            }
        }
        checkKey(bytes);
        return bytes;
    }

    private static void checkKey(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException(KEY_PROPERTY + " (" + KEY_ENV + ") must be a 128-bit key, 16 bytes as "
                    + "base64 (24 characters) or 32 hex digits; it has " + (key == null ? 0 : key.length)
                    + " bytes. " + KEY_HOWTO);
        }
        boolean allSame = true;
        for (byte b : key) {
            allSame &= b == key[0];
        }
        if (allSame) {
            throw new IllegalArgumentException(KEY_PROPERTY + " (" + KEY_ENV + ") is a placeholder (every byte is the "
                    + "same), not a key. " + KEY_HOWTO);
        }
    }

    /**
     * Encrypts one value.
     *
     * @param plaintext the value, stored as given (normalise it first if it should be); {@code null} gives
     *                  {@code null}
     * @return {@code v1:} + base64(nonce ‖ ciphertext ‖ tag); different on every call
     */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        GCMModeCipher gcm = gcm(true, nonce);
        byte[] out = new byte[NONCE_BYTES + gcm.getOutputSize(input.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        int n = gcm.processBytes(input, 0, input.length, out, NONCE_BYTES);
        try {
            gcm.doFinal(out, NONCE_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e); // cannot happen when encrypting
        }
        return PREFIX_V1 + Base64.getEncoder().encodeToString(out);
    }

    /**
     * Decrypts a value written by {@link #encrypt(String)}.
     *
     * @param stored the stored form; {@code null} gives {@code null}
     * @throws DecryptionFailed when the value is not in a known form, or was changed, or was encrypted under another
     *                          key; never returns a wrong plaintext
     */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX_V1)) {
            int colon = stored.indexOf(':');
            throw new DecryptionFailed(colon > 0 && colon <= 8
                    ? "unknown format '" + stored.substring(0, colon) + "' (this version reads v1)"
                    : "not an encrypted value (no 'v1:' prefix)");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(stored.substring(PREFIX_V1.length()));
        } catch (IllegalArgumentException e) {
            throw new DecryptionFailed("the value after 'v1:' is not base64");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new DecryptionFailed("the value is too short (" + in.length + " bytes) to hold a nonce and a tag");
        }
        GCMModeCipher gcm = gcm(false, Arrays.copyOf(in, NONCE_BYTES));
        byte[] out = new byte[gcm.getOutputSize(in.length - NONCE_BYTES)];
        int n = gcm.processBytes(in, NONCE_BYTES, in.length - NONCE_BYTES, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, (byte) 0);
            throw new DecryptionFailed("the authentication tag does not match: the value was changed, or it was "
                    + "encrypted under another key than " + KEY_PROPERTY);
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * Encrypts a file or other binary value (an identity scan…) the same way as {@link #encrypt(String)}, without the
     * base64: the ASCII prefix {@code v1:} followed by nonce ‖ ciphertext ‖ tag, 31 bytes longer than the input.
     *
     * @param plaintext the bytes (not changed); {@code null} gives {@code null}
     * @return a new array, different on every call
     */
    public byte[] encryptBytes(byte[] plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] prefix = PREFIX_V1.getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        GCMModeCipher gcm = gcm(true, nonce);
        byte[] out = new byte[prefix.length + NONCE_BYTES + gcm.getOutputSize(plaintext.length)];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(nonce, 0, out, prefix.length, NONCE_BYTES);
        int offset = prefix.length + NONCE_BYTES;
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, offset);
        try {
            gcm.doFinal(out, offset + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e); // cannot happen when encrypting
        }
        return out;
    }

    /**
     * Decrypts a value written by {@link #encryptBytes(byte[])}.
     *
     * @param stored the stored form; {@code null} gives {@code null}
     * @throws DecryptionFailed when the value is not in a known form, was changed, or was encrypted under another key
     */
    public byte[] decryptBytes(byte[] stored) {
        if (stored == null) {
            return null;
        }
        byte[] prefix = PREFIX_V1.getBytes(StandardCharsets.US_ASCII);
        if (stored.length < prefix.length || !Arrays.equals(stored, 0, prefix.length, prefix, 0, prefix.length)) {
            throw new DecryptionFailed("not an encrypted value (no 'v1:' prefix)");
        }
        int offset = prefix.length + NONCE_BYTES;
        if (stored.length < offset + TAG_BITS / 8) {
            throw new DecryptionFailed("the value is too short (" + stored.length + " bytes) to hold a nonce and a tag");
        }
        GCMModeCipher gcm = gcm(false, Arrays.copyOfRange(stored, prefix.length, offset));
        byte[] out = new byte[gcm.getOutputSize(stored.length - offset)];
        int n = gcm.processBytes(stored, offset, stored.length - offset, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, (byte) 0);
            throw new DecryptionFailed("the authentication tag does not match: the value was changed, or it was "
                    + "encrypted under another key than " + KEY_PROPERTY);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * The keyed hash to store beside the ciphertext and to search by: HMAC-SM3 under the lookup key of
     * {@link #normalise(String) the normalised value}, as 64 lower-case hex digits. Equal for equal values under the
     * same master key; unrelated under another key.
     *
     * @param plaintext the value; {@code null} gives {@code null}
     */
    public String lookupHash(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        return HexFormat.of().formatHex(hmac(lookupKey, normalise(plaintext).getBytes(StandardCharsets.UTF_8)));
    }

    /** What {@link #lookupHash(String)} hashes: NFKC, every space (also U+3000) removed, upper case. */
    public static String normalise(String value) {
        String nfkc = Normalizer.normalize(value, Normalizer.Form.NFKC);
        return SPACES.matcher(nfkc).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** Whether {@code stored} looks like a value written by this class (has a known prefix); does not decrypt. */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX_V1);
    }

    private GCMModeCipher gcm(boolean encrypt, byte[] nonce) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(encryptionKey), TAG_BITS, nonce, AAD_V1));
        return gcm;
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return "PersonalDataCipher[v1: SM4-GCM, HMAC-SM3 lookup]"; // never the key
    }

    /** A stored value that cannot be decrypted. The message never contains the value or the key. */
    public static final class DecryptionFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        DecryptionFailed(String reason) {
            super("Personal data cannot be decrypted: " + reason);
        }
    }
}
