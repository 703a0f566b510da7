package cn.gongkai.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of letter templates, written in Chinese as the office writes them (${申请人}, ${收到日期}); the
 * English names of earlier templates (${applicant}, ${receivedOn}) keep working. A plain policy: no Spring.
 */
final class LetterPlaceholders {

    /** Chinese name → the value's code, in the order the template page lists them. */
    static final Map<String, String> NAMES;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("申请人", "applicant");
        m.put("称谓", "you");
        m.put("收到日期", "receivedOn");
        m.put("申请编号", "trackingNumber");
        m.put("所需信息", "information");
        m.put("答复内容", "replyText");
        m.put("索引号", "links");
        m.put("依据条款", "citation");
        m.put("具体事项", "particulars");
        m.put("办理结果", "outcome");
        m.put("补正告知日期", "amendmentRequestedOn");
        m.put("补正期限", "amendmentDue");
        m.put("收费金额", "feeYuan");
        m.put("缴费期限", "feeDue");
        m.put("延期理由", "reason");
        m.put("延长天数", "days");
        m.put("同意延期日期", "decidedOn");
        m.put("原答复期限", "originalDue");
        m.put("延长后期限", "newDue");
        NAMES = Collections.unmodifiableMap(m);
    }

    /** ${…} with a Chinese or an English name. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([\\p{L}\\p{N}_]{1,20})}");

    private LetterPlaceholders() {
    }

    /** The value's code for a placeholder name, Chinese or (from an earlier template) English. */
    static String code(String name) {
        return NAMES.getOrDefault(name, name);
    }

    /** The placeholders of a template that name no value, in order of first appearance. */
    static Set<String> unknown(String template) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!NAMES.containsKey(m.group(1)) && !NAMES.containsValue(m.group(1))) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** The first unknown placeholder, if any. */
    static Optional<String> firstUnknown(String template) {
        return unknown(template).stream().findFirst();
    }
}
