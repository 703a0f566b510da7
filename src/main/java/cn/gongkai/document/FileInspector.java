package cn.gongkai.document;

import cn.gongkai.platform.ArchiveLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.Tika;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;

/**
 * Decides an attachment's type from its content, never its name, and extracts its text: PDF and Office through Tika,
 * OFD (GB/T 33190, a zip of XML pages) by reading its TextCode elements. A zip-based file (DOCX, XLSX, OFD) is first
 * checked against the platform's zip-bomb ceilings ({@link ArchiveLimits}); text stops at {@link #MAX_TEXT}
 * characters.
 */
final class FileInspector {

    static final long MAX_BYTES = 50L * 1024 * 1024;
    static final int MAX_TEXT = 5_000_000;
    static final String OFD = "application/ofd";
    static final Map<String, String> ALLOWED = Map.of(
            "application/pdf", "PDF",
            "application/msword", "DOC",
            "application/x-tika-msoffice", "DOC",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX",
            "application/vnd.ms-excel", "XLS",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX",
            "image/jpeg", "JPG",
            "image/png", "PNG",
            OFD, "OFD");
    private static final Pattern TEXT_CODE = Pattern.compile("<(?:ofd:)?TextCode[^>]*>([^<]*)</(?:ofd:)?TextCode>");

    private final Tika tika = new Tika();

    FileInspector() {
        // Tika writes the text through a WriteOutContentHandler with this limit and stops there.
        tika.setMaxStringLength(MAX_TEXT);
    }

    /** The content type detected from the bytes, or null when it is not one of the accepted kinds. */
    String detect(byte[] data, String filename) {
        try {
            String type = tika.detect(data);
            if ("application/zip".equals(type) && isOfd(data)) {
                return OFD;
            }
            if ("application/x-tika-ooxml".equals(type) || "application/x-tika-msoffice".equals(type)) {
                // Container detection needs the whole stream.
                Metadata metadata = new Metadata();
                type = tika.detect(new ByteArrayInputStream(data), metadata);
            }
            return ALLOWED.containsKey(type) ? type : null;
        } catch (IOException e) {
            return null;
        }
    }

    String extractText(byte[] data, String contentType) {
        if (contentType.startsWith("image/")) {
            return "";
        }
        if (OFD.equals(contentType)) {
            return ofdText(data);
        }
        try (InputStream in = new ByteArrayInputStream(data)) {
            return tika.parseToString(in).strip();
        } catch (IOException | TikaException e) {
            return "";
        }
    }

    private static boolean isOfd(byte[] data) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if ("OFD.xml".equals(e.getName())) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static String ofdText(byte[] data) {
        StringBuilder text = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if (text.length() >= MAX_TEXT) {
                    break;
                }
                if (e.getName().matches(".*Pages/Page_\\d+/Content\\.xml")) {
                    Matcher m = TEXT_CODE.matcher(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                    while (m.find()) {
                        text.append(m.group(1));
                    }
                    text.append('\n');
                }
            }
        } catch (IOException e) {
            return text.toString();
        }
        return (text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text.toString()).strip();
    }
}
