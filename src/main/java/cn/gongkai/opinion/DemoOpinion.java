package cn.gongkai.opinion;

import cn.gongkai.org.ActingAs;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.PlatformClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Demo mode: the demo agency's public-opinion work at different stages, each reached through the real transitions at
 * the times they happened: a major event reported late but answered in time with its press conference still due, a
 * general event closed, a new one waiting for triage; 96128 calls answered and open; citizens' messages received,
 * with a department, waiting for review, and one published on 留言选登.
 */
@Component
@Order(25)
class DemoOpinion implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOpinion.class);

    private final OpinionDesk opinion;
    private final HotlineDesk hotline;
    private final MessageDesk messages;
    private final UserDetailsService accounts;
    private final JdbcTemplate jdbc;
    private final boolean demo;

    DemoOpinion(OpinionDesk opinion, HotlineDesk hotline, MessageDesk messages, UserDetailsService accounts,
            JdbcTemplate jdbc, @Value("${gongkai.demo:false}") boolean demo,
            @Value("${gongkai.demo-content:true}") boolean demoContent) {
        this.opinion = opinion;
        this.hotline = hotline;
        this.messages = messages;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.demo = demo && demoContent;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("select count(*) from opinion_event", Integer.class);
        Integer people = jdbc.queryForObject("select count(*) from user_account where username in "
                + "('staff', 'depthead', 'office')", Integer.class);
        if (!demo || existing == null || existing > 0 || people == null || people < 3) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Long planning = me("depthead").departmentId();
        // The statement is a published item: the fare hearing's notice if the demo catalog has it, else any.
        Long published = jdbc.queryForObject("select coalesce(min(i.id) filter (where i.title like '%票价调整听证会%'),"
                + " min(i.id)) from info_item i join user_account u on u.agency_id = i.agency_id"
                + " where u.username = 'office' and i.status = 'PUBLISHED'", Long.class);

        // A major event: found five hours ago, reported 30 minutes late, authoritative information within 5 hours.
        Instant found = now.minus(Duration.ofHours(5));
        OpinionEvent major = at(found.plus(Duration.ofMinutes(10)), "staff", () -> opinion.record(me("staff"),
                new OpinionForms.Event(OpinionSource.WEIBO, "WEIBO", "https://weibo.example.cn/demo/1",
                        "网传“公交票价下月起上涨一倍”，转发量两小时内超过两万。", found, "", RiskLevel.MAJOR,
                        "MAJOR", planning)));
        at(found.plus(Duration.ofMinutes(25)), "office", () -> opinion.triage(me("office"), major.getId(),
                new OpinionForms.Triage(RiskLevel.MAJOR, "MAJOR", planning, "涉及群众切身利益，传播快，公众关注度高；"
                        + "经核实，票价调整尚在听证程序中，网传涨幅不实。", "1小时内报告分管领导；5小时内发布听证会公告和情况说明；"
                        + "24小时内视舆情走势召开新闻发布会。")));
        at(found.plus(Duration.ofMinutes(90)), "depthead", () -> opinion.report(me("depthead"), major.getId(),
                "网传公交票价上涨一倍不实：票价调整尚处于听证程序，拟发布听证会公告并说明。"));
        if (published != null) {
            at(found.plus(Duration.ofHours(4)), "office", () -> opinion.respond(me("office"), major.getId(),
                    new OpinionForms.Response(OpinionResponse.Kind.STATEMENT, "STATEMENT",
                            "在门户网站发布听证会公告，说明票价调整尚在听证程序中，网传涨幅不实。", published)));
        }

        // A general event, answered the next morning and closed.
        Instant yesterday = now.minus(Duration.ofHours(30));
        OpinionEvent general = at(yesterday, "staff", () -> opinion.record(me("staff"), new OpinionForms.Event(
                OpinionSource.ONLINE_PETITION, "ONLINE_PETITION", null,
                "网民在网络问政平台询问公交线路调整的公示渠道。", yesterday.minus(Duration.ofMinutes(20)), "",
                RiskLevel.GENERAL, "GENERAL", planning)));
        at(yesterday.plus(Duration.ofHours(16)), "office", () -> opinion.respond(me("office"), general.getId(),
                new OpinionForms.Response(OpinionResponse.Kind.PRESS_CONFERENCE, "PRESS_CONFERENCE",
                        "在例行新闻发布会上说明公交线路调整的公示渠道。", null)));
        at(yesterday.plus(Duration.ofHours(17)), "office", () -> opinion.close(me("office"), general.getId(),
                "已在例行发布会上说明，网民未再追问。"));

        // A new one, waiting for triage.
        at(now.minus(Duration.ofMinutes(15)), "staff", () -> opinion.record(me("staff"), new OpinionForms.Event(
                OpinionSource.FORUM, "FORUM", "https://bbs.example.cn/t/2026", "本地论坛帖子反映某小区周边施工夜间噪声扰民。",
                now.minus(Duration.ofMinutes(25)), "", RiskLevel.SIGNIFICANT, "SIGNIFICANT", null)));

        // 96128: one answered and called back, one open with the department.
        HotlineCall answered = at(now.minus(Duration.ofDays(2)), "staff", () -> hotline.log(me("staff"),
                new HotlineDesk.Log("赵先生", "13700001111", now.minus(Duration.ofDays(2)), "", "咨询如何申请公开交通规划文件",
                        "来电询问申请公开综合交通规划文件的渠道和时限。", planning)));
        at(now.minus(Duration.ofDays(1)), "depthead", () -> hotline.answer(me("depthead"), answered.getId(),
                "已告知可通过门户网站依申请公开栏目在线申请，20个工作日内答复。", true));
        at(now.minus(Duration.ofHours(3)), "staff", () -> hotline.log(me("staff"), new HotlineDesk.Log("钱女士",
                "0871-65551234", now.minus(Duration.ofHours(3)), "", "反映公交站牌信息未更新",
                "来电反映示例路公交站牌仍显示已调整前的线路。", planning)));

        // Citizens' messages: one published on 留言选登, one waiting for review, one with the department, one new.
        MessageDesk.Left first = at(now.minus(Duration.ofDays(6)), null, () -> messages.leave(agency(),
                new MessageDesk.Leave("孙先生", "13812345678", "12路公交何时恢复原线路",
                        "12路公交因道路施工改线后，什么时候恢复原线路？我的电话13812345678。", true)));
        Long firstId = id(first);
        at(now.minus(Duration.ofDays(5)), "office", () -> messages.assign(me("office"), firstId, planning));
        at(now.minus(Duration.ofDays(4)), "depthead", () -> messages.answer(me("depthead"), firstId,
                "12路公交预计在道路施工完成后（本月底）恢复原线路，届时将在本局门户网站和公交站台发布公告。"));
        at(now.minus(Duration.ofDays(3)), "office", () -> messages.review(me("office"), firstId, true, null));
        at(now.minus(Duration.ofDays(3)), "office", () -> {
            CitizenMessage m = messages.visible(me("office"), firstId);
            String[] r = messages.redacted(m);
            return messages.publish(me("office"), firstId, r[0], r[1], r[2]);
        });
        MessageDesk.Left second = at(now.minus(Duration.ofDays(3)), null, () -> messages.leave(agency(),
                new MessageDesk.Leave("李女士", "li@example.cn", "出租车投诉处理进度", "上周投诉的出租车绕路问题处理到哪一步了？",
                        true)));
        Long secondId = id(second);
        at(now.minus(Duration.ofDays(2)), "office", () -> messages.assign(me("office"), secondId, planning));
        at(now.minus(Duration.ofDays(1)), "depthead", () -> messages.answer(me("depthead"), secondId,
                "您反映的问题已转交出租汽车管理部门核查，将在5个工作日内反馈处理结果。"));
        MessageDesk.Left third = at(now.minus(Duration.ofDays(1)), null, () -> messages.leave(agency(),
                new MessageDesk.Leave("周先生", "13698765432", "申请提供道路养护合同", "希望获取2026年示例路养护合同，能否提供电子版？",
                        false)));
        Long thirdId = id(third);
        at(now.minus(Duration.ofHours(20)), "office", () -> messages.assign(me("office"), thirdId, planning));
        at(now.minus(Duration.ofHours(2)), null, () -> messages.leave(agency(), new MessageDesk.Leave("吴女士",
                "13511112222", "建议增开夜班公交", "建议增开火车站至城东片区的夜班公交线路。", true)));
        log.info("Demo: 3 opinion events, 2 hotline calls and 4 citizen messages");
    }

    private Long agency() {
        return me("office").agencyId();
    }

    private Long id(MessageDesk.Left left) {
        return jdbc.queryForObject("select id from citizen_message where message_number = ?", Long.class,
                left.number());
    }

    private StaffPrincipal me(String username) {
        return ActingAs.principal(accounts, username);
    }

    /** Runs a step at a past moment, as the named member (or the portal, when null). */
    private <T> T at(Instant moment, String username, Supplier<T> step) {
        return PlatformClock.replayAt(moment, () -> username == null ? step.get()
                : ActingAs.run(accounts, username, step));
    }
}
