package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** UI text lives in the zh-CN bundle: templates carry no Chinese of their own and use only keys that exist. */
class MessageBundleTest {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");
    private static final Pattern CODE_KEY = Pattern.compile(
            "\"((?:org|calendar|audit|worklist|notification|common|login|portal|error|nav|role)\\.[a-zA-Z][\\w.-]*)\"");

    @Test
    void templatesContainNoHardCodedChineseText() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path template : files("src/main/resources/templates", ".html")) {
            List<String> lines = Files.readAllLines(template, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (CJK.matcher(lines.get(i)).find()) {
                    offenders.add(template + ":" + (i + 1));
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    /** ASCII : , ; ? ! ( ) touching a Chinese character: Chinese text takes the full-width forms (：，；？！（）). */
    private static final Pattern HALF_WIDTH_IN_CHINESE = Pattern.compile(
            "(?<=[\\p{IsHan}“”])[:,;?!()]|[:,;?!()](?=[\\p{IsHan}“”])");
    /** A label from the bundle followed by an ASCII colon or bracket in the page: 发布时间: instead of 发布时间：. */
    private static final Pattern HALF_WIDTH_AFTER_LABEL = Pattern.compile(
            "th:text=\"#\\{[^\"]*}\"[^>]*>[^<]*</\\w+>[ \\t]*[:;,(]");
    /** Keys whose value is machine-read, not prose (a CSV header row). */
    private static final List<String> NOT_PROSE = List.of("audit.csvHeader");

    @Test
    void chineseTextUsesFullWidthPunctuationInTheBundleAndAroundLabelsInTemplates() throws IOException {
        Properties bundle = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/messages.properties")),
                StandardCharsets.UTF_8)) {
            bundle.load(in);
        }
        List<String> offenders = new ArrayList<>();
        for (String key : bundle.stringPropertyNames()) {
            // Placeholders ({0}, {0,number}, ${申请人}) are not text.
            String text = bundle.getProperty(key).replaceAll("\\$\\{[^}]*}|\\{\\d+(,[^}]*)?}", "X");
            if (!NOT_PROSE.contains(key) && HALF_WIDTH_IN_CHINESE.matcher(text).find()) {
                offenders.add(key + "=" + bundle.getProperty(key));
            }
        }
        for (Path template : files("src/main/resources/templates", ".html")) {
            List<String> lines = Files.readAllLines(template, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (HALF_WIDTH_AFTER_LABEL.matcher(lines.get(i)).find()) {
                    offenders.add(template + ":" + (i + 1) + " " + lines.get(i).strip());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyMessageKeyUsedInTemplatesAndCodeExistsInTheBundle() throws IOException {
        Properties bundle = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/messages.properties")),
                StandardCharsets.UTF_8)) {
            bundle.load(in);
        }
        List<String> missing = new ArrayList<>();
        for (Path template : files("src/main/resources/templates", ".html")) {
            collect(Files.readString(template), TEMPLATE_KEY, bundle, template, missing);
        }
        for (Path source : files("src/main/java", ".java")) {
            collect(Files.readString(source), CODE_KEY, bundle, source, missing);
        }
        assertThat(missing).isEmpty();
    }

    private static void collect(String text, Pattern pattern, Properties bundle, Path file, List<String> missing) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String key = m.group(1);
            // Keys built at run time ('role.' + r) end with a dot and are checked through their enum below.
            if (!key.endsWith(".") && !bundle.containsKey(key)) {
                missing.add(file.getFileName() + ": " + key);
            }
        }
    }

    @Test
    void everyRoleDayKindAndLightHasALabel() throws IOException {
        Properties bundle = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/messages.properties")),
                StandardCharsets.UTF_8)) {
            bundle.load(in);
        }
        for (var role : cn.gongkai.org.Role.values()) {
            assertThat(bundle).containsKey("role." + role.name());
        }
        for (var kind : cn.gongkai.calendar.DayKind.values()) {
            assertThat(bundle).containsKey("calendar.kind." + kind.name());
        }
        for (var light : cn.gongkai.worklist.Light.values()) {
            assertThat(bundle).containsKey("worklist.light." + light.name());
        }
    }

    private static List<Path> files(String dir, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of(dir))) {
            return walk.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
