package cn.gongkai.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The ceilings for every zip-based upload (DOCX, XLSX, OFD…), whichever module receives it: a file is inflated into
 * nothing, counting, and refused as a zip bomb when it grows past {@link #MAX_INFLATED_ENTRY} per entry,
 * {@link #MAX_INFLATED_TOTAL} in all, or {@link #MAX_INFLATE_RATIO} times its own size (past a grace of
 * {@link #RATIO_GRACE}). POI's own guard gets the same ceilings, for Office files that Tika opens.
 */
public final class ArchiveLimits {

    public static final long MAX_INFLATED_ENTRY = 100L * 1024 * 1024;
    public static final long MAX_INFLATED_TOTAL = 200L * 1024 * 1024;
    /** Office XML compresses well, but not a hundredfold once past the first megabytes. */
    public static final long MAX_INFLATE_RATIO = 100;
    static final long RATIO_GRACE = 10L * 1024 * 1024;
    /** A container of more entries than any real document has is refused too. */
    public static final int MAX_ENTRIES = 10_000;

    static {
        ZipSecureFile.setMinInflateRatio(1.0 / MAX_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_INFLATED_ENTRY);
    }

    private ArchiveLimits() {
    }

    /** A zip-based file whose content inflates far beyond its size. */
    public static final class ZipBomb extends RuntimeException {
        ZipBomb() {
            super("zip bomb", null, false, false);
        }
    }

    /**
     * Refuses a zip whose entries inflate beyond the ceilings; reads through a small buffer and keeps nothing, so
     * several at once leave the heap flat. Files that are not zips, or not readable as zips, pass untouched (the type
     * detection decides what they are).
     */
    public static void requireNoZipBomb(byte[] data) {
        if (data.length < 4 || data[0] != 'P' || data[1] != 'K') {
            return;
        }
        long ceiling = Math.min(MAX_INFLATED_TOTAL, Math.max(RATIO_GRACE, data.length * MAX_INFLATE_RATIO));
        byte[] buffer = new byte[8192];
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if (++entries > MAX_ENTRIES) {
                    throw new ZipBomb();
                }
                long entry = 0;
                for (int n; (n = zip.read(buffer)) > 0;) {
                    entry += n;
                    total += n;
                    if (entry > MAX_INFLATED_ENTRY || total > ceiling) {
                        throw new ZipBomb();
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // Not a readable zip: detection decides what it is.
        }
    }
}
