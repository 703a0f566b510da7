package cn.gongkai.document;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Where a privacy-scan finding is, in the words of the page: 标题, 摘要, 正文第 3 行, 附件《检测报告.docx》第 2 行. The
 * stored location stays the field's code or the attachment's file name (the API answers with it).
 */
@Component("findingPlaces")
class FindingPlaces {

    private final MessageSource messages;

    FindingPlaces(MessageSource messages) {
        this.messages = messages;
    }

    public String describe(ScanFinding finding) {
        return describe(finding.getLocation(), finding.getLine());
    }

    String describe(String location, int line) {
        String key = switch (location) {
            case "title" -> "document.finding.place.title";
            case "summary" -> "document.finding.place.summary";
            case "body" -> "document.finding.place.body";
            default -> "document.finding.place.attachment";
        };
        return messages.getMessage(key, new Object[] {location, line}, LocaleContextHolder.getLocale());
    }
}
