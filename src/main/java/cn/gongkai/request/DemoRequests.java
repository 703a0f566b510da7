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

    DemoRequests(RequestDesk desk, UserDetailsService accounts, JdbcTemplate jdbc,
            @Value("${gongkai.demo:false}") boolean demo,
            @Value("${gongkai.demo-content:true}") boolean demoContent) {
        this.desk = desk;
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
                "请提供本市2026年城市道路大中修计划", today);
        Long assigned = receive(agency, "刘建国", "11010519491231002X", "请提供出租汽车经营权有偿使用收费标准及依据", today.minusDays(6));
        as("office", () -> desk.assign(office, assigned, transport));
        Long consulting = receive(agency, "陈律师", "11010519491231002X", "请提供某运输公司道路运输经营许可审批材料", today.minusDays(10));
        as("office", () -> desk.assign(office, consulting, transport));
        as("yunshu", () -> desk.startConsultation(me("yunshu"), consulting, "THIRD_PARTY", "某运输有限公司"));
        Long drafted = receive(agency, "赵敏", "11010519491231002X", "请提供2025年公交线路调整方案全文", today.minusDays(12));
        as("office", () -> desk.assign(office, drafted, planning));
        as("staff", () -> desk.draftReply(me("staff"), drafted, Outcome.PARTIAL, ReplyForm.DISCLOSE,
                "经审查，方案中涉及站点周边个人住址的内容不予公开，其余部分予以公开，详见附件。", null));
        as("office", () -> desk.officeReview(office, drafted, true));
        Long replied = receive(agency, "孙磊", "11010519491231002X", "请提供本局2025年部门预算", today.minusDays(20));
        as("office", () -> desk.assign(office, replied, planning));
        as("staff", () -> desk.draftReply(me("staff"), replied, Outcome.DISCLOSED, ReplyForm.DISCLOSE,
                "您申请的2025年部门预算予以公开，已通过电子邮件发送给您。", null));
        as("office", () -> desk.officeReview(office, replied, true));
        as("office", () -> desk.recordDelivery(office, replied, today, "电子邮件发送"));
        log.info("Demo data: requests received, with a department, in consultation, awaiting the leader and closed ({})",
                received);
    }

    private Long receive(Long agency, String name, String id, String description, LocalDate on) {
        Receipt r = as("office", () -> desk.receive(agency, RequestChannel.ONLINE, on, new Applicant(
                ApplicantKind.PERSON, null, name, IdType.RESIDENT_ID, id, "13800138000", null, "示例市人民路8号", "650000",
                null, null, null), new Sought(null, null, description, null, Delivery.EMAIL), "applicant"));
        return jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class,
                r.trackingNumber());
    }

    private StaffPrincipal me(String username) {
        return ActingAs.principal(accounts, username);
    }

    /** Runs one step as the demo user, so that the audit log names who did it. */
    private <T> T as(String username, Supplier<T> step) {
        return ActingAs.run(accounts, username, step);
    }
}
