package cn.gongkai.audit;

import cn.gongkai.org.StaffNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;

/**
 * The audit log as people read it: each action and object type by its Chinese name ({@code audit.action.<code>},
 * {@code audit.objectType.<type>}, the code itself when it has none), and the stored developer text of an entry
 * (before/after values, details) turned into Chinese where its form is known. Entries keep what they stored; only
 * what is shown changes. The API and the exports keep the codes.
 */
@Component
class AuditLabels {

    static final String ACTION = "audit.action.";
    static final String OBJECT_TYPE = "audit.objectType.";
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    /** Where an upper-case code met in stored text finds its Chinese name, first match wins. */
    private static final List<String> TOKEN_PREFIXES = List.of("audit.token.", "role.", "catalog.state.",
            "document.reviewOpinion.", "document.decision.", "document.secrecy.", "document.status.",
            "calendar.kind.", "org.department.kind.", "request.channel.", "request.outcome.applicant.",
            "request.challenge.", "request.challengeResult.", "request.consult.", "report.status.", "request.idType.");
    private static final Pattern TOKEN = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");
    private static final Pattern PAIRS = Pattern.compile("^[a-zA-Z]+=.*", Pattern.DOTALL);

    /** English phrases the recorders write, with the message that says them in Chinese (groups are its arguments). */
    private static final Map<Pattern, String> PHRASES = new LinkedHashMap<>();

    static {
        phrase("^username of (\\d+) characters$", "audit.detail.longUsername");
        phrase("DEPT_HEAD passed by the drafting head (\\S+)", "audit.detail.passedByHead");
        phrase("\\bphrase of (\\d+) characters\\b", "audit.detail.phraseOf");
        phrase("\\b(\\d+) scan findings\\b", "audit.detail.findings");
        phrase("\\bscan warning acknowledged\\b", "audit.detail.scanWarningAcknowledged");
        phrase("\\bversion (\\d+)\\b", "audit.detail.version");
        phrase("\\bround (\\d+)\\b", "audit.detail.round");
        phrase("\\bfile (\\d+)\\b", "audit.detail.file");
        phrase(" by the applicant\\b", "audit.detail.byApplicant");
        phrase("\\bsplit from (\\S+)", "audit.detail.splitFrom");
        phrase("\\b(\\d+) entries\\b", "audit.detail.entriesCount");
        phrase("\\b(\\d+) working days\\b", "audit.detail.workingDays");
        phrase("\\bpast days left unchanged\\b", "audit.detail.pastDaysUnchanged");
        phrase("\\b(\\d+) days\\b", "audit.detail.days");
        phrase("\\bID number and phone\\b", "audit.detail.personalData");
        phrase("\\badded (\\d+), removed (\\d+), refreshed (\\d+)\\b", "audit.detail.searchCheck");
        phrase("\\brefused for (\\d+) min\\b", "audit.detail.refusedFor");
        phrase("\\bone attempt per (\\d+) s\\b", "audit.detail.oneAttemptPer");
        // File types as recorded (MIME types) said as people name them.
        phrase("\\bapplication/(?:msword|vnd\\.openxmlformats-officedocument\\.wordprocessingml\\.[\\w.]+)",
                "document.fileKind.word");
        phrase("\\bapplication/(?:vnd\\.ms-excel|vnd\\.openxmlformats-officedocument\\.spreadsheetml\\.[\\w.]+)",
                "document.fileKind.sheet");
        phrase("\\bapplication/pdf\\b", "document.fileKind.pdf");
        phrase("\\btext/plain(?:;\\s*charset=[\\w-]+)?", "document.fileKind.text");
        phrase("\\b(?:application|image|text)/[\\w.+-]+", "document.fileKind.other");
    }

    private static void phrase(String regex, String key) {
        PHRASES.put(Pattern.compile(regex), key);
    }

    private final MessageSource messages;
    private final Map<String, String> actionNames;
    private final Map<String, String> objectTypeNames;

