package cn.gongkai.request;

import cn.gongkai.org.ActingAs;
import cn.gongkai.org.StaffPrincipal;
import java.time.LocalDate;
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

/** Demo mode: requests in each state, reached through the real transitions. */
@Component
@Order(20)
class DemoRequests implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRequests.class);

    private final RequestDesk desk;
    private final UserDetailsService accounts;
    private final JdbcTemplate jdbc;
    private final boolean demo;
    private final cn.gongkai.calendar.WorkCalendarStore calendar;

    DemoRequests(RequestDesk desk, UserDetailsService accounts, JdbcTemplate jdbc,
            cn.gongkai.calendar.WorkCalendarStore calendar,
            @Value("${gongkai.demo:false}") boolean demo,
            @Value("${gongkai.demo-content:true}") boolean demoContent) {
        this.desk = desk;
        this.calendar = calendar;
        this.accounts = accounts;
        this.jdbc = jdbc;
        // Demo mode brings sample content unless gongkai.demo-content=false (demo accounts on an empty catalog).
        this.demo = demo && demoContent;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("select count(*) from info_request", Integer.class);
        if (!demo || existing == null || existing > 0) {
            return;
        }
        StaffPrincipal office = me("office");
        Long agency = office.agencyId();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Long planning = me("staff").departmentId();
        Long transport = me("yunshu").departmentId();

        Long received = receive(agency, "王小红", "11010519491231002X",
                "请提供本市" + today.getYear() + "年城市道路大中修计划", today);
        Long assigned = receive(agency, "刘建国", "11010519491231002X", "请提供出租汽车经营权有偿使用收费标准及依据", today.minusDays(6));
        as("office", () -> desk.assign(office, assigned, transport));
        Long consulting = receive(agency, "陈律师", "11010519491231002X", "请提供某运输公司道路运输经营许可审批材料", today.minusDays(10));
        as("office", () -> desk.assign(office, consulting, transport));
        as("yunshu", () -> desk.startConsultation(me("yunshu"), consulting, "THIRD_PARTY", "某运输有限公司"));
        Long drafted = receive(agency, "赵敏", "11010519491231002X", "请提供" + (today.getYear() - 1) + "年公交线路调整方案全文", today.minusDays(12));
        as("office", () -> desk.assign(office, drafted, planning));
        as("staff", () -> desk.draftReply(me("staff"), drafted, Outcome.PARTIAL, ReplyForm.DISCLOSE,
                "经审查，方案中涉及站点周边个人住址的内容不予公开，其余部分予以公开，详见附件。", null));
        as("office", () -> desk.officeReview(office, drafted, true));
        Long replied = receive(agency, "孙磊", "11010519491231002X", "请提供本局" + (today.getYear() - 1) + "年部门预算", today.minusDays(20));
        as("office", () -> desk.assign(office, replied, planning));
        as("staff", () -> desk.draftReply(me("staff"), replied, Outcome.DISCLOSED, ReplyForm.DISCLOSE,
                "您申请的" + (today.getYear() - 1) + "年部门预算予以公开，已通过电子邮件发送给您。", null));
        as("office", () -> desk.officeReview(office, replied, true));
        as("office", () -> desk.recordDelivery(office, replied, today, "电子邮件发送"));
        // Two with their time nearly or wholly used up, so that 我的待办 shows what the yellow and red lights mean.
        Long nearlyDue = receive(agency, "钱多多", "11010519491231002X", "请提供出租汽车更新补贴发放标准及名单",
                workingDaysAgo(today, 18));
        as("office", () -> desk.assign(office, nearlyDue, transport));
        Long overdue = receive(agency, "冯晓", "11010519491231002X", "请提供城区道路停车收费标准调整的依据",
                workingDaysAgo(today, 22));
        as("office", () -> desk.assign(office, overdue, planning));
        log.info("Demo data: requests received, with a department, in consultation, awaiting the leader and closed ({})",
                received);
        lastYear(agency, planning, transport);
    }

    /** One request of last year's: who asked, when, which department answered, how and when. */
    private record Past(String kind, String name, String what, String received, String dept, Outcome outcome,
            String replied) {
    }

    /**
     * A year of requests (last year), walked through their real transitions on the days they happened, so that last
     * year's annual report is generated from real workflow data: every outcome group, all applicant kinds, requests
     * carried in from the year before and carried over into this year, one abandoned after an amendment notice, and
     * administrative reviews and a lawsuit.
     */
    private void lastYear(Long agency, Long planning, Long transport) {
        int y = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() - 1;
        Past[] past = {
            new Past("PERSON", "周建华", "请提供本市公交线网优化调整方案", (y - 1) + "-12-23", "P", Outcome.DISCLOSED, y + "-01-08"),
            new Past("PERSON", "吴晓燕", "请提供出租汽车运价调整听证材料", y + "-01-13", "P", Outcome.DISCLOSED, y + "-01-27"),
            new Past("PERSON", "郑海涛", "请提供本人驾驶员诚信考核记录依据", y + "-02-17", "T", Outcome.DISCLOSED, y + "-03-03"),
            new Past("COMMERCIAL_ENTERPRISE", "示例市顺达运输有限公司", "请提供道路运输企业质量信誉考核结果", y + "-03-04", "T",
                    Outcome.DISCLOSED, y + "-03-18"),
            new Past("PERSON", "王丽", "请提供某路段施工许可及占道审批材料", y + "-03-20", "P", Outcome.PARTIAL, y + "-04-09"),
            new Past("LAW_SERVICE", "示例律师事务所", "请提供某交通事故责任认定所依据的执法案卷", y + "-04-07", "T",
                    Outcome.REFUSED_ENFORCEMENT, y + "-04-25"),
            new Past("PERSON", "刘洋", "请提供局党组会议关于线路调整的讨论记录", y + "-04-21", "P", Outcome.REFUSED_PROCESS,
                    y + "-05-12"),
            new Past("RESEARCH_INSTITUTION", "示例市交通规划研究院", "请提供近五年公交客流统计数据", y + "-05-12", "P",
                    Outcome.DISCLOSED, y + "-05-26"),
            new Past("PERSON", "陈静", "请提供某公司驾驶员的个人违章记录", y + "-05-19", "T", Outcome.REFUSED_THIRD_PARTY,
                    y + "-06-09"),
            new Past("PERSON", "杨帆", "请提供2010年城市道路规划原始图纸", y + "-06-03", "P", Outcome.UNABLE_NOT_HELD,
                    y + "-06-17"),
            new Past("PUBLIC_INTEREST_ORGANISATION", "示例市环保志愿者协会", "请提供公交车新能源替换进度汇总分析", y + "-06-16", "P",
                    Outcome.UNABLE_NEEDS_CREATION, y + "-07-01"),
            new Past("PERSON", "黄磊", "请确认本人此前取得的答复书内容真实", y + "-07-07", "T",
                    Outcome.NOT_PROCESSED_CONFIRMATION, y + "-07-21"),
            new Past("PERSON", "赵强", "投诉某公交司机服务态度并要求处理", y + "-07-14", "P", Outcome.NOT_PROCESSED_PETITION,
                    y + "-07-25"),
            new Past("COMMERCIAL_ENTERPRISE", "示例市快捷物流有限公司", "请提供超限运输处罚裁量标准", y + "-08-04", "T",
                    Outcome.DISCLOSED, y + "-08-15"),
            new Past("PERSON", "孙悦", "请提供地铁站周边公交接驳方案", y + "-08-18", "P", Outcome.PARTIAL, y + "-09-05"),
            new Past("OTHER", "示例小区业主委员会", "请提供小区门前道路改造工程预算", y + "-09-08", "P", Outcome.DISCLOSED,
                    y + "-09-22"),
            new Past("PERSON", "马超", "请提供交通运输局内部人事任免考察材料", y + "-09-15", "P", Outcome.REFUSED_INTERNAL,
                    y + "-09-29"),
            new Past("PERSON", "林芳", "请提供" + (y - 1) + "年部门决算", y + "-10-13", "P", Outcome.DISCLOSED, y + "-10-24"),
            new Past("LAW_SERVICE", "示例律师事务所", "请提供出租汽车经营权招标文件", y + "-10-20", "T", Outcome.DISCLOSED,
                    y + "-11-03"),
            new Past("PERSON", "何伟", "请提供公交站点设置标准", y + "-11-10", "P", Outcome.DISCLOSED, y + "-11-21"),
            new Past("PERSON", "罗敏", "请提供某桥梁检测报告全文", y + "-12-01", "T", Outcome.PARTIAL, y + "-12-19"),
            new Past("COMMERCIAL_ENTERPRISE", "示例市顺达运输有限公司", "请提供客运班线招投标评分细则", y + "-12-22", "T",
                    Outcome.DISCLOSED, (y + 1) + "-01-09"),
            new Past("PERSON", "徐丽", "请提供春运期间客运加班车安排", y + "-12-29", "P", Outcome.DISCLOSED,
                    (y + 1) + "-01-14"),
        };
        StaffPrincipal office = me("office");
        int n = 0;
        java.util.Map<Integer, Long> ids = new java.util.HashMap<>();
        for (Past p : past) {
            int k = n++;
            LocalDate on = LocalDate.parse(p.received());
            LocalDate replied = LocalDate.parse(p.replied());
            Long dept = "P".equals(p.dept()) ? planning : transport;
            String handler = "P".equals(p.dept()) ? "staff" : "yunshu";
            Long id = replay(on, () -> receivePast(agency, p, k, on));
            ids.put(k, id);
            replay(on, () -> as("office", () -> desk.assign(office, id, dept)));
            replay(replied, () -> as(handler, () -> desk.draftReply(me(handler), id, p.outcome(), form(p.outcome()),
                    "经审查，依据《中华人民共和国政府信息公开条例》作出答复。", null)));
            replay(replied, () -> as("office", () -> desk.officeReview(office, id, true)));
            if (p.outcome().needsLeader()) {
                replay(replied, () -> as("leader", () -> desk.leaderDecision(me("leader"), id, true)));
            }
            replay(replied, () -> as("office", () -> desk.recordDelivery(office, id, replied, "电子邮件送达")));
        }
        // 其他处理: an amendment notice within 7 working days, never answered.
        LocalDate asked = LocalDate.of(y, 8, 11);
        Long unclear = replay(asked, () -> receivePast(agency, new Past("PERSON", "钱进", "请提供相关文件", null, "P", null,
                null), 99, asked));
        replay(asked.plusDays(2), () -> as("office", () -> desk.requestAmendment(office, unclear,
                "请写明所需政府信息的名称、文号或者便于查询的其他特征性描述。")));
        replay(LocalDate.of(y, 9, 30), () -> as("office", () -> desk.abandon(office, unclear)));
        // 行政复议 and 行政诉讼 about last year's answers.
        replay(LocalDate.of(y, 5, 20), () -> as("office", () -> desk.recordChallenge(office, ids.get(5),
                Challenge.Kind.REVIEW, LocalDate.of(y, 5, 20), Challenge.Result.MAINTAINED, "复议机关维持原答复")));
        replay(LocalDate.of(y, 6, 10), () -> as("office", () -> desk.recordChallenge(office, ids.get(6),
                Challenge.Kind.REVIEW, LocalDate.of(y, 6, 10), Challenge.Result.CORRECTED, "复议机关责令重新答复")));
        replay(LocalDate.of(y, 7, 1), () -> as("office", () -> desk.recordChallenge(office, ids.get(8),
                Challenge.Kind.LAWSUIT_DIRECT, LocalDate.of(y, 7, 1), Challenge.Result.PENDING, "已立案，尚未审结")));
        log.info("Demo data: {} requests of {} walked through their real transitions", past.length + 1, y);
    }

    private Long receivePast(Long agency, Past p, int k, LocalDate on) {
        boolean person = "PERSON".equals(p.kind());
        Applicant applicant = new Applicant(person ? ApplicantKind.PERSON : ApplicantKind.ORGANISATION,
                person ? null : OrganisationKind.valueOf(p.kind()), p.name(), person ? IdType.RESIDENT_ID : null,
                person ? residentId(k) : null, "1380013" + String.format("%04d", k), null, "示例市人民路" + (k + 1) + "号",
                "650000", person ? null : creditCode(k), person ? null : "张某", person ? null : "李某");
        Receipt r = as("office", () -> desk.receive(agency, k % 3 == 0 ? RequestChannel.LETTER : RequestChannel.ONLINE,
                on, applicant, new Sought(null, null, p.what(), null, Delivery.EMAIL), "applicant"));
        return jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class,
                r.trackingNumber());
    }

    /** A reply form the policy offers for the outcome ({@link ReplyForms}): 予以公开 as (二), the others the first. */
    private static ReplyForm form(Outcome o) {
        return o == Outcome.DISCLOSED ? ReplyForm.DISCLOSE : ReplyForms.forms(o).getFirst();
    }

    /** A valid resident ID (GB 11643 check character) for the k-th demo applicant. */
    static String residentId(int k) {
        return cn.gongkai.platform.ResidentId.withCheckCharacter("530102" + (1960 + k % 40) + "0" + (1 + k % 9)
                + String.format("%02d", 10 + k % 18) + String.format("%03d", 100 + k));
    }

    /** A valid unified social credit code (GB 32100 check character) for the k-th demo organisation. */
    static String creditCode(int k) {
        return cn.gongkai.org.CreditCode.withCheckCharacter("91530100MA" + String.format("%07d", 1000 + k));
    }

    private static <T> T replay(LocalDate day, Supplier<T> step) {
        return cn.gongkai.platform.PlatformClock.replayOn(day, step);
    }

    private Long receive(Long agency, String name, String id, String description, LocalDate on) {
        Receipt r = as("office", () -> desk.receive(agency, RequestChannel.ONLINE, on, new Applicant(
                ApplicantKind.PERSON, null, name, IdType.RESIDENT_ID, id, "13800138000", null, "示例市人民路8号", "650000",
                null, null, null), new Sought(null, null, description, null, Delivery.EMAIL), "applicant"));
        return jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class,
                r.trackingNumber());
    }

    /** The day {@code n} working days before {@code today} on the agency calendar. */
    private LocalDate workingDaysAgo(LocalDate today, int n) {
        cn.gongkai.calendar.WorkCalendar days = calendar.current();
        LocalDate d = today;
        for (int counted = 0; counted < n; ) {
            d = d.minusDays(1);
            if (days.isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    private StaffPrincipal me(String username) {
        return ActingAs.principal(accounts, username);
    }

    /** Runs one step as the demo user, so that the audit log names who did it. */
    private <T> T as(String username, Supplier<T> step) {
        return ActingAs.run(accounts, username, step);
    }
}
