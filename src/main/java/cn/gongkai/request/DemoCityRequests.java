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

/**
 * Demo mode: the demo city's land and market bureaus each have a request just received and one answered and
 * delivered, reached through the real transitions by their own office and staff.
 */
@Component
@Order(21)
class DemoCityRequests implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCityRequests.class);

    /** Agency code, user prefix, the request just received, the request answered and its reply. */
    private static final String[][] BUREAUS = {
        {"ZRZY", "zrzy", "请提供城东片区A-12地块的规划条件及出让方案", "请提供本市永久基本农田划定成果图",
            "您申请的永久基本农田划定成果图已予公开，详见本局门户网站公开目录。"},
        {"SCJG", "scjg", "请提供某超市近三年食品安全抽检不合格记录", "请提供本市价格监督检查典型案例的处罚决定书",
            "您申请的处罚决定书予以公开，已通过电子邮件发送给您。"}};

    private final RequestDesk desk;
    private final UserDetailsService accounts;
    private final JdbcTemplate jdbc;
    private final boolean demo;

    DemoCityRequests(RequestDesk desk, UserDetailsService accounts, JdbcTemplate jdbc,
            @Value("${gongkai.demo:false}") boolean demo,
            @Value("${gongkai.demo-content:true}") boolean demoContent) {
        this.desk = desk;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.demo = demo && demoContent;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo) {
            return;
        }
        int made = 0;
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        for (String[] b : BUREAUS) {
            Integer existing = jdbc.queryForObject("select count(*) from info_request r join agency a"
                    + " on a.id = r.agency_id where a.code = ?", Integer.class, b[0]);
            Integer people = jdbc.queryForObject("select count(*) from user_account where username = ?",
                    Integer.class, b[1] + "-staff");
            if (existing == null || existing > 0 || people == null || people == 0) {
                continue;
            }
            String office = b[1] + "-office";
            String staff = b[1] + "-staff";
            Long agency = me(office).agencyId();
            Long desk2 = me(staff).departmentId();
            receive(office, agency, "周市民", b[2], today);
            Long answered = cn.gongkai.platform.PlatformClock.replayOn(today.minusDays(14), () ->
                    receive(office, agency, "吴女士", b[3], today.minusDays(14)));
            as(office, () -> desk.assign(me(office), answered, desk2));
            as(staff, () -> desk.draftReply(me(staff), answered, Outcome.DISCLOSED, ReplyForm.DISCLOSE, b[4], null));
            as(office, () -> desk.officeReview(me(office), answered, true));
            as(office, () -> desk.recordDelivery(me(office), answered, today, "电子邮件发送"));
            made += 2;
        }
        if (made > 0) {
            log.info("Demo city: {} requests for the land and market bureaus", made);
        }
    }

    private Long receive(String office, Long agency, String name, String description, LocalDate on) {
        Receipt r = as(office, () -> desk.receive(agency, RequestChannel.ONLINE, on, new Applicant(
                ApplicantKind.PERSON, null, name, IdType.RESIDENT_ID, "11010519491231002X", "13800138000", null,
                "示例市人民路8号", "650000", null, null, null), new Sought(null, null, description, null,
                Delivery.EMAIL), "applicant"));
        return jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class,
                r.trackingNumber());
    }

    private StaffPrincipal me(String username) {
        return ActingAs.principal(accounts, username);
    }

    private <T> T as(String username, Supplier<T> step) {
        return ActingAs.run(accounts, username, step);
    }
}
