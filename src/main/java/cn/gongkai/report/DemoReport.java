package cn.gongkai.report;

import cn.gongkai.org.ActingAs;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.PlatformClock;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * Demo mode: last year's report, generated in January from last year's workflow data (seeded by the document and
 * request modules), written, approved by the leader and published, as the office and the leader would have done.
 */
@Component
@Order(30)
class DemoReport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReport.class);

    private final AnnualReportDesk desk;
    private final UserDetailsService accounts;
    private final JdbcTemplate jdbc;
    private final boolean demo;

    DemoReport(AnnualReportDesk desk, UserDetailsService accounts, JdbcTemplate jdbc,
            @Value("${gongkai.demo:false}") boolean demo,
            @Value("${gongkai.demo-content:true}") boolean demoContent) {
        this.desk = desk;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.demo = demo && demoContent;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("select count(*) from annual_report", Integer.class);
        if (!demo || existing == null || existing > 0) {
            return;
        }
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
        LocalDate january = LocalDate.of(year + 1, 1, 12);
        AnnualReport report = replay(january, () -> as("office", () -> desk.generate(me("office"), year)));
        Long id = report.getId();
        replay(january, () -> as("office", () -> desk.edit(me("office"), id, """
                %d年，本局坚持以公开为常态、不公开为例外，认真贯彻落实《中华人民共和国政府信息公开条例》，围绕交通运输重点工作，\
                持续做好主动公开、依申请公开和政策解读工作，政府信息公开质量和实效不断提升。
                主动公开方面，及时发布规章、行政规范性文件和行政许可、行政处罚决定，做到应公开尽公开。依申请公开方面，\
                严格按照法定时限答复，答复文书规范。""".formatted(year), """
                一是部分科室对信息公开与保密审查的衔接把握不够准确；二是政策解读形式较为单一。下一步，本局将加强业务培训，\
                丰富图表、视频等解读形式。""", "本年度未收取信息处理费。")));
        replay(january, () -> as("office", () -> desk.enter(me("office"), id, "t2.FEES", "0")));
        replay(january.plusDays(1), () -> as("office", () -> desk.submit(me("office"), id)));
        replay(january.plusDays(3), () -> as("leader", () -> desk.decide(me("leader"), id, true, null)));
        replay(january.plusDays(4), () -> as("office", () -> desk.publish(me("office"), id)));
        log.info("Demo data: the {} annual report generated from {}'s workflow data and published", year, year);
    }

    private StaffPrincipal me(String username) {
        return ActingAs.principal(accounts, username);
    }

    private <T> T as(String username, Supplier<T> step) {
        return ActingAs.run(accounts, username, step);
    }

    private static <T> T replay(LocalDate day, Supplier<T> step) {
        return PlatformClock.replayOn(day, step);
    }
}
