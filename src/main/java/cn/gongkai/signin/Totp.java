package cn.gongkai.signin;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TOTP (RFC 6238) over HOTP (RFC 4226) with HMAC-SHA1, 30-second steps from the Unix epoch and 6 digits: what every
 * authenticator app computes from an {@code otpauth://totp/} URI.
 */
final class Totp {

    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;
    static final int SECRET_BYTES = 20;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** The time step of an instant, in seconds since the epoch. */
    static long step(long epochSeconds) {
        return Math.floorDiv(epochSeconds, PERIOD_SECONDS);
    }

    /** HOTP value of a counter (RFC 4226 §5.3): HMAC-SHA1, dynamic truncation, modulo 10^digits. */
    static int code(byte[] key, long counter, int digits) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return binary % POWERS[digits];
    }

    static String format(int code, int digits) {
        return String.format("%0" + digits + "d", code);
    }

    /**
     * The step at which {@code typed} is the code, within one step either side of {@code step} (clock drift), and
     * later than {@code lastUsedStep} (a code is good once); -1 when none.
     */
    static long match(byte[] key, String typed, long step, long lastUsedStep) {
        if (typed == null || !typed.matches("\\d{" + DIGITS + "}")) {
            return -1;
        }
        byte[] given = typed.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (long s = step - 1; s <= step + 1; s++) {
            byte[] expected = format(code(key, s, DIGITS), DIGITS).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given) && s > lastUsedStep) {
                return s;
            }
        }
        return -1;
    }

    /** The provisioning URI authenticator apps read from the QR code. */
    static String uri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD_SECONDS;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
