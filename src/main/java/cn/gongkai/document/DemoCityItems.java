package cn.gongkai.document;

import cn.gongkai.catalog.DisclosureAttribute;
import cn.gongkai.org.ActingAs;
import cn.gongkai.org.StaffPrincipal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the demo city's land and market bureaus publish a few items each, through their own review chains
 * (科员 → 科室负责人 → 保密审查 → 分管领导 → 办公室发布), so that the city portal lists every agency's catalog.
 */
@Component
@Order(11)
class DemoCityItems implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCityItems.class);

    /** Agency code, user prefix, and per item: title, topic, genre, summary, body. */
    private static final Object[][] BUREAUS = {
        {"ZRZY", "zrzy", new String[][] {
            {"示例市国土空间总体规划实施情况报告", "城乡建设、环境保护", "报告", "国土空间总体规划的年度实施情况。",
                "本年度全市新增建设用地控制在计划指标以内，耕地保有量和永久基本农田保护任务全面完成。"},
            {"建设用地使用权出让结果公示", "国土资源、能源", "公告", "城东片区一宗住宅用地的出让结果。",
                "经公开挂牌，城东片区 A-12 地块建设用地使用权由示例市置业有限公司竞得，成交价 2.36 亿元。"},
            {"自然资源统一确权登记工作通告", "国土资源、能源", "通告", "自然资源统一确权登记的范围和程序。",
                "本市对辖区内水流、森林、山岭、草原、荒地、滩涂等自然资源开展统一确权登记，登记结果依法公开。"}}},
        {"SCJG", "scjg", new String[][] {
            {"食品安全监督抽检信息公告", "市场监管、安全生产监管", "公告", "本季度食品安全监督抽检结果。",
                "本季度共抽检食品样品 1,260 批次，合格 1,238 批次，不合格样品已依法核查处置。"},
            {"价格监督检查典型案例通报", "市场监管、安全生产监管", "通知", "价格违法行为的查处情况。",
                "市市场监督管理局查处不明码标价、价格欺诈等价格违法案件 18 件，罚没款合计 46 万元。"},
            {"市场主体登记注册办理指南", "市场监管、安全生产监管", "其他", "市场主体登记注册的条件、材料和时限。",
                "申请人可通过政务服务网或窗口办理设立、变更、注销登记，材料齐全的当场办结。"}}}};

    private final InfoItemWorkflow workflow;
    private final ItemAttachments attachments;
    private final UserDetailsService accounts;
    private final JdbcTemplate jdbc;
    private final boolean demo;

    DemoCityItems(InfoItemWorkflow workflow, ItemAttachments attachments, UserDetailsService accounts,
            JdbcTemplate jdbc, @Value("${gongkai.demo:false}") boolean demo,
            @Value("${gongkai.demo-content:true}") boolean demoContent) {
        this.workflow = workflow;
        this.attachments = attachments;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.demo = demo && demoContent;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo) {
            return;
        }
        int published = 0;
        for (Object[] bureau : BUREAUS) {
            String p = (String) bureau[1];
            Integer items = jdbc.queryForObject("select count(*) from info_item i join agency a on a.id = i.agency_id"
                    + " where a.code = ?", Integer.class, bureau[0]);
            Integer people = jdbc.queryForObject("select count(*) from user_account where username = ?",
                    Integer.class, p + "-staff");
            if (items == null || items > 0 || people == null || people == 0) {
                continue;
            }
            LocalDate today = LocalDate.now(Deadlines.ZONE);
            String[][] subjects = (String[][]) bureau[2];
            for (int i = 0; i < subjects.length; i++) {
                String[] s = subjects[i];
                LocalDate formed = today.minusDays(30L - 8L * i);
                Draft draft = new Draft(s[0], null, s[3], s[4], formed, s[1], s[2], s[0], DisclosureAttribute.PROACTIVE,
                        null, "社会公众", EnumSet.of(Channel.WEBSITE), SecrecyLevel.NONE, null, false, false, null,
                        Set.of());
                cn.gongkai.platform.PlatformClock.replayOn(formed.plusDays(2), () -> {
                    InfoItem item = as(p + "-staff", () -> workflow.create(me(p + "-staff"), draft));
                    as(p + "-staff", () -> workflow.submit(me(p + "-staff"), item.getId(),
                            attachments.scan(workflow.get(me(p + "-staff"), item.getId())), true));
                    as(p + "-head", () -> workflow.decide(me(p + "-head"), item.getId(), Decision.APPROVED, "同意",
                            null, null));
                    as(p + "-secrecy", () -> workflow.decide(me(p + "-secrecy"), item.getId(), Decision.APPROVED,
                            "经保密审查，不涉密", ReviewOpinion.PROACTIVE, null));
                    as(p + "-leader", () -> workflow.decide(me(p + "-leader"), item.getId(), Decision.APPROVED,
                            "同意发布", null, null));
                    return as(p + "-office", () -> workflow.publish(me(p + "-office"), item.getId(),
                            attachments.forPublication(workflow.get(me(p + "-office"), item.getId()))));
                });
                published++;
            }
        }
        if (published > 0) {
            log.info("Demo city: {} items published by the land and market bureaus", published);
        }
    }

    private StaffPrincipal me(String username) {
        return ActingAs.principal(accounts, username);
    }

    private <T> T as(String username, Supplier<T> step) {
        return ActingAs.run(accounts, username, step);
    }
}
