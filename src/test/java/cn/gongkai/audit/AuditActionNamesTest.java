package cn.gongkai.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.document.Decision;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every action the application records has a Chinese name (and every object type too): the codes written by the
 * calls that append to the audit log, read from the sources.
 */
class AuditActionNamesTest {

    /** Calls whose upper-case string literals are actions or object types. */
    private static final Pattern RECORDING = Pattern.compile("AuditRecord\\.of\\(|new UserAccountChanged\\("
            + "|new DepartmentChanged\\(|audit\\(who, |changed\\(Set\\.of\\(|changed\\(years, ");
    /** The request desk's steps, recorded as {@code REQUEST_<step>}. */
    private static final Pattern REQUEST_STEP = Pattern.compile("changed\\(me, r(?:equest)?, ");
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");

    @Test
    void everyRecordedActionAndObjectTypeHasAChineseName() throws IOException {
        Properties bundle = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/messages.properties")),
                StandardCharsets.UTF_8)) {
            bundle.load(in);
        }
        TreeSet<String> codes = new TreeSet<>();
        List<String> unnamed = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            for (Path source : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                for (String code : literals(text, RECORDING)) {
                    codes.add(code);
                    if (!bundle.containsKey("audit.action." + code) && !bundle.containsKey("audit.objectType." + code)) {
                        unnamed.add(source.getFileName() + ": " + code);
                    }
                }
                for (String step : literals(text, REQUEST_STEP)) {
                    codes.add("REQUEST_" + step);
                    if (!bundle.containsKey("audit.action.REQUEST_" + step)) {
                        unnamed.add(source.getFileName() + ": REQUEST_" + step);
                    }
                }
            }
        }
        for (Decision d : Decision.values()) {
            if (!bundle.containsKey("audit.action.ITEM_" + d.name())) {
                unnamed.add("InfoItemWorkflow: ITEM_" + d.name());
            }
        }
        assertThat(codes).contains("LOGIN", "LOGIN_FAILED", "LOGOUT", "ROLES_CHANGED", "PASSWORD_RESET",
                "REQUEST_ASSIGNED", "ITEM_PUBLISHED", "USER");
        assertThat(unnamed).isEmpty();
    }

    /** The string literals that look like codes in each statement that starts with the pattern. */
    private static List<String> literals(String text, Pattern start) {
        List<String> found = new ArrayList<>();
        Matcher m = start.matcher(text);
        while (m.find()) {
            int end = text.indexOf(';', m.end());
            Matcher code = CODE.matcher(text.substring(m.end(), end < 0 ? text.length() : end));
            while (code.find()) {
                found.add(code.group(1));
            }
        }
        return found;
    }
}
