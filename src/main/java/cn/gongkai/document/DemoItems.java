package cn.gongkai.document;

import cn.gongkai.catalog.DisclosureAttribute;
import cn.gongkai.catalog.Taxonomy;
import cn.gongkai.org.ActingAs;
import cn.gongkai.org.StaffPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
 * Demo mode: a living catalog and full inboxes. Every item reaches its state through the real transitions, as the
 * demo users would have done it: 30+ published items across departments, topics and genres (some with a DOCX
 * attachment), and drafts waiting at every step of the review chain.
 */
@Component
@Order(10)
class DemoItems implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoItems.class);
    private static final String[][] SUBJECTS = {
        {"城市公共交通线网优化调整方案", "工业、交通", "通告"},
        {"道路运输企业安全生产检查情况", "市场监管、安全生产监管", "通报"},
        {"2025年交通运输部门预算", "财政、金融、审计", "财政预决算"},
        {"出租汽车经营权有偿使用管理办法", "工业、交通", "行政规范性文件"},
        {"农村公路养护工程招标结果", "城乡建设、环境保护", "政府采购"},
        {"网络预约出租汽车驾驶员证核发", "工业、交通", "行政许可"},
        {"超限运输车辆行驶公路管理", "工业、交通", "行政处罚"},
        {"交通运输综合执法队伍招录公告", "劳动、人事、监察", "人事信息"},
        {"春运期间道路客运组织工作", "工业、交通", "通知"},
        {"国省干线公路路面改造工程进展", "城乡建设、环境保护", "报告"},
        {"交通运输“十五五”发展规划", "国民经济管理、国有资产监管", "规划"},
        {"公路水运工程质量监督统计", "工业、交通", "统计信息"},
        {"道路客运班线经营许可办理指南", "工业、交通", "行政许可"},
        {"城市轨道交通运营突发事件应急预案", "公安、安全、司法", "应急管理"},
        {"机动车维修经营备案管理规定", "市场监管、安全生产监管", "行政规范性文件"},
        {"交通运输行政事业性收费项目目录", "财政、金融、审计", "行政事业性收费"},
    };
    private static final String[] SENTENCES = {
        "为进一步规范交通运输管理，保障人民群众出行安全，根据有关法律法规，结合本市实际，制定本方案。",
        "各区交通运输主管部门要切实加强组织领导，明确责任分工，确保各项工作任务落到实处。",
        "本次调整涉及公交线路 12 条，新增站点 23 个，方便沿线群众出行。",
        "执法人员对辖区内道路运输企业开展了安全生产专项检查，共检查企业 86 家，发现隐患 41 处，均已督促整改。",
        "申请人应当提交书面申请、营业执照复印件、安全生产管理制度文本等材料。",
        "工程采用沥青混凝土路面，设计速度每小时 60 公里，计划于年内完工。",
        "市民如有意见建议，可通过政务服务热线或门户网站留言反映。",
        "本文件自发布之日起施行，有效期五年。",
    };

    /** Last year's rules, normative documents and decisions: title, genre, formed, published (repealed). */
    private static final String[][] LAST_YEAR = {
        {"示例市城市公共汽车客运管理办法", "规章", "03-03", "03-10", null},
        {"关于规范网络预约出租汽车经营服务的实施意见", "行政规范性文件", "04-01", "04-08", null},
        {"道路运输驾驶员诚信考核实施细则", "行政规范性文件", "06-02", "06-09", "11-03"},
        {"交通运输行政处罚裁量基准", "行政规范性文件", "09-01", "09-05", null},
        {"道路旅客运输经营许可决定（2025年第1批）", "行政许可", "05-12", "05-14", null},
        {"道路旅客运输经营许可决定（2025年第2批）", "行政许可", "10-13", "10-15", null},
        {"某物流公司无证经营行政处罚决定", "行政处罚", "07-07", "07-09", null},
    };

    private final InfoItemWorkflow workflow;
    private final ItemAttachments attachments;
    private final UserDetailsService accounts;
    private final JdbcTemplate jdbc;
    private final cn.gongkai.catalog.Catalog catalog;
    private final boolean demo;

    DemoItems(InfoItemWorkflow workflow, ItemAttachments attachments, UserDetailsService accounts, JdbcTemplate jdbc,
            cn.gongkai.catalog.Catalog catalog,
            @Value("${gongkai.demo:false}") boolean demo,
            @Value("${gongkai.demo-content:true}") boolean demoContent) {
        this.catalog = catalog;
        this.workflow = workflow;
        this.attachments = attachments;
        this.accounts = accounts;
        this.jdbc = jdbc;
        // Demo mode brings sample content unless gongkai.demo-content=false (demo accounts on an empty catalog).
        this.demo = demo && demoContent;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("select count(*) from info_item", Integer.class);
        if (!demo || existing == null || existing > 0) {
            return;
        }
        Random random = new Random(2026);
        String[][] drafters = {{"staff", "depthead"}, {"yunshu", "yunshu-head"}, {"gonglu", "gonglu-head"}};
        int published = 0;
        LocalDate today = LocalDate.now(Deadlines.ZONE);
        for (int i = 0; i < 32; i++) {
            String[] subject = SUBJECTS[i % SUBJECTS.length];
            String[] who = drafters[i % drafters.length];
            String title = (i < SUBJECTS.length ? "" : (2024 + i % 3) + "年") + subject[0];
            LocalDate formed = today.minusDays(3 + i * 9L);
            // Published a few days after formation, as the office would; every sixth one late (over 20 working days).
            LocalDate publishedOn = formed.plusDays(i % 6 == 5 ? 35 : 1 + i % 4);
            LocalDate day = publishedOn.isAfter(today) ? today : publishedOn;
            Draft draft = draft(title, subject, random, formed,
                    i % 5 == 0 ? "示交发〔" + (2024 + i % 3) + "〕" + (10 + i) + "号" : null);
            byte[] docx = i % 3 == 0 ? docx(title, random) : null;
            cn.gongkai.platform.PlatformClock.replayOn(day, () -> {
                InfoItem item = as(who[0], () -> workflow.create(me(who[0]), draft));
                if (docx != null) {
                    as(who[0], () -> attachments.add(me(who[0]), item.getId(), title + ".docx", docx));
                }
                approveThrough(item, who, ReviewOpinion.PROACTIVE);
                return as("office", () -> workflow.publish(me("office"), item.getId(),
                        attachments.forPublication(workflow.get(me("office"), item.getId()))));
            });
            published++;
        }
        seedWaitingItems(random);
        seedLastYear(random);
        log.info("Demo data: {} published items and drafts waiting at every review step", published);
    }

    /**
     * Last year's rules, normative documents and decisions, published (and one repealed) on the days they were, so
     * that last year's annual report has a real table 二.
     */
    private void seedLastYear(Random random) {
        int year = LocalDate.now(Deadlines.ZONE).getYear() - 1;
        String[] planning = {"staff", "depthead"};
        for (String[] row : LAST_YEAR) {
            LocalDate formed = LocalDate.parse(year + "-" + row[2]);
            LocalDate published = LocalDate.parse(year + "-" + row[3]);
            cn.gongkai.platform.PlatformClock.replayOn(published, () -> {
                Draft d = draft(row[0], new String[] {row[0], "工业、交通", row[1]}, random, formed,
                        "示交规〔" + year + "〕" + (1 + random.nextInt(20)) + "号");
                InfoItem item = as("staff", () -> workflow.create(me("staff"), d));
                approveThrough(item, planning, ReviewOpinion.PROACTIVE);
                return as("office", () -> workflow.publish(me("office"), item.getId(),
                        attachments.forPublication(workflow.get(me("office"), item.getId()))));
            });
            if (row[4] != null) {
                Long entry = jdbc.queryForObject("select id from catalog_entry where title = ?", Long.class, row[0]);
                Long agency = me("office").agencyId();
                cn.gongkai.platform.PlatformClock.replayOn(LocalDate.parse(year + "-" + row[4]), () -> as("office",
                        () -> catalog.repeal(agency, entry, "已被新修订的文件替代")));
            }
        }
    }

    private void seedWaitingItems(Random random) {
        LocalDate today = LocalDate.now(Deadlines.ZONE);
        String[] planning = {"staff", "depthead"};
        InfoItem draft = create(planning, "关于开展交通安全宣传月活动的通知（草稿）", today.minusDays(1), random);
        InfoItem atHead = create(planning, "2026年第三季度道路运输统计数据", today.minusDays(2), random);
        submit(planning, atHead);
        InfoItem atSecrecy = create(new String[] {"yunshu", "yunshu-head"}, "危险货物道路运输企业名录", today.minusDays(20),
                random);
        submit(new String[] {"yunshu"}, atSecrecy);
        as("yunshu-head", () -> workflow.decide(me("yunshu-head"), atSecrecy.getId(), Decision.APPROVED, "同意公开", null,
                null));
        InfoItem atLeader = create(new String[] {"gonglu", "gonglu-head"}, "农村公路建设补助资金分配方案", today.minusDays(25),
                random);
        submit(new String[] {"gonglu"}, atLeader);
        as("gonglu-head", () -> workflow.decide(me("gonglu-head"), atLeader.getId(), Decision.APPROVED, "同意", null,
                null));
        as("secrecy", () -> workflow.decide(me("secrecy"), atLeader.getId(), Decision.APPROVED, "不涉密，可主动公开",
                ReviewOpinion.PROACTIVE, null));
        InfoItem approved = create(planning, "市交通运输局2026年政务公开工作要点", today.minusDays(5), random);
        approveThrough(approved, planning, ReviewOpinion.PROACTIVE);
        InfoItem returned = create(planning, "公交票价调整听证会公告", today.minusDays(6), random);
        submit(planning, returned);
        as("depthead", () -> workflow.decide(me("depthead"), returned.getId(), Decision.RETURNED,
                "请补充听证会报名方式和截止时间", null, null));
        InfoItem escalated = create(new String[] {"gonglu", "gonglu-head"}, "重要桥梁结构检测报告", today.minusDays(4),
                random);
        submit(new String[] {"gonglu"}, escalated);
        as("gonglu-head", () -> workflow.decide(me("gonglu-head"), escalated.getId(), Decision.APPROVED, "同意", null,
                null));
        as("secrecy", () -> workflow.decide(me("secrecy"), escalated.getId(), Decision.APPROVED,
                "报告含桥梁结构薄弱部位数据，是否属于国家秘密不明确", ReviewOpinion.ESCALATE,
                "1.检测报告文本 2.关于申请确定密级的函 3.市公路中心意见"));
        Draft withId = new Draft("道路运输行政处罚决定（示例）", null, "对某运输公司超限运输的处罚决定",
                "当事人：李某，身份证号码 11010519491231002X，联系电话 13800138000。经查，当事人驾驶车辆超限运输，违反《公路法》。",
                today.minusDays(3), "工业、交通", "行政处罚", null, DisclosureAttribute.PROACTIVE, null, "社会公众",
                EnumSet.of(Channel.WEBSITE), SecrecyLevel.NONE, null, false, false, null, Set.of());
        // Held by the privacy scan at the confidentiality review, which confirms or redacts the findings before it
        // may approve (the drafter acknowledged that the scan contradicts the self-review when submitting).
        InfoItem held = as("staff", () -> workflow.create(me("staff"), withId));
        submit(planning, held);
        as("depthead", () -> workflow.decide(me("depthead"), held.getId(), Decision.APPROVED, "同意", null, null));
        log.debug("Demo waiting items: {}", List.of(draft.getId(), atHead.getId(), atSecrecy.getId(),
                atLeader.getId(), approved.getId(), returned.getId(), escalated.getId(), held.getId()));
    }

    private InfoItem create(String[] who, String title, LocalDate createdOn, Random random) {
        Draft d = draft(title, new String[] {title, Taxonomy.TOPICS.get(6), "通知"}, random, createdOn, null);
        return as(who[0], () -> workflow.create(me(who[0]), d));
    }

    private void submit(String[] who, InfoItem item) {
        as(who[0], () -> workflow.submit(me(who[0]), item.getId(),
                attachments.scan(workflow.get(me(who[0]), item.getId())), true));
    }

    private void approveThrough(InfoItem item, String[] who, ReviewOpinion opinion) {
        submit(who, item);
        as(who[1], () -> workflow.decide(me(who[1]), item.getId(), Decision.APPROVED, "同意", null, null));
        as("secrecy", () -> workflow.decide(me("secrecy"), item.getId(), Decision.APPROVED, "经保密审查，不涉密", opinion,
                null));
        as("leader", () -> workflow.decide(me("leader"), item.getId(), Decision.APPROVED, "同意发布", null, null));
    }

    private static Draft draft(String title, String[] subject, Random random, LocalDate createdOn, String docNo) {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 3 + random.nextInt(4); p++) {
            for (int s = 0; s < 3; s++) {
                body.append(SENTENCES[random.nextInt(SENTENCES.length)]);
            }
            body.append("\n\n");
        }
        return new Draft(title, docNo, "本文件公开" + title + "的有关情况。", body.toString().strip(), createdOn, subject[1],
                Taxonomy.GENRES.contains(subject[2]) ? subject[2] : "通知", "交通运输", DisclosureAttribute.PROACTIVE,
                null, "社会公众", EnumSet.of(Channel.WEBSITE), SecrecyLevel.NONE, null, false, false, null, Set.of());
    }

    private static byte[] docx(String title, Random random) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(title);
            for (int i = 0; i < 4; i++) {
                doc.createParagraph().createRun().setText(SENTENCES[random.nextInt(SENTENCES.length)]);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private StaffPrincipal me(String username) {
        return ActingAs.principal(accounts, username);
    }

    /** Runs one step as the demo user, so that the audit log names who did it. */
    private <T> T as(String username, Supplier<T> step) {
        return ActingAs.run(accounts, username, step);
    }
}