    AuditLabels(MessageSource messages) {
        this.messages = messages;
        Properties bundle;
        try {
            bundle = PropertiesLoaderUtils.loadProperties(
                    new EncodedResource(new ClassPathResource("messages.properties"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.actionNames = named(bundle, ACTION);
        this.objectTypeNames = named(bundle, OBJECT_TYPE);
    }

    /** Code → Chinese name of every key with the prefix, ordered by code (so that a module's actions stay together). */
    private static Map<String, String> named(Properties bundle, String prefix) {
        Map<String, String> names = new LinkedHashMap<>();
        bundle.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted(Comparator.naturalOrder())
                .forEach(k -> names.put(k.substring(prefix.length()), bundle.getProperty(k)));
        return names;
    }

    /** Every action the application records, code → Chinese name. */
    Map<String, String> actions() {
        return actionNames;
    }

    String action(String code) {
        return code == null ? "" : actionNames.getOrDefault(code, code);
    }

    String objectType(String type) {
        return type == null ? "" : objectTypeNames.getOrDefault(type, type);
    }

    /** The codes whose Chinese name contains the text, or which contain it themselves (ignoring case). */
    List<String> actionsMatching(String text) {
        return matching(actionNames, text);
    }

    List<String> objectTypesMatching(String text) {
        return matching(objectTypeNames, text);
    }

    private static List<String> matching(Map<String, String> names, String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        List<String> codes = new ArrayList<>();
        names.forEach((code, name) -> {
            if (name.contains(text) || code.contains(upper)) {
                codes.add(code);
            }
        });
        return codes;
    }

    /**
     * Stored text (a detail, a value before or after) in Chinese where its form is known: {@code key=value} lists
     * with their fields named, codes by their names, departments and people by name; other text as stored.
     */
    String readable(String text, Map<Long, String> departments, StaffNames names) {
        if (text == null || text.isBlank()) {
            return text;
        }
        if (text.trim().matches("[A-Za-z]+Exception")) {
            // A failed login records the exception's name.
            return message("audit.detail." + text.trim(), text);
        }
        if (PAIRS.matcher(text).matches()) {
            List<String> parts = new ArrayList<>();
            for (String pair : splitTopLevel(text)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    parts.add(sentence(pair, departments, names));
                    continue;
                }
                String key = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                parts.add(message("audit.field." + key, key) + "：" + value(key, value, departments, names));
            }
            return String.join("；", parts);
        }
        return sentence(text, departments, names);
    }

    private String value(String key, String value, Map<Long, String> departments, StaffNames names) {
        if (value.isEmpty() || "null".equals(value) || "[]".equals(value)) {
            return message("audit.value.none", "");
        }
        if ("true".equals(value) || "false".equals(value)) {
            return message(Boolean.parseBoolean(value) ? "common.yes" : "common.no", value);
        }
        if ("department".equals(key) && value.matches("\\d+")) {
            return departments.getOrDefault(Long.valueOf(value), value);
        }
        if (value.startsWith("[") && value.endsWith("]")) {
            List<String> items = new ArrayList<>();
            for (String item : value.substring(1, value.length() - 1).split(",\\s*")) {
                items.add(tokens(item.trim()));
            }
            return String.join("、", items);
        }
        if ("filter".equals(key) && value.contains("=")) {
            // The export's filter: space-separated key=value pairs.
            List<String> parts = new ArrayList<>();
            for (String pair : value.split(" (?=[a-zA-Z]+=)")) {
                int eq = pair.indexOf('=');
                String k = eq > 0 ? pair.substring(0, eq) : pair;
                String v = eq > 0 ? pair.substring(eq + 1) : "";
                parts.add(message("audit.field." + k, k) + " " + ("action".equals(k) ? action(v)
                        : "actor".equals(k) ? names.of(v) : v));
            }
            return String.join("，", parts);
        }
        return tokens(value);
    }

    /** Free text: known English phrases in Chinese, codes by their names, English separators full-width. */
    private String sentence(String text, Map<Long, String> departments, StaffNames names) {
        String s = text;
        for (Map.Entry<Pattern, String> phrase : PHRASES.entrySet()) {
            Matcher m = phrase.getKey().matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                Object[] args = new Object[m.groupCount()];
                for (int g = 1; g <= m.groupCount(); g++) {
                    args[g - 1] = "audit.detail.passedByHead".equals(phrase.getValue()) ? names.of(m.group(g))
                            : m.group(g);
                }
                String said = messages.getMessage(phrase.getValue(), args, m.group(), ZH);
                m.appendReplacement(out, Matcher.quoteReplacement(
                        phrase.getValue().equals("audit.detail.byApplicant") ? "，" + said : said));
            }
            m.appendTail(out);
            s = out.toString();
        }
        Matcher dept = Pattern.compile("\\bdepartment (\\d+)").matcher(s);
        s = dept.replaceAll(r -> Matcher.quoteReplacement(
                departments.getOrDefault(Long.valueOf(r.group(1)), message("audit.detail.department", r.group(1)))));
        return tokens(s).replace(", ", "，").replace(": ", "：");
    }

    private String tokens(String text) {
        return TOKEN.matcher(text).replaceAll(r -> Matcher.quoteReplacement(codeName(r.group())));
    }

    private String codeName(String code) {
        for (String prefix : TOKEN_PREFIXES) {
            String name = message(prefix + code, null);
            if (name != null) {
                return name;
            }
        }
        return code;
    }

    /** Splits {@code a=1, b=[X, Y], c=2} at the commas outside brackets. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0 && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                parts.add(text.substring(start, i));
                start = i + 2;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private String message(String key, String fallback) {
        return messages.getMessage(key, null, fallback, ZH);
    }
}
