package cn.gongkai.platform;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A scanned letter or a screenshot recognised by its first bytes, never by its name: PDF, JPEG or PNG. */
public final class FileSignatures {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private FileSignatures() {
    }

    /** {@code application/pdf}, {@code image/jpeg} or {@code image/png}; null for anything else. */
    public static String pdfOrImage(byte[] b) {
        if (startsWith(b, PDF)) {
            return "application/pdf";
        }
        if (startsWith(b, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(b, PNG)) {
            return "image/png";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b != null && b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }
}
