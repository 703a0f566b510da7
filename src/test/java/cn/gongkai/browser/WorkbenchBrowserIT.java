package cn.gongkai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.support.Browser;
import cn.gongkai.support.GongkaiAppTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/** The staff workbench as a person uses it: in a real browser, through the login form. */
@GongkaiAppTest
class WorkbenchBrowserIT {

    /** Every workbench entry, in the order of ShellInterceptor.WORKBENCH_NAV. */
    private static final List<String> WORKBENCH_NAV = List.of("我的待办", "消息提醒", "信息发布", "依申请公开", "公开目录", "年度报告", "公开指南",
            "查阅室登记", "发布协调", "舆情回应", "96128热线", "网民留言", "统计分析", "工作日历", "审计日志", "用户管理", "角色管理", "科室管理", "机关设置", "审核流程",
            "机关管理");

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @ParameterizedTest(name = "{0} signs in, lands on 我的待办 with exactly [{1}], and signs out")
    @CsvSource(delimiter = ';', textBlock = """
            admin;    我的待办 消息提醒 工作日历 用户管理 科室管理 机关设置 审核流程
            secadmin; 我的待办 消息提醒 工作日历 角色管理
            auditor;  我的待办 消息提醒 工作日历 审计日志
            office;   我的待办 消息提醒 信息发布 依申请公开 公开目录 年度报告 公开指南 查阅室登记 发布协调 舆情回应 96128热线 网民留言 统计分析 工作日历
            secrecy;  我的待办 消息提醒 信息发布 工作日历
            leader;   我的待办 消息提醒 信息发布 依申请公开 公开目录 年度报告 公开指南 舆情回应 统计分析 工作日历
            group;    我的待办 消息提醒 信息发布 依申请公开 公开目录 年度报告 公开指南 舆情回应 统计分析 工作日历 审计日志
            depthead; 我的待办 消息提醒 信息发布 依申请公开 舆情回应 96128热线 网民留言 工作日历
            staff;    我的待办 消息提醒 信息发布 依申请公开 舆情回应 96128热线 网民留言 工作日历
            platform; 我的待办 消息提醒 工作日历 机关管理
            """)
    void eachDemoRoleSignsInToMyWorkWithExactlyTheNavigationItsRolesMayUseAndSignsOut(String username, String navList) {
        Page page = browser.newPage(port);

        Browser.signIn(page, username, Browser.DEMO_PASSWORD);

        assertThat(page).hasURL(Pattern.compile("/workbench$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("我的待办");
        Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("工作台导航"));
        List<String> allowed = Arrays.asList(navList.trim().split("\\s+"));
        assertThat(nav.getByRole(AriaRole.LINK)).hasText(allowed.toArray(String[]::new));
        for (String entry : WORKBENCH_NAV) {
            Locator link = nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(entry).setExact(true));
            if (allowed.contains(entry)) {
                assertThat(link).isVisible();
            } else {
                assertThat(link).hasCount(0);
            }
        }
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("我的待办")))
                .hasAttribute("aria-current", "page");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出").setExact(true)).click();

        assertThat(page).hasURL(Pattern.compile("/login\\?logout$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText(message("login.loggedOut"));
        page.navigate("/workbench");
        assertThat(page).hasURL(Pattern.compile("/login$"));
    }

    @Test
    void fiveWrongPasswordsFromOneAddressThrottleTheAccountThereWithTheSameMessageAsAWrongPassword() {
        String username = "lockout.probe";
        String password = "Probe2026lock";
        Page admin = browser.newPage(port);
        Browser.signIn(admin, "admin", Browser.DEMO_PASSWORD);
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("用户管理").setExact(true)).click();
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新建用户").setExact(true)).click();
        admin.getByLabel("用户名", new Page.GetByLabelOptions().setExact(true)).fill(username);
        admin.getByLabel("姓名", new Page.GetByLabelOptions().setExact(true)).fill("锁定测试");
        admin.getByLabel("所在科室").selectOption(new SelectOption().setLabel("运输管理科"));
        admin.getByLabel("初始密码").fill(password);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新建").setExact(true)).click();
        assertThat(admin).hasURL(Pattern.compile("/workbench/admin/users$"));
        assertThat(admin.getByRole(AriaRole.STATUS)).hasText(message("org.user.created"));
        assertThat(admin.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(username)))
                .containsText("锁定测试");

        Page page = browser.newPage(port);
        for (int attempt = 1; attempt <= 5; attempt++) {
            Browser.signIn(page, username, "Wrong" + attempt + "password");
            assertThat(page).hasURL(Pattern.compile("/login\\?error$"));
            assertThat(page.getByRole(AriaRole.ALERT)).hasText(message("login.error"));
        }

        // The sixth attempt, with the right password, is throttled from this address and answered like a wrong one:
        // a stranger learns nothing, and the holder still signs in from elsewhere (LoginAndLockoutTest).
        Browser.signIn(page, username, password);

        assertThat(page).hasURL(Pattern.compile("/login\\?error$"));
        assertThat(page.getByRole(AriaRole.ALERT)).hasText(message("login.error"));
        page.navigate("/workbench");
        assertThat(page).hasURL(Pattern.compile("/login$"));
    }

    @Test
    void aStrangerOpeningTheWorkbenchIsSentToTheLoginPage() {
        Page page = browser.newPage(port);

        page.navigate("/workbench");

        assertThat(page).hasURL(Pattern.compile("/login$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("工作人员登录")))
                .isVisible();
        assertThat(page.getByLabel("用户名")).isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION)).hasCount(0);
    }

    @Test
    void anAdministratorCreatingAUserWithBadInputSeesChineseMessagesNamingTheFieldsAndKeepsWhatWasTyped() {
        Page page = browser.newPage(port);
        Browser.signIn(page, "admin", Browser.DEMO_PASSWORD);
        page.navigate("/workbench/admin/users/new");
        page.getByLabel("用户名", new Page.GetByLabelOptions().setExact(true)).fill("bad.input");
        page.getByLabel("姓名", new Page.GetByLabelOptions().setExact(true)).fill("   ");
        page.getByLabel("电子邮箱").fill("bad.input@demo.gongkai.cn");
        page.getByLabel("所在科室").selectOption(new SelectOption().setLabel("综合规划科"));
        page.getByLabel("初始密码").fill("abc");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新建").setExact(true)).click();

        assertThat(page.getByRole(AriaRole.ALERT)).hasText(message("common.fixErrors"));
        Locator displayName = page.getByLabel("姓名", new Page.GetByLabelOptions().setExact(true));
        assertThat(displayName).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#displayName + .field-error")).hasText("请填写“姓名”。");
        assertThat(page.getByLabel("初始密码")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#password ~ .field-error")).hasText(message("org.password.tooShort"));
        // What was typed is still there (except the password, which is never sent back to the browser).
        assertThat(page.getByLabel("用户名", new Page.GetByLabelOptions().setExact(true))).hasValue("bad.input");
        assertThat(page.getByLabel("电子邮箱")).hasValue("bad.input@demo.gongkai.cn");
        assertThat(page.locator("#departmentId option:checked")).hasText("综合规划科");
        // 三权分立: the system administrator's form has no roles to tick.
        assertThat(page.getByRole(AriaRole.CHECKBOX)).hasCount(0);
        // Nothing was created.
        page.navigate("/workbench/admin/users");
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("bad.input").setExact(true)))
                .hasCount(0);
    }

    @Test
    void theCalendarMonthGridForOctober2025MarksNationalDayAsAHolidayAndTheEleventhAsAnAdjustedWorkingDay() {
        Page page = browser.newPage(port);
        Browser.signIn(page, "staff", Browser.DEMO_PASSWORD);

        page.navigate("/workbench/calendar?month=2025-10");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("2025年10月工作日历");
        Locator nationalDay = page.locator("td[data-date='2025-10-01']");
        assertThat(nationalDay).hasAttribute("data-kind", "HOLIDAY");
        assertThat(nationalDay.locator(".kind")).hasText("法定节假日");
        assertThat(nationalDay).containsText("国庆节");
        Locator adjusted = page.locator("td[data-date='2025-10-11']");
        assertThat(adjusted).hasAttribute("data-kind", "ADJUSTED_WORKING_DAY");
        assertThat(adjusted.locator(".kind")).hasText("调休上班");
        // October 2025 starts on a Wednesday: the grid has two blank cells before it.
        assertThat(page.locator("table.month tbody tr").first().locator("td.blank")).hasCount(2);
        assertThat(page.locator("td[data-date]")).hasCount(31);
    }

    private String message(String key) {
        String text = messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
        assertThat(text).isNotBlank();
        return text;
    }
}
