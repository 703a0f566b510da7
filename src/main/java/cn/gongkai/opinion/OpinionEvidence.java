package cn.gongkai.opinion;

import cn.gongkai.platform.PrivacyFinding;
import cn.gongkai.platform.PrivacyScanner;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Checks a screenshot or file kept with an event the way item attachments are checked: the type by content (PDF,
 * JPEG or PNG; never by name), the size, a safe name, and the privacy scan over a PDF's text (an image's text is not
 * read). What the scan finds is kept with the file and shown to staff; these files never leave the workbench.
 */
@Component
class OpinionEvidence {

    static final int MAX_TEXT = 1_000_000;

    private final PrivacyScanner scanner = new PrivacyScanner();
    private final Tika tika = new Tika();

    OpinionEvidence() {
        tika.setMaxStringLength(MAX_TEXT);
    }

    record Checked(String name, String contentType, String findings) {
    }

    Checked check(String filename, byte[] content) {
        if (content == null || content.length == 0) {
            throw invalid("opinion.error.file.required");
        }
        if (content.length > OpinionDesk.MAX_FILE_BYTES) {
            throw invalid("opinion.error.file.tooLarge");
        }
        String type = cn.gongkai.platform.FileSignatures.pdfOrImage(content);
        if (type == null) {
            throw invalid("opinion.error.file.type");
        }
        String name = filename == null || filename.isBlank() ? "file" : filename.strip();
        name = name.replaceAll("[\\p{Cntrl}/\\\\]", "_");
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String findings = null;
        if (type.equals("application/pdf")) {
            String text;
            try {
                text = tika.parseToString(new ByteArrayInputStream(content));
            } catch (Exception | LinkageError e) {
                throw invalid("opinion.error.file.unreadable");
            }
            List<PrivacyFinding> found = scanner.scan(name, text);
            if (!found.isEmpty()) {
                findings = found.stream().map(f -> f.type().name()).distinct().sorted()
                        .collect(Collectors.joining(",")) + " ×" + found.size();
            }
        }
        return new Checked(name, type, findings);
    }

    private static OpinionDesk.InvalidOpinion invalid(String key) {
        return new OpinionDesk.InvalidOpinion(List.of(new OpinionForms.Problem("file", key)));
    }
}
