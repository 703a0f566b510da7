package cn.gongkai.request;

import cn.gongkai.platform.ArchiveLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.springframework.web.multipart.MultipartFile;

/**
 * What a file exchanged with an applicant may be: its type decided from the content, never the name (a PNG named
 * {@code .pdf} is a PNG and is stored as one; a program renamed {@code .pdf} is refused), and its size. Each rule
 * names its form field, so that a refusal points at it.
 */
enum FileRule {

    /** The applicant's identity document, scanned (Regulations Art. 29: the applicant's identity). */
    IDENTITY_SCAN("identityScan", 10L * 1024 * 1024, List.of(FileRule.PDF, FileRule.JPEG, FileRule.PNG, FileRule.OFD)),
    /** Files released to this applicant with the reply; never in the public catalog. */
    RELEASED("files", 50L * 1024 * 1024, List.of(FileRule.PDF, FileRule.DOC, FileRule.DOCX, FileRule.XLS,
            FileRule.XLSX, FileRule.OFD, FileRule.JPEG, FileRule.PNG));

    static final String PDF = "application/pdf";
    static final String DOC = "application/msword";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLS = "application/vnd.ms-excel";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String OFD = "application/ofd";
    private static final Map<String, String> EXTENSIONS = Map.of(PDF, "pdf", DOC, "doc", DOCX, "docx", XLS, "xls",
            XLSX, "xlsx", JPEG, "jpg", PNG, "png", OFD, "ofd");
    private static final Tika TIKA = new Tika();

    private final String field;
    private final long maxBytes;
    private final List<String> types;

    FileRule(String field, long maxBytes, List<String> types) {
        this.field = field;
        this.maxBytes = maxBytes;
        this.types = types;
    }

    String field() {
        return field;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** The file as uploaded, or null when none was chosen; refused naming the field when it breaks the rule. */
    Upload check(MultipartFile file) {
        if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank()))) {
            return null;
        }
        if (file.getSize() > maxBytes) {
            throw refusal("tooLarge");
        }
        try {
            return check(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file chosen (an empty list when none). */
    List<Upload> checkAll(List<MultipartFile> files) {
        List<Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            Upload u = check(f);
            if (u != null) {
                uploads.add(u);
            }
        }
        return uploads;
    }

    Upload check(String filename, byte[] data) {
        if (data.length == 0) {
            throw refusal("empty");
        }
        if (data.length > maxBytes) {
            throw refusal("tooLarge");
        }
        try {
            ArchiveLimits.requireNoZipBomb(data);
        } catch (ArchiveLimits.ZipBomb e) {
            throw refusal("bomb");
        }
        String type = detect(data);
        if (type == null || !types.contains(type)) {
            throw refusal("type");
        }
        return new Upload(this, safeName(filename, type), type, data);
    }

    private RequestRuleViolation refusal(String what) {
        return new RequestRuleViolation("request.file." + field + "." + what, field);
    }

    /** The type from the bytes (OFD, GB/T 33190, is a zip whose root holds OFD.xml), or null when not recognised. */
    static String detect(byte[] data) {
        try {
            String type = TIKA.detect(data);
            if ("application/zip".equals(type)) {
                return isOfd(data) ? OFD : type;
            }
            if ("application/x-tika-ooxml".equals(type) || "application/x-tika-msoffice".equals(type)) {
                // Office containers are told apart only by reading the whole container.
                try (TikaInputStream in = TikaInputStream.get(data)) {
                    type = TIKA.detect(in, new Metadata());
                }
            }
            return type;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isOfd(byte[] data) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if ("OFD.xml".equals(e.getName())) {
                    return true;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    /** A short label of a checked type for screens: PDF, DOCX, JPG… */
    static String label(String contentType) {
        String extension = EXTENSIONS.get(contentType);
        return extension == null ? contentType : extension.toUpperCase(Locale.ROOT);
    }

    /** The name without any path or characters that file systems refuse, ending in the extension of its real type. */
    static String safeName(String filename, String type) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[:*?\"<>|\\p{Cntrl}]", "_").strip();
        String extension = EXTENSIONS.get(type);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String given = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        if (stem.isBlank()) {
            stem = "file";
        }
        if (stem.length() > 150) {
            stem = stem.substring(0, 150);
        }
        boolean fits = given.equals(extension) || (JPEG.equals(type) && given.equals("jpeg"));
        return stem + "." + (fits ? given : extension);
    }

    /** A file that passed its rule: only {@link FileRule#check} makes one. */
    static final class Upload {

        private final FileRule rule;
        private final String filename;
        private final String contentType;
        private final byte[] data;

        private Upload(FileRule rule, String filename, String contentType, byte[] data) {
            this.rule = rule;
            this.filename = filename;
            this.contentType = contentType;
            this.data = data;
        }

        FileRule rule() {
            return rule;
        }

        String filename() {
            return filename;
        }

        String contentType() {
            return contentType;
        }

        byte[] data() {
            return data;
        }
    }
}
