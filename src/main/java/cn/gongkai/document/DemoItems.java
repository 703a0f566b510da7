package cn.gongkai.document;

import cn.gongkai.catalog.DisclosureAttribute;
import cn.gongkai.catalog.Taxonomy;
import cn.gongkai.interpretation.InterpretationChannel;
import cn.gongkai.interpretation.InterpretationForm;
import cn.gongkai.interpretation.PlanForm;
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
    /** Title, topic, genre, and the body's own sentences: each item reads as what its title says. */
    private static final String[][] SUBJECTS = {
        {"城市公共交通线网优化调整方案", "工业、交通", "通告",
            "为提高公交线网覆盖率和运行效率，市交通运输局对中心城区公交线网进行优化调整。",
            "本次调整涉及公交线路 12 条，新增站点 23 个，撤并重复站点 9 个，方便沿线群众出行。",
            "调整后的线路走向和首末班时间详见附表，自下月 1 日起执行。"},
        {"道路运输企业安全生产检查情况", "市场监管、安全生产监管", "通报",
            "市交通运输局组织执法人员对辖区内道路运输企业开展了安全生产专项检查。",
            "共检查企业 86 家，发现隐患 41 处，已全部督促整改，对 3 家企业依法立案调查。",
            "各企业要落实安全生产主体责任，加强驾驶员教育培训和车辆动态监控。"},
        {"交通运输部门预算", "财政、金融、审计", "财政预决算",
            "根据《预算法》有关规定，现将市交通运输局部门预算予以公开。",
            "部门收支预算总额 3.2 亿元，其中一般公共预算拨款 2.9 亿元，主要用于公路养护、公交补贴和执法装备。",
            "“三公”经费预算 86 万元，比上年减少 5.4%。"},
        {"出租汽车经营权有偿使用管理办法", "工业、交通", "行政规范性文件",
            "为规范出租汽车经营权有偿使用管理，根据《城市公共汽车和电车客运管理规定》等规定，制定本办法。",
            "出租汽车经营权实行期限制，期限为八年，期满后按本办法重新配置。",
            "本办法自发布之日起施行，有效期五年。"},
        {"农村公路养护工程招标结果", "城乡建设、环境保护", "政府采购",
            "农村公路养护工程经公开招标，评标委员会按照招标文件规定的评标办法完成评审。",
            "中标单位为示例市路桥工程有限公司，中标金额 1,268 万元，工期 180 日历天。",
            "对结果有异议的，可在公示期内以书面形式向招标人提出。"},
        {"网络预约出租汽车驾驶员证核发", "工业、交通", "行政许可",
            "申请网络预约出租汽车驾驶员证，应当取得相应准驾车型机动车驾驶证并具有 3 年以上驾驶经历。",
            "申请人应当提交申请表、身份证明、驾驶证及无犯罪记录证明等材料。",
            "符合条件的，自受理之日起 10 个工作日内核发驾驶员证。"},
        {"超限运输车辆行驶公路管理", "工业、交通", "行政处罚",
            "未经许可擅自行驶公路的超限运输车辆，由交通运输主管部门责令停止违法行为，并依法处以罚款。",
            "本季度共查处超限运输车辆 57 辆次，卸载货物 1,320 吨。",
            "请运输企业和驾驶员依法装载，自觉接受检测。"},
        {"交通运输综合执法队伍招录公告", "劳动、人事、监察", "人事信息",
            "根据工作需要，市交通运输综合执法支队面向社会公开招录执法人员 20 名。",
            "报考人员须具有大学本科及以上学历，年龄在 35 周岁以下。",
            "报名时间、考试安排和岗位条件详见附件。"},
        {"春运期间道路客运组织工作", "工业、交通", "通知",
            "春运期间道路旅客运输需求集中，各区交通运输主管部门要提前制定运力保障方案。",
            "客运站要增设售票窗口和安检通道，合理安排加班车辆，严禁超员运输。",
            "遇雨雪冰冻等恶劣天气，要及时启动应急预案，做好滞留旅客疏导工作。"},
        {"国省干线公路路面改造工程进展", "城乡建设、环境保护", "报告",
            "国省干线公路路面改造工程已完成路基施工 42 公里，占计划的 76%。",
            "工程采用沥青混凝土路面，设计速度每小时 60 公里，计划于年内完工。",
            "施工期间部分路段实行半幅通行，请过往车辆注意绕行。"},
        {"交通运输“十五五”发展规划", "国民经济管理、国有资产监管", "规划",
            "规划期内，全市将基本建成安全、便捷、高效、绿色、经济的现代综合交通运输体系。",
            "到规划期末，公路总里程达到 8,600 公里，中心城区公共交通机动化出行分担率达到 60%。",
            "规划提出了综合交通网络建设、运输服务提质等六项重点任务。"},
        {"公路水运工程质量监督统计", "工业、交通", "统计信息",
            "本年度共监督公路水运在建工程项目 38 个，开展质量检查 156 次。",
            "抽检工程实体质量指标 2,340 个，合格率 96.8%，比上年提高 1.2 个百分点。",
            "对检查发现的问题已下发整改通知书 27 份。"},
        {"道路客运班线经营许可办理指南", "工业、交通", "行政许可",
            "从事道路客运班线经营，应当具有与其经营业务相适应并经检测合格的客车。",
            "申请人可通过政务服务网在线提交申请，也可到政务服务中心交通运输窗口现场办理。",
            "办理时限为 20 个工作日，不收取费用。"},
        {"城市轨道交通运营突发事件应急预案", "公安、安全、司法", "应急管理",
            "本预案适用于本市城市轨道交通运营过程中发生的列车脱轨、冲突、火灾等突发事件的应对工作。",
            "突发事件分为特别重大、重大、较大和一般四级，按照分级负责的原则组织应对。",
            "运营单位应当每半年至少组织一次应急演练。"},
        {"机动车维修经营备案管理规定", "市场监管、安全生产监管", "行政规范性文件",
            "从事机动车维修经营的，应当在依法向市场监督管理机构办理登记后，向所在地交通运输主管部门备案。",
            "备案材料包括维修经营备案表、经营场地和停车场证明、技术人员从业资格证明等。",
            "本规定自发布之日起施行。"},
        {"交通运输行政事业性收费项目目录", "财政、金融、审计", "行政事业性收费",
            "根据财政部门和价格主管部门的批复，现将市交通运输局行政事业性收费项目目录予以公开。",
            "目录所列收费项目共 3 项，收费标准和依据详见附表。",
            "目录以外的收费项目一律不得收取，群众可向价格主管部门举报。"},
    };
    /** Sentences for the drafts waiting in review, whose bodies are not shown in the demo's screenshots. */
    private static final String[] SENTENCES = {
        "为进一步规范交通运输管理，保障人民群众出行安全，根据有关法律法规，结合本市实际，制定本方案。",
        "各区交通运输主管部门要切实加强组织领导，明确责任分工，确保各项工作任务落到实处。",
        "市民如有意见建议，可通过政务服务热线或门户网站留言反映。",
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
        LocalDate today = LocalDate.now(Deadlines.ZONE);
        // Last year's first, then this year's in the order they were published: index numbers count up with time.
        seedLastYear(random);
        List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < 32; i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparing((Integer i) -> publishedOn(today, i)).thenComparing(i -> i));
        int published = 0;
        // Each publication is a step on its day; a policy's interpretation is a step of its own (the same day, as
        // 三同步 wants it, except for one published late), so that index numbers still count up with time.
        record Step(LocalDate day, int seq, Runnable action) {
        }
        List<Step> steps = new java.util.ArrayList<>();
        java.util.Map<Integer, Long> policies = new java.util.HashMap<>();
        for (int i : order) {
            String[] subject = SUBJECTS[i % SUBJECTS.length];
            String[] who = drafters[i % drafters.length];
            LocalDate formed = formedOn(today, i);
            LocalDate day = publishedOn(today, i);
            // The budget is the year's; the second round of subjects carries the year it was formed in.
            boolean yearly = i >= SUBJECTS.length || "财政预决算".equals(subject[2]);
            String title = (yearly ? formed.getYear() + "年" : "") + subject[0];
            Draft draft = draft(title, subject, random, formed,
                    i % 5 == 0 ? "示交发〔" + formed.getYear() + "〕" + (10 + i) + "号" : null);
            byte[] docx = i % 3 == 0 ? docx(title, subject) : null;
            int n = i;
            steps.add(new Step(day, steps.size(), () -> cn.gongkai.platform.PlatformClock.replayOn(day, () -> {
                InfoItem item = as(who[0], () -> workflow.create(me(who[0]), draft));
                if (docx != null) {
                    as(who[0], () -> attachments.add(me(who[0]), item.getId(), title + ".docx", docx));
                }
                withPlan(item, who[0]);
                approveThrough(item, who, ReviewOpinion.PROACTIVE);
                policies.put(n, item.getId());
                return as("office", () -> workflow.publish(me("office"), item.getId(),
                        attachments.forPublication(workflow.get(me("office"), item.getId()))));
            })));
            published++;
            if (POLICY_GENRES.contains(subject[2]) && i != OVERDUE_INTERPRETATION) {
                // One interpretation late (after its 10 working days), one not yet written (its work item red).
                LocalDate on = i == LATE_INTERPRETATION ? day.plusDays(18) : day;
                InterpretationForm form = i == LATE_INTERPRETATION ? InterpretationForm.GRAPHIC
                        : FORMS[i % FORMS.length];
                steps.add(new Step(on, steps.size(), () -> interpret(policies.get(n), title, subject[1], who, on,
                        form)));
            }
        }
        steps.sort(java.util.Comparator.comparing(Step::day).thenComparing(Step::seq));
        steps.forEach(step -> step.action().run());
        seedWaitingItems(random);
        log.info("Demo data: {} published items and drafts waiting at every review step", published);
    }

    /** "2026年第三季度": the last quarter that has ended. */
    private static String lastQuarter(LocalDate today) {
        int q = (today.getMonthValue() - 1) / 3;
        int year = q == 0 ? today.getYear() - 1 : today.getYear();
        return year + "年第" + "四一二三".charAt(q) + "季度";
    }

    private static LocalDate formedOn(LocalDate today, int i) {
        return today.minusDays(3 + i * 9L);
    }

    /** A few days after formation, as the office would; every sixth one late (over 20 working days). */
    private static LocalDate publishedOn(LocalDate today, int i) {
        LocalDate on = formedOn(today, i).plusDays(i % 6 == 5 ? 35 : 1 + i % 4);
        return on.isAfter(today) ? today : on;
    }

    /**
     * Last year's rules, normative documents and decisions, published (and one repealed) on the days they were, so
     * that last year's annual report has a real table 二.
     */
    private void seedLastYear(Random random) {
        int year = LocalDate.now(Deadlines.ZONE).getYear() - 1;
        String[] planning = {"staff", "depthead"};
        String[][] rows = LAST_YEAR.clone();
        java.util.Arrays.sort(rows, java.util.Comparator.comparing((String[] r) -> r[3]));
        for (String[] row : rows) {
            LocalDate formed = LocalDate.parse(year + "-" + row[2]);
            LocalDate published = LocalDate.parse(year + "-" + row[3]);
            Long policy = cn.gongkai.platform.PlatformClock.replayOn(published, () -> {
                Draft d = draft(row[0], new String[] {row[0], "工业、交通", row[1], lastYearBody(row[0], row[1])},
                        random, formed,
                        "示交规〔" + year + "〕" + (1 + random.nextInt(20)) + "号");
                InfoItem item = as("staff", () -> workflow.create(me("staff"), d));
                withPlan(item, "staff");
                approveThrough(item, planning, ReviewOpinion.PROACTIVE);
                as("office", () -> workflow.publish(me("office"), item.getId(),
                        attachments.forPublication(workflow.get(me("office"), item.getId()))));
                return item.getId();
            });
            if (POLICY_GENRES.contains(row[1])) {
                interpret(policy, row[0], "工业、交通", planning, published, InterpretationForm.TEXT);
            }
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
        InfoItem atHead = create(planning, lastQuarter(today) + "道路运输统计数据", today.minusDays(2), random);
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
        InfoItem approved = create(planning, "市交通运输局" + today.getYear() + "年政务公开工作要点", today.minusDays(5),
                random);
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

    /** The genres the demo agency interprets (the default list). */
    private static final List<String> POLICY_GENRES = cn.gongkai.interpretation.Interpretations.DEFAULT_GENRES;
    /** The policy (index into the year's publications) whose interpretation came late, as a 图解 with an image. */
    private static final int LATE_INTERPRETATION = 3;
    /** The policy whose interpretation is not written yet: its work item 发布政策解读 is overdue (red). */
    private static final int OVERDUE_INTERPRETATION = 10;
    private static final InterpretationForm[] FORMS = {InterpretationForm.TEXT, InterpretationForm.EXPERT,
        InterpretationForm.TEXT, InterpretationForm.PRESS_CONFERENCE};

    /** 三同步 二、三: a policy is drafted with its interpretation plan, or it cannot be submitted. */
    private void withPlan(InfoItem item, String drafter) {
        if (!POLICY_GENRES.contains(item.getGenre())) {
            return;
        }
        StaffPrincipal me = me(drafter);
        PlanForm plan = new PlanForm("一、出台背景和依据；二、主要内容和创新举措；三、与群众切身利益相关的条款；四、施行时间和过渡安排。",
                EnumSet.of(InterpretationForm.TEXT, InterpretationForm.GRAPHIC),
                EnumSet.of(InterpretationChannel.PORTAL, InterpretationChannel.WECHAT), me.departmentId(),
                me.displayName(), "与政策文件同步发布，最迟于印发后10个工作日内");
        as(drafter, () -> workflow.savePlan(me, item.getId(), plan));
    }

    /** The interpretation of a published policy, drafted by its department, reviewed and published on {@code day}. */
    private void interpret(Long policyId, String policyTitle, String topic, String[] who, LocalDate day,
            InterpretationForm form) {
        cn.gongkai.platform.PlatformClock.replayOn(day, () -> {
            String title = "《" + policyTitle.replaceFirst("^\\d{4}年", "") + "》" + (form == InterpretationForm.GRAPHIC
                    ? "图解" : "政策解读");
            Draft d = new Draft(title, null, "解读" + policyTitle + "的出台背景、主要内容和施行安排。",
                    "一、出台背景\n\n为贯彻落实有关法律法规，回应群众关切，市交通运输局制定了《" + policyTitle + "》。\n\n"
                            + "二、主要内容\n\n文件明确了适用范围、管理职责、办理程序和监督措施，对群众办事的条件和时限作了具体规定。\n\n"
                            + "三、施行安排\n\n文件自发布之日起施行，施行中遇到的问题可向市交通运输局反映。",
                    day, topic, cn.gongkai.interpretation.Interpretations.GENRE, "政策解读", DisclosureAttribute.PROACTIVE,
                    null, "社会公众", EnumSet.of(Channel.WEBSITE), SecrecyLevel.NONE, null, false, false, null,
                    Set.of()).interpreting(policyId, form, null);
            InfoItem item = as(who[0], () -> workflow.create(me(who[0]), d));
            if (form == InterpretationForm.GRAPHIC) {
                as(who[0], () -> attachments.add(me(who[0]), item.getId(), "图解.png", chart()));
            }
            approveThrough(item, who, ReviewOpinion.PROACTIVE);
            return as("office", () -> workflow.publish(me("office"), item.getId(),
                    attachments.forPublication(workflow.get(me("office"), item.getId()))));
        });
    }

    /** A small bar chart, the picture of a 图解 (no text: it needs no font on the server). */
    private static byte[] chart() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(480, 270,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, 480, 270);
            int[] bars = {120, 180, 90, 210, 150};
            java.awt.Color[] colors = {new java.awt.Color(0xB4, 0x1E, 0x1E), new java.awt.Color(0x1F, 0x5F, 0x99)};
            for (int k = 0; k < bars.length; k++) {
                g.setColor(colors[k % 2]);
                g.fillRect(40 + k * 85, 250 - bars[k], 55, bars[k]);
            }
            g.setColor(java.awt.Color.DARK_GRAY);
            g.drawLine(30, 250, 460, 250);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
        if (subject.length > 3) {
            for (int k = 3; k < subject.length; k++) {
                body.append(subject[k]).append("\n\n");
            }
        } else {
            for (int k = 0; k < 2 + random.nextInt(2); k++) {
                body.append(SENTENCES[k % SENTENCES.length]);
            }
        }
        return new Draft(title, docNo, "本文件公开" + title + "的有关情况。", body.toString().strip(), createdOn, subject[1],
                Taxonomy.GENRES.contains(subject[2]) ? subject[2] : "通知", "交通运输", DisclosureAttribute.PROACTIVE,
                null, "社会公众", EnumSet.of(Channel.WEBSITE), SecrecyLevel.NONE, null, false, false, null, Set.of());
    }

    /** Last year's documents: a body that says what kind of document it is. */
    private static String lastYearBody(String title, String genre) {
        return switch (genre) {
            case "规章", "行政规范性文件" -> "为加强管理、规范行为，根据有关法律法规，结合本市实际，制定《" + title
                    + "》。\n\n本文件自发布之日起施行。";
            case "行政许可" -> title + "：经审查，下列申请人符合法定条件，准予行政许可。许可事项、有效期限详见附表。";
            default -> title + "：当事人的违法事实、处罚依据和处罚结果如下，当事人可依法申请行政复议或提起行政诉讼。";
        };
    }

    private static byte[] docx(String title, String[] subject) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(title);
            for (int k = 3; k < subject.length; k++) {
                doc.createParagraph().createRun().setText(subject[k]);
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
