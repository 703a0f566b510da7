package cn.gongkai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.Browser;
import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 政府信息发布协调制度 in three agencies' browsers: the transport bureau's office asks the market bureau about an
 * approved item, the market bureau's office disagrees, the city's disclosure authority decides with a unified wording,
 * and the transport bureau's office, held back until then, publishes.
 */
@GongkaiAppTest
class CoordinationBrowserIT {

    private static final String TITLE = "关于公布2026年道路运输市场价格监测结果的通知";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    /** The item reaches 待发布 through the real review chain, over the API as the reviewers' OA would. */
    private long approvedItem() throws Exception {
        String json = """
                {"title":"%s","summary":"价格监测","body":"本季度道路运输价格总体平稳，货运价格同比下降。","createdOn":"%s",
                 "topic":"工业、交通","genre":"通知","attribute":"PROACTIVE","channels":["WEBSITE"],
                 "secrecyLevel":"NONE","thirdPartyInvolved":false}""".formatted(TITLE, LocalDate.now().minusDays(1));
        String created = mvc.perform(post("/api/v1/items").with(httpBasic("staff", Browser.DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/items/" + id + "/submit").with(httpBasic("staff", Browser.DEMO_PASSWORD)))
                .andExpect(status().isOk());
        for (String[] step : new String[][] {{"depthead", "{\"decision\":\"APPROVED\",\"opinion\":\"同意\"}"},
                {"secrecy", "{\"decision\":\"APPROVED\",\"reviewOpinion\":\"PROACTIVE\"}"},
                {"leader", "{\"decision\":\"APPROVED\"}"}}) {
            mvc.perform(post("/api/v1/items/" + id + "/decision").with(httpBasic(step[0], Browser.DEMO_PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content(step[1])).andExpect(status().isOk());
        }
        return id;
    }

    @Test
    void twoBureausDisagreeTheCityAuthorityDecidesWithAUnifiedWordingAndOnlyThenIsTheItemPublished() throws Exception {
        long item = approvedItem();

        // The transport bureau's office asks the market bureau in writing.
        Page office = browser.signedIn(port, "office");
        office.navigate("/workbench/items/" + item);
        office.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("发起发布协调")).click();
        office.getByLabel("平台上的机关").selectOption("SCJG");
        office.getByLabel("需确认的内容").fill("请确认价格监测结果中关于货运价格的表述");
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发出")).click();
        assertThat(office.locator("#status")).hasText("待答复");

        // Until the coordination is settled the office cannot publish: the server refuses, naming the rule.
        office.navigate("/workbench/items/" + item);
        assertThat(office.locator("#coordinations")).containsText("示例市市场监督管理局");
        office.getByLabel("确认发布").check();
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布").setExact(true)).click();
        assertThat(office.locator(".gates")).containsText("发布协调尚未办结");
        assertThat(office.getByText(Pattern.compile("^已发布，索引号"))).hasCount(0);

        // The market bureau's office finds it in 我的待办 and disagrees, with its reasons.
        Page market = browser.signedIn(port, "scjg-office");
        Browser.openFromMyWork(market, "发布协调答复：" + TITLE);
        assertThat(market.locator("details.snapshot")).containsText("货运价格同比下降");
        market.getByLabel("不同意").check();
        market.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交答复")).click();
        assertThat(market.getByRole(AriaRole.ALERT)).containsText("请填写理由");
        market.getByLabel("理由").fill("货运价格统计口径尚未统一，应注明统计口径");
        market.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交答复")).click();
        assertThat(market.locator("#status")).hasText("有异议，待主管部门协调");
        assertThat(market.getByText(Pattern.compile("报请示例市人民政府办公室协调解决"))).isVisible();

        // The city's disclosure authority decides; its decision binds both bureaus.
        Page city = browser.signedIn(port, "city-office");
        Browser.openFromMyWork(city, "发布协调裁定：" + TITLE);
        city.getByLabel("按统一表述公开").check();
        city.locator("#decisionWording").fill("货运价格按交通运输部统计口径同比下降");
        city.locator("#decisionReasons").fill("统一采用部统计口径");
        city.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("记录决定")).click();
        assertThat(city.locator("#status")).hasText("主管部门已协调");

        // The transport bureau reads the wording on its item and publishes.
        office.navigate("/workbench/items/" + item);
        assertThat(office.locator("#coordinations")).containsText("货运价格按交通运输部统计口径同比下降");
        assertThat(office.locator(".gates")).hasCount(0);
        office.getByLabel("确认发布").check();
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布").setExact(true)).click();
        assertThat(office.getByText(Pattern.compile("已发布，索引号"))).isVisible();
        market.navigate("/workbench/coordinations");
        assertThat(market.locator("#received + table")).containsText(TITLE);
    }
}
