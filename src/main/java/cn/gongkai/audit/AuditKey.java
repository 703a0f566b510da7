package cn.gongkai.audit;

import cn.gongkai.org.StartupRefused;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The key of the audit log's HMAC-SM3 signatures (GB/T 32905), held outside the database: configured as
 * {@value #KEY_PROPERTY} (environment {@value #KEY_ENV}), 16 to 32 bytes as base64 or as 32 to 64 hex digits.
 * Someone who can write the database but does not have this key cannot produce a valid entry or checkpoint.
 * Thread-safe: every call uses its own MAC object.
 */
public final class AuditKey {

    public static final String KEY_PROPERTY = "gongkai.crypto.audit-key";
    public static final String KEY_ENV = "GONGKAI_AUDIT_KEY";
    static final String KEY_HOWTO = "Generate one with: openssl rand -base64 32";

    /** The public key of the demo profile and the tests; refused outside demo mode. */
    static final String DEMO_KEY = "DemoOnlyAuditKeyNotForProductA==";

    private static final Pattern HEX_KEY = Pattern.compile("(?:[0-9a-fA-F]{2}){16,32}");

    private final byte[] key;

    AuditKey(byte[] key) {
        if (key.length < 16 || key.length > 32) {
            throw new IllegalArgumentException(KEY_PROPERTY + " (" + KEY_ENV + ") must be 16 to 32 bytes, not "
                    + key.length + ". " + KEY_HOWTO);
        }
        this.key = key.clone();
    }

    /** The bytes of a configured key. The message of the exception names the property and never the key. */
    static byte[] parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("No key for the audit log: set " + KEY_ENV + " (property "
                    + KEY_PROPERTY + ") to a key of 16 to 32 bytes as base64 or hex, kept outside the database and "
                    + "its backups (with it the log's signatures can be checked and forged). " + KEY_HOWTO);
        }
        String s = text.strip();
        byte[] bytes;
        if (HEX_KEY.matcher(s).matches()) {
            bytes = HexFormat.of().parseHex(s);
        } else {
            try {
                bytes = Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(KEY_PROPERTY + " (" + KEY_ENV + ") is neither base64 nor hex: it "
                        + "must be 16 to 32 bytes. " + KEY_HOWTO);
            }
        }
        if (bytes.length < 16 || bytes.length > 32) {
            throw new IllegalArgumentException(KEY_PROPERTY + " (" + KEY_ENV + ") must be 16 to 32 bytes, not "
                    + bytes.length + ". " + KEY_HOWTO);
        }
        return bytes;
    }

    /**
     * The key as configured, with the rules of start-up: required, well-formed, and not the demo key outside demo
     * mode.
     */
    static AuditKey configured(String text, boolean demo) {
        byte[] bytes;
        try {
            bytes = parse(text);
        } catch (IllegalArgumentException e) {
            throw new StartupRefused(e.getMessage(), "", e);
        }
        if (!demo && MessageDigest.isEqual(bytes, parse(DEMO_KEY))) {
            throw new StartupRefused(KEY_PROPERTY + " (" + KEY_ENV + ") is the demo key, which is published "
                    + "with the source code. Gongkai refuses to start outside demo mode with it.",
                    "Set a key of your own. " + KEY_HOWTO);
        }
        return new AuditKey(bytes);
    }

    boolean isDemoKey() {
        return MessageDigest.isEqual(key, parse(DEMO_KEY));
    }

    /** HMAC-SM3 of the text (UTF-8), as 64 hex digits. */
    String mac(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(key));
        hmac.update(in, 0, in.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** Compares in constant time. */
    boolean verify(String text, String mac) {
        return mac != null && MessageDigest.isEqual(mac(text).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
    }
}
