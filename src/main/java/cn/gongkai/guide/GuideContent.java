package cn.gongkai.guide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guide's text, section by section. Every field is required (a guide with a hole in it misleads the public) and
 * bounded: {@link #MAX_TEXT} characters for a text, {@link #MAX_LINE} for a contact line.
 */
public record GuideContent(String proactiveScope, String proactiveChannels, String proactiveTimeLimits,
        String requestHow, String requestForms, String requestReceipt, String requestTimeLimits, String requestFees,
        String officeAddress, String officeHours, String officeTelephone, String officeFax, String officeEmail,
        String officePostcode, String remedies) {

    public static final int MAX_TEXT = 5000;
    public static final int MAX_LINE = 200;

    public GuideContent {
        proactiveScope = clean(proactiveScope);
        proactiveChannels = clean(proactiveChannels);
        proactiveTimeLimits = clean(proactiveTimeLimits);
        requestHow = clean(requestHow);
        requestForms = clean(requestForms);
        requestReceipt = clean(requestReceipt);
        requestTimeLimits = clean(requestTimeLimits);
        requestFees = clean(requestFees);
        officeAddress = clean(officeAddress);
        officeHours = clean(officeHours);
        officeTelephone = clean(officeTelephone);
        officeFax = clean(officeFax);
        officeEmail = clean(officeEmail);
        officePostcode = clean(officePostcode);
        remedies = clean(remedies);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    /** The fields by name, in the order of the page. */
    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("proactiveScope", proactiveScope);
        m.put("proactiveChannels", proactiveChannels);
        m.put("proactiveTimeLimits", proactiveTimeLimits);
        m.put("requestHow", requestHow);
        m.put("requestForms", requestForms);
        m.put("requestReceipt", requestReceipt);
        m.put("requestTimeLimits", requestTimeLimits);
        m.put("requestFees", requestFees);
        m.put("officeAddress", officeAddress);
        m.put("officeHours", officeHours);
        m.put("officeTelephone", officeTelephone);
        m.put("officeFax", officeFax);
        m.put("officeEmail", officeEmail);
        m.put("officePostcode", officePostcode);
        m.put("remedies", remedies);
        return m;
    }

    static boolean isLine(String field) {
        return field.startsWith("office");
    }

    /** A field that is wrong: its name and the message key. */
    public record Problem(String field, String key) {
    }

    public List<Problem> problems() {
        List<Problem> p = new ArrayList<>();
        fields().forEach((name, value) -> {
            if (value.isEmpty()) {
                p.add(new Problem(name, "guide.error.required"));
            } else if (value.length() > (isLine(name) ? MAX_LINE : MAX_TEXT)) {
                p.add(new Problem(name, isLine(name) ? "guide.error.lineTooLong" : "guide.error.textTooLong"));
            } else if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                p.add(new Problem(name, "guide.error.control"));
            }
        });
        if (!officePostcode.isEmpty() && !officePostcode.matches("[0-9]{6}")) {
            p.add(new Problem("officePostcode", "guide.error.postcode"));
        }
        return p;
    }
}
