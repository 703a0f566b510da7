package cn.gongkai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.support.Browser;
import cn.gongkai.support.GongkaiAppTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * 政策解读"三同步" as its people live it, in their browsers: the drafter cannot submit a normative document without its
 * interpretation plan, writes the plan, the leader approves the policy with the plan on the same page, the drafter
 * is asked to publish the interpretation and does, and a citizen finds both on the portal, each linking the other.
 */
@GongkaiAppTest
class PolicyInterpretationBrowserIT {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Test
    void aPolicyGoesWithItsPlanTheLeaderApprovesBothAndTheInterpretationIsFoundWithItsPolicyOnThePortal() {
        String policy = "示例市网络预约出租汽车经营服务管理实施细则";
        String outline = "一、为什么要出台细则；二、网约车平台和驾驶员要符合哪些条件；三、乘客权益如何保障。";
        LocalDate today = LocalDate.now(CHINA);

        Page staff = signedIn("staff");
        staff.getByRole(AriaRole.LINK, exact(message("nav.items"))).click();
        staff.getByRole(AriaRole.LINK, exact(message("document.new"))).click();
        fillItem(staff, policy, "规范网约车经营服务。", "为规范网络预约出租汽车经营服务，制定本细则。", today.minusDays(1));
        field(staff, "document.field.genre").selectOption(new SelectOption().setLabel("行政规范性文件"));
        save(staff, policy);
        assertThat(staff.locator("section.interpretation-plan")).containsText(message("interpretation.plan.missing"));

        // Submitted without its plan: refused, naming the rule; still a draft.
        staff.getByRole(AriaRole.BUTTON, exact(message("document.submit"))).click();
        assertThat(staff.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions()
                .setHasText(message("interpretation.rule.planRequired")))).hasCount(1);
        assertThat(status(staff)).hasText(message("document.status.DRAFT"));

        staff.getByRole(AriaRole.LINK, exact(message("interpretation.plan.edit"))).click();
        field(staff, "interpretation.plan.outline").fill(outline);
        staff.getByRole(AriaRole.CHECKBOX, exact(message("interpretation.form.TEXT"))).check();
        staff.getByRole(AriaRole.CHECKBOX, exact(message("interpretation.channel.PORTAL"))).check();
        field(staff, "interpretation.plan.responsiblePerson").fill("张科员");
        staff.getByRole(AriaRole.BUTTON, exact(message("common.save"))).click();
        assertThat(staff.getByRole(AriaRole.STATUS)).containsText(message("interpretation.plan.saved"));
        staff.getByRole(AriaRole.BUTTON, exact(message("document.submit"))).click();
        assertThat(status(staff)).hasText(message("document.status.IN_REVIEW"));

        Page depthead = signedIn("depthead");
        openFromMyWork(depthead, "审核：" + policy);
        approve(depthead);
        Page secrecy = signedIn("secrecy");
        openFromMyWork(secrecy, "审核：" + policy);
        secrecy.getByRole(AriaRole.RADIO, exact(message("document.reviewOpinion.PROACTIVE"))).check();
        approve(secrecy);
        Page leader = signedIn("leader");
        openFromMyWork(leader, "审核：" + policy);
        // The leader signs the policy with its plan in front of them.
        assertThat(leader.locator("section.interpretation-plan")).containsText(outline);
        assertThat(leader.locator("section.interpretation-plan")).containsText("张科员");
        approve(leader);
        Page office = signedIn("office");
        openFromMyWork(office, "发布：" + policy);
        publish(office);

        // The drafting department is asked to publish the interpretation within 10 working days.
        openFromMyWork(staff, "发布政策解读：" + policy);
        assertThat(staff.locator("section.interpretation-plan")).containsText("10 个工作日");
        staff.getByRole(AriaRole.LINK, exact(message("interpretation.write"))).click();
        String interpretation = "《" + policy + "》政策解读";
        assertThat(field(staff, "document.field.title")).hasValue(interpretation);
        field(staff, "catalog.interpretations.form").selectOption(new SelectOption().setLabel(
                message("interpretation.form.TEXT")));
        fillItem(staff, interpretation, "解读细则的主要内容。", "细则明确了网约车平台公司、车辆和驾驶员的条件，以及乘客权益保障措施。",
                today);
        save(staff, interpretation);
        staff.getByRole(AriaRole.BUTTON, exact(message("document.submit"))).click();
        assertThat(status(staff)).hasText(message("document.status.IN_REVIEW"));
        openFromMyWork(depthead, "审核：" + interpretation);
        approve(depthead);
        openFromMyWork(secrecy, "审核：" + interpretation);
        secrecy.getByRole(AriaRole.RADIO, exact(message("document.reviewOpinion.PROACTIVE"))).check();
        approve(secrecy);
        openFromMyWork(leader, "审核：" + interpretation);
        approve(leader);
        openFromMyWork(office, "发布：" + interpretation);
        publish(office);

        // A citizen: 政策解读 lists it with its policy; each page links the other.
        Page citizen = browser.newPage(port);
        citizen.navigate("/portal/interpretation");
        Locator hit = citizen.locator("ol.hits > li").filter(new Locator.FilterOptions().setHasText(interpretation));
        assertThat(hit).hasCount(1);
        assertThat(hit).containsText(policy);
        hit.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(interpretation).setExact(true)).click();
        assertThat(citizen.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(interpretation);
        citizen.locator("p.interprets").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(policy)
                .setExact(true)).click();
        assertThat(citizen.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(policy);
        Locator related = citizen.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(
                message("catalog.relatedInterpretations")));
        assertThat(related.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(interpretation)
                .setExact(true))).isVisible();
    }

    private void fillItem(Page page, String title, String summary, String body, LocalDate createdOn) {
        field(page, "document.field.title").fill(title);
        field(page, "document.field.summary").fill(summary);
        field(page, "document.field.body").fill(body);
        field(page, "document.field.createdOn").fill(createdOn.toString());
        field(page, "document.field.topic").selectOption(new SelectOption().setLabel("工业、交通"));
        page.getByRole(AriaRole.RADIO, exact(message("document.attribute.PROACTIVE"))).check();
        page.getByRole(AriaRole.CHECKBOX, exact(message("document.channel.WEBSITE"))).check();
    }

    private void save(Page page, String title) {
        page.getByRole(AriaRole.BUTTON, exact(message("common.save"))).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
        assertThat(status(page)).hasText(message("document.status.DRAFT"));
    }

    private void approve(Page page) {
        page.getByRole(AriaRole.BUTTON, exact(message("document.approve"))).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已同意，");
    }

    private void publish(Page page) {
        page.getByLabel(message("document.publish.confirm")).check();
        page.getByRole(AriaRole.BUTTON, exact(message("document.publish"))).click();
        assertThat(status(page)).hasText(message("document.status.PUBLISHED"));
    }

    private Page signedIn(String username) {
        return browser.signedIn(port, username);
    }

    private void openFromMyWork(Page page, String entry) {
        Browser.openFromMyWork(page, entry);
    }

    private Locator field(Page page, String key) {
        return page.getByLabel(message(key), new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator status(Page page) {
        return page.locator(".status-line .status");
    }

    private static Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private String message(String key, Object... args) {
        String text = messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
        assertThat(text).isNotBlank();
        return text;
    }
}
