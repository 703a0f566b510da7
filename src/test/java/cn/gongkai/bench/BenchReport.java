package cn.gongkai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A benchmark's report (markdown), printed as it grows. */
final class BenchReport {

    private final StringBuilder text = new StringBuilder();

    void line(String s) {
        text.append(s).append('\n');
        System.out.println(s);
    }

    void line(String format, Object... args) {
        line(String.format(Locale.ROOT, format, args));
    }

    void metric(String name, String value) {
        line(name + ": " + value);
    }

    String text() {
        return text.toString();
    }

    void heading(String s) {
        line("");
        line(s);
        line("");
    }

    /** A table: the header's cells, then rows; a cell starting with a digit is right-aligned by its column's header. */
    void table(List<String> header, List<List<String>> rows, String alignment) {
        line("| " + String.join(" | ", header) + " |");
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < header.size(); i++) {
            rule.append(alignment.length() > i && alignment.charAt(i) == 'r' ? "---:|" : "---|");
        }
        line(rule.toString());
        for (List<String> row : rows) {
            line("| " + String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList()) + " |");
        }
    }

    void write(Path file) throws IOException {
        Files.writeString(file, text.toString());
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * ratio);
    }
}
