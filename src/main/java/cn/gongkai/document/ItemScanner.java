package cn.gongkai.document;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Runs the privacy and secrecy scan (保密审查制度 六) over an item's title, summary, body and attachments' text and
 * turns what it finds into findings that hold the item until the confidentiality reviewer acknowledges them.
 */
@Component
class ItemScanner {

    private final cn.gongkai.platform.PrivacyScanner scanner = new cn.gongkai.platform.PrivacyScanner();

    List<ScanFinding> scan(InfoItem item, List<Attachment> attachments) {
        List<ScanFinding> found = new ArrayList<>();
        add(found, item, "title", item.getTitle());
        add(found, item, "summary", item.getSummary());
        add(found, item, "body", item.getBody());
        for (Attachment a : attachments) {
            add(found, item, a.getFilename(), a.getText());
        }
        return found;
    }

    private void add(List<ScanFinding> found, InfoItem item, String location, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        scanner.scan(location, text).forEach(f -> found.add(new ScanFinding(item.getId(), item.getVersion(),
                f.type().name(), f.location(), f.line(), f.start(), f.end(), f.maskedValue())));
    }
}
