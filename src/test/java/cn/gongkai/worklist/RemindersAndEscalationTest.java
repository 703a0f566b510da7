package cn.gongkai.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gongkai.calendar.WorkCalendarStore;
import cn.gongkai.support.GongkaiAppTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The deadline job: yellow items remind their owner, red items are escalated to the owner's leader, by inbox and mail. */
@GongkaiAppTest
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=3025"})
class RemindersAndEscalationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired WorkItems items;
    @Autowired Worklist worklist;
    @Autowired WorkCalendarStore calendar;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

    private Long id(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private void open(String subject, String title, Long ownerUserId, Deadline deadline) {
        tx.executeWithoutResult(s -> events.publishEvent(new WorkItemRequested(id("select id from agency where code='SJTJ'"),
                "TEST", subject, "TASK", title, "/workbench", null, null, ownerUserId, deadline)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> items.findBySubjectTypeAndSubjectIdAndKind("TEST", subject, "TASK").isPresent());
    }

    private List<String> inbox(String username) {
        return jdbc.queryForList("select n.title from notification n join user_account u on u.id = n.user_id "
                + "where u.username = ? order by n.id", String.class, username);
    }

    @Test
    void overdueWorkNotifiesTheOwnerAndTheOwnersLeaderByInboxAndMailAndTheHomePageShowsTheLights() throws Exception {
        Long staff = id("select id from user_account where username = 'staff'");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String homeBefore = mvc.perform(get("/workbench").with(user(accounts.loadUserByUsername("staff")))).andReturn()
                .getResponse().getContentAsString();
        open("late", "逾期事项", staff, Deadline.fixedDate(LocalDate.of(2020, 1, 2)));
        open("soon", "临期事项", staff, Deadline.fixedDate(calendar.current().plusWorkingDays(today, 2)));
        open("later", "远期事项", staff, Deadline.workingDays(today, 30));

        worklist.checkDeadlines();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(inbox("staff")).contains("【已超期】逾期事项", "【即将到期】临期事项");
            assertThat(inbox("depthead")).contains("【督办】逾期事项");
        });
        assertThat(inbox("staff")).noneMatch(t -> t.contains("远期事项"));
        assertThat(inbox("depthead")).noneMatch(t -> t.contains("临期事项"));

        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length >= 3);
        List<String> mails = Arrays.stream(smtp.getReceivedMessages()).map(RemindersAndEscalationTest::describe)
                .toList();
        assertThat(mails).contains("staff@demo.gongkai.cn 【已超期】逾期事项", "depthead@demo.gongkai.cn 【督办】逾期事项",
                "staff@demo.gongkai.cn 【即将到期】临期事项");

        // A second pass escalates nothing twice.
        int before = inbox("depthead").size();
        worklist.checkDeadlines();
        Thread.sleep(500);
        assertThat(inbox("depthead")).hasSize(before);

        String home = mvc.perform(get("/workbench").with(user(accounts.loadUserByUsername("staff")))).andReturn()
                .getResponse().getContentAsString();
        for (String light : List.of("RED", "YELLOW", "GREEN")) {
            assertThat(count(home, light)).as(light).isEqualTo(count(homeBefore, light) + 1);
        }
        assertThat(home.indexOf("逾期事项")).isLessThan(home.indexOf("临期事项"));
        assertThat(home.indexOf("临期事项")).isLessThan(home.indexOf("远期事项"));
        assertThat(home).contains("class=\"badge\"");
    }

    @Test
    void anOverdueReplyToARequestIsEscalatedToTheAgencysLeaderAsWellAsTheDepartmentHead() {
        Long agency = id("select id from agency where code='SJTJ'");
        Long staff = id("select id from user_account where username = 'staff'");
        tx.executeWithoutResult(s -> events.publishEvent(new WorkItemRequested(agency, "TEST", "late-reply", "TASK",
                "逾期未答复的申请", "/workbench", null, null, staff, Deadline.fixedDate(LocalDate.of(2020, 3, 2)),
                List.of(5, 1), true)));
        tx.executeWithoutResult(s -> events.publishEvent(new WorkItemRequested(agency, "TEST", "late-other", "TASK",
                "逾期的一般事项", "/workbench", null, null, staff, Deadline.fixedDate(LocalDate.of(2020, 3, 2)))));

        worklist.checkDeadlines();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(inbox("depthead")).contains("【督办】逾期未答复的申请", "【督办】逾期的一般事项");
            assertThat(inbox("leader")).contains("【督办】逾期未答复的申请");
        });
        assertThat(inbox("leader")).doesNotContain("【督办】逾期的一般事项");
    }

    @Test
    void workOwnedByARoleInADepartmentIsOnlyOnTheHomePageOfThatDepartmentsHolders() throws Exception {
        Long planning = id("select department_id from user_account where username = 'depthead'");
        tx.executeWithoutResult(s -> events.publishEvent(new WorkItemRequested(
                id("select id from agency where code='SJTJ'"), "TEST", "dept", "TASK", "科室负责人审核", null, planning,
                "DEPT_HEAD", null, Deadline.workingDays(LocalDate.now(), 10))));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> items.findBySubjectTypeAndSubjectIdAndKind("TEST", "dept", "TASK").isPresent());
        assertThat(mvc.perform(get("/workbench").with(user(accounts.loadUserByUsername("depthead")))).andReturn()
                .getResponse().getContentAsString()).contains("科室负责人审核");
        for (String other : List.of("staff", "office", "leader")) {
            assertThat(mvc.perform(get("/workbench").with(user(accounts.loadUserByUsername(other)))).andReturn()
                    .getResponse().getContentAsString()).doesNotContain("科室负责人审核");
        }
    }

    @Test
    void workWithReminderWindowsIsRemindedOncePerWindowReached() {
        Long staff = id("select id from user_account where username = 'staff'");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Deadline inFour = Deadline.fixedDate(calendar.current().plusWorkingDays(today, 4));
        tx.executeWithoutResult(s -> events.publishEvent(new WorkItemRequested(id("select id from agency where code='SJTJ'"),
                "TEST", "windows", "TASK", "五日提醒事项", null, null, null, staff, inFour, List.of(5, 1))));
        worklist.checkDeadlines();
        worklist.checkDeadlines();
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox("staff").contains("【即将到期】五日提醒事项"));
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(inbox("staff").stream().filter(t -> t.equals("【即将到期】五日提醒事项"))).hasSize(1);
        WorkItem item = items.findBySubjectTypeAndSubjectIdAndKind("TEST", "windows", "TASK").orElseThrow();
        assertThat(item.reminderDue(4)).isEmpty();
        assertThat(item.reminderDue(1)).contains(1);
    }

    private static int count(String page, String light) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-light=\"" + light + "\">(\\d+)<")
                .matcher(page);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String describe(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString() + " " + m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
