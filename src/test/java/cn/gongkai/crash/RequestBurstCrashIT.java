package cn.gongkai.crash;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.platform.EmbeddedDatabase;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: the application is killed (kill -9) in the middle of a burst of request submissions from several clients
 * and started again. Every request it acknowledged (201 with a tracking number) exists exactly once, with its
 * received event, its audit entry and its work item, and can be tracked with its query code; and no request that
 * was written lacks any of them, acknowledged or not.
 */
class RequestBurstCrashIT {

    private static final int CLIENTS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 24;

    record Acknowledged(String trackingNumber, String queryCode, String description) {
    }

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void everyAcknowledgedRequestExistsExactlyOnceWithItsEventAuditEntryAndWorkItemAfterKill9MidBurst(
            @TempDir Path dir) throws Exception {
        String run = Long.toString(System.nanoTime() % 1_000_000, 36);
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        try {
            ChildApplication first = ChildApplication.start(dir, "1");
            CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int n = 0; ; n++) {
                        String description = "突发申请" + run + "-" + client + "-" + n + "：请提供本年度道路养护资金使用情况";
                        HttpResponse<String> answer;
                        try {
                            answer = first.post("office", "/api/v1/requests", """
                                    {"channel":"ONLINE","applicantKind":"PERSON","name":"张三",
                                     "idType":"RESIDENT_ID","idNumber":"11010519491231002X","phone":"13800138000",
                                     "information":{"description":"%s"},"delivery":"ONLINE"}"""
                                    .formatted(description));
                        } catch (IOException | InterruptedException killed) {
                            return null; // no answer: not acknowledged
                        }
                        if (answer.statusCode() == 201) {
                            acknowledged.add(new Acknowledged(JsonPath.read(answer.body(), "$.trackingNumber"),
                                    JsonPath.read(answer.body(), "$.queryCode"), description));
                            enough.countDown();
                        } else {
                            refused.incrementAndGet();
                            System.err.println("refused: " + answer.statusCode() + " " + answer.body());
                        }
                    }
                });
            }
            assertThat(enough.await(180, TimeUnit.SECONDS)).as("the burst got going").isTrue();
            first.kill(); // kill -9 while the clients keep submitting
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(refused).hasValue(0);
            List<Acknowledged> acks = new ArrayList<>(acknowledged);
            assertThat(acks).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

            // Started again on what the kill left: each acknowledged request is there for its applicant.
            ChildApplication app = ChildApplication.start(dir, "2");
            try {
                for (Acknowledged a : acks) {
                    HttpResponse<String> tracked = app.get("/api/v1/requests/" + a.trackingNumber(), "X-Query-Code",
                            a.queryCode());
                    assertThat(tracked.statusCode()).as(a.trackingNumber() + " " + tracked.body()).isEqualTo(200);
                }
            } finally {
                app.stop();
            }

            try (EmbeddedDatabase db = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(dir.resolve("pg"), 0,
                    false, true));
                    Connection sql = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                for (Acknowledged a : acks) {
                    assertThat(count(sql, "select count(*) from info_request where info_description = ?",
                            a.description())).as("requests for " + a.description()).isOne();
                    assertThat(count(sql, "select count(*) from info_request where tracking_number = ?",
                            a.trackingNumber())).isOne();
                }
                // Every request written, acknowledged or not, is whole: one received event, one audit entry, one
                // open work item.
                assertThat(count(sql, "select count(*) from info_request where info_description like ?",
                        "突发申请" + run + "-%")).isGreaterThanOrEqualTo(acks.size());
                assertThat(count(sql, """
                        select count(*) from info_request r where r.info_description like ?
                          and ((select count(*) from request_event e where e.request_id = r.id and e.kind = 'RECEIVED') <> 1
                            or (select count(*) from audit_entry x where x.action = 'REQUEST_RECEIVED'
                                   and x.object_id = r.tracking_number) <> 1
                            or (select count(*) from work_item w where w.subject_type = 'INFO_REQUEST'
                                   and w.subject_id = r.id::text and w.state = 'OPEN') <> 1)""",
                        "突发申请" + run + "-%")).as("requests missing or doubling an event, audit entry or work item")
                        .isZero();
            }
        } finally {
            ChildApplication.stopOrphanedDatabase(dir);
        }
    }

    private static long count(Connection sql, String query, String parameter) throws Exception {
        try (PreparedStatement s = sql.prepareStatement(query)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
