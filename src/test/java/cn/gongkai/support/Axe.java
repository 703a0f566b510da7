package cn.gongkai.support;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * axe-core, the accessibility rules engine, run in a page of the application under test. The script comes from the
 * axe-core WebJar on the test class path, which the application serves at {@code /webjars/axe-core/...} while it is
 * tested: the browser loads it from the application itself (the pages' Content-Security-Policy allows scripts from
 * 'self' only, and the test machine has no internet).
 */
public final class Axe {

    /** The impacts that fail a test: GB/T 37668-2019 and WCAG 2.1 AA problems that stop people using a page. */
    public static final List<String> FAILING_IMPACTS = List.of("serious", "critical");

    private static final String VERSION = version();

    private Axe() {
    }

    /** The path of axe.min.js on the application. */
    public static String scriptPath() {
        return "/webjars/axe-core/" + VERSION + "/axe.min.js";
    }

    /**
     * Runs every default axe rule (WCAG 2 A and AA, best practices) on the page as it is now. Answers one line per
     * violation of serious or critical impact: impact, rule, what it asks, and the elements at fault.
     */
    public static List<String> seriousViolations(Page page) {
        return violations(page, FAILING_IMPACTS);
    }

    /** As {@link #seriousViolations}, for violations of the given impacts (minor, moderate, serious, critical). */
    @SuppressWarnings("unchecked")
    public static List<String> violations(Page page, List<String> impacts) {
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setUrl(scriptPath()));
        }
        return (List<String>) page.evaluate("""
                async (failing) => {
                  const result = await axe.run(document, { resultTypes: ['violations'] });
                  return result.violations.filter(v => failing.includes(v.impact)).map(v => v.impact + ' '
                      + v.id + ' (' + v.help + '): ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')
                      + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | '));
                }""", impacts);
    }

    private static String version() {
        try (InputStream in = Axe.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The axe-core WebJar is not on the test class path (pom.xml).");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
