package cn.gongkai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.support.Browser;
import cn.gongkai.support.GongkaiAppTest;
import cn.gongkai.worklist.Worklist;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 舆情回应 in the browsers of the people who do it: a 重大 event found two hours before it is recorded has missed its
 * 1-hour report to the leaders from the start; the responsible department's head sees the report as overdue in
 * 我的待办, the deadline job tells the head and has the leaders 督办 it, and the report, made late, stays on record
 * as 超时完成.
 */
@GongkaiAppTest
class OpinionBrowserIT {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATETIME_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String PLANNING = "综合规划科";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Worklist worklist;

    @Test
    void aMajorEventFoundTwoHoursAgoIsLateForItsOneHourReportTheLeadersAreAskedToSuperviseAndTheLateReportStaysOnRecord()
            throws IOException {
        String content = "网传城区主干道桥梁出现裂缝" + Long.toString(System.nanoTime(), 36);
        String reportItem = "重大舆情1小时内报告领导：" + content;
        ZonedDateTime foundAt = ZonedDateTime.now(CHINA).minusHours(2).truncatedTo(ChronoUnit.MINUTES);

        // Staff record the event through the form, with the time it was found in China time.
        Page staff = browser.signedIn(port, "staff");
        staff.getByRole(AriaRole.NAVIGATION, exact("工作台导航"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("舆情回应").setExact(true)).click();
        staff.getByRole(AriaRole.LINK, exact("登记舆情")).click();
        assertThat(staff).hasURL(Pattern.compile("/workbench/opinion/new$"));
        staff.locator("#source").selectOption("WEIBO");
        staff.locator("#content").fill(content);
        staff.locator("#foundAt").fill(DATETIME_LOCAL.format(foundAt));
        staff.locator("#level").selectOption("MAJOR");
        staff.locator("#department").selectOption(new SelectOption().setLabel(PLANNING));
        staff.getByRole(AriaRole.BUTTON, exact("登记")).click();

        assertThat(staff).hasURL(Pattern.compile("/workbench/opinion/\\d+$"));
        String eventPath = staff.url().substring(staff.url().indexOf("/workbench/opinion/"));
        assertThat(staff.getByRole(AriaRole.STATUS)).hasText("舆情已登记，处置时限已开始计时。");
        assertThat(staff.locator("#level-value")).hasText("重大");
        Locator report = staff.locator("#deadlines tr[data-kind='REPORT']");
        assertThat(report).containsText(foundAt.plusHours(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        assertThat(report).containsText("已超时");
        assertThat(staff.locator("#deadlines tr[data-kind='INFORM']")).containsText("进行中");
        // Staff may record but not report: that is the department head's (or the office's) step.
        assertThat(staff.locator("#report-form")).hasCount(0);

        // The department head has it in 我的待办, red, with how long it is overdue (found 2 h ago, due 1 h ago).
        Page head = browser.signedIn(port, "depthead");
        Locator row = workRow(head, reportItem);
        assertThat(row).hasClass("row-red");
        assertThat(row.getByRole(AriaRole.CELL).first()).hasText("已超期");
        assertThat(row.getByRole(AriaRole.CELL).last()).hasText(Pattern.compile("^超时 1 小时 \\d{1,2} 分$"));

        // The deadline job escalates it, once however often it runs: the head is told, the leaders supervise.
        worklist.checkDeadlines();
        worklist.checkDeadlines();
        Page leader = browser.signedIn(port, "leader");
        Locator supervise = inboxMessage(leader, "【督办】" + reportItem);
        assertThat(supervise.locator("xpath=ancestor::li[1]")).containsText("承办人");
        Locator overdue = inboxMessage(head, "【已超期】" + reportItem);
        assertThat(overdue).hasAttribute("href", eventPath);
        assertThat(supervise).hasCount(1);
        assertThat(overdue).hasCount(1);

        // The head reports, late: the clock is met but marked late, the step is on the timeline, the leaders told.
        head.navigate("/workbench");
        workRow(head, reportItem).getByRole(AriaRole.LINK).click();
        assertThat(head).hasURL(Pattern.compile(eventPath + "$"));
        head.locator("#reportText").fill("已核实：桥梁裂缝为伸缩缝正常现象，已安排检测单位复核，拟于今日发布说明。");
        head.locator("#report-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("报告")
                .setExact(true)).click();
        assertThat(head.getByRole(AriaRole.STATUS)).hasText("已报告领导。");
        assertThat(head.locator("#deadlines tr[data-kind='REPORT']")).containsText("超时完成");
        assertThat(head.locator("#timeline")).containsText("报告领导");
        assertThat(head.locator("#timeline")).containsText("伸缩缝正常现象");
        assertThat(head.locator("#report-form")).hasCount(0);
        inboxMessage(leader, "【舆情报告】重大：" + content);
        head.navigate("/workbench");
        assertThat(head.getByRole(AriaRole.LINK, exact(reportItem))).hasCount(0);

        // 舆情专报 for the leaders, as a Word document.
        head.navigate(eventPath);
        Download download = head.waitForDownload(() -> head.getByRole(AriaRole.LINK, exact("下载舆情专报（DOCX）"))
                .click());
        assertThat(download.failure()).isNull();
        assertThat(download.suggestedFilename()).endsWith(".docx");
        byte[] docx = Files.readAllBytes(download.path());
        assertThat(docx.length).isGreaterThan(4);
        assertThat(new String(docx, 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
    }

    /**
     * The row of 我的待办 with the item titled {@code title}. Work items are opened in the recorder's transaction, so
     * the row is there at once; a reload covers a slow commit.
     */
    private static Locator workRow(Page page, String title) {
        page.navigate("/workbench");
        Locator link = page.getByRole(AriaRole.LINK, exact(title));
        reloadUntilPresent(page, link);
        assertThat(link).hasCount(1);
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(link));
    }

    /** The inbox message titled {@code title}; messages are delivered after the commit, asynchronously. */
    private static Locator inboxMessage(Page page, String title) {
        page.navigate("/workbench/inbox");
        Locator link = page.locator("ul.inbox").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(title).setExact(true));
        reloadUntilPresent(page, link);
        assertThat(link.first()).isVisible();
        return link;
    }

    private static void reloadUntilPresent(Page page, Locator locator) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (locator.count() == 0 && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(250);
            page.reload();
        }
    }

    private static Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }
}
