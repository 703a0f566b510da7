package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.org.TestAgency;
import cn.gongkai.platform.PlatformClock;
import cn.gongkai.support.GongkaiAppTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * No dead ends: over random paths through the handling of a request (assignment, amendment, consultations,
 * extension, drafting, review, approval, returns, split, delivery), after every step a request that is not closed has
 * an open work item held by someone who can take its next step, and a closed one has none.
 */
@GongkaiAppTest
class RequestDeadEndsTest {

    static final long SEED = 20261130L;
    static final int WALKS = 25;
    static final int STEPS = 14;

    @Autowired RequestDesk desk;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;
    @Autowired OrgDirectory org;

    @Test
    void everyOpenRequestHasAnOpenWorkItemHeldBySomeoneWhoCanActOnItAfterEveryStepOfARandomPath() {
        TestAgency agency = TestAgency.create(context, "死角测试局");
        Long officeDept = agency.department("办公室");
        Long planning = agency.department("规划科" + agency.code());
        Long roads = agency.department("公路科" + agency.code());
        StaffPrincipal office = as(agency.user("office", officeDept, Role.OFFICE));
        StaffPrincipal leader = as(agency.user("leader", officeDept, Role.LEADER));
        Map<Long, StaffPrincipal> staff = Map.of(planning, as(agency.user("staff", planning, Role.STAFF)),
                roads, as(agency.user("staff-b", roads, Role.STAFF)));
        Random random = new Random(SEED);
        LocalDate start = LocalDate.of(2025, 3, 3);
        int steps = 0;
        for (int walk = 0; walk < WALKS; walk++) {
            LocalDate[] today = {start.plusDays(walk * 3L)};
            Long id = on(today[0], () -> idOf(desk.receive(agency.id(), RequestChannel.LETTER, today[0],
                    applicant(), new Sought("第" + SEED + "号文件", null, "请提供该文件全文", null, Delivery.EMAIL),
                    "test").trackingNumber()));
            List<Long> ids = new ArrayList<>(List.of(id));
            for (int step = 0; step < STEPS && !ids.isEmpty(); step++) {
                Long current = ids.get(random.nextInt(ids.size()));
                InfoRequest r = desk.get(office, current);
                if (r.getStatus() == RequestStatus.CLOSED) {
                    ids.remove(current);
                    continue;
                }
                List<Runnable> moves = moves(r, office, leader, staff, List.of(planning, roads), random, today, ids);
                Runnable move = moves.get(random.nextInt(moves.size()));
                try {
                    on(today[0], () -> {
                        move.run();
                        return null;
                    });
                } catch (RequestRuleViolation refused) {
                    // A refused step changes nothing; the invariant must hold all the same.
                }
                steps++;
                if (random.nextInt(3) == 0) {
                    today[0] = today[0].plusDays(1 + random.nextInt(3));
                }
                for (Long each : ids) {
                    assertSomeoneCanAct(desk.get(office, each), "walk " + walk + " step " + step);
                }
            }
        }
        assertThat(steps).isGreaterThan(WALKS * 5);
    }

    private List<Runnable> moves(InfoRequest r, StaffPrincipal office, StaffPrincipal leader,
            Map<Long, StaffPrincipal> staff, List<Long> departments, Random random, LocalDate[] today, List<Long> ids) {
        Long id = r.getId();
        Long dept = departments.get(random.nextInt(departments.size()));
        StaffPrincipal handler = r.getDepartmentId() == null ? null : staff.get(r.getDepartmentId());
        List<Runnable> moves = new ArrayList<>();
        if (r.getExtensionRequestedDays() != null && r.getExtensionApprovedBy() == null) {
            moves.add(() -> desk.approveExtension(leader, id));
            moves.add(() -> desk.refuseExtension(leader, id));
        }
        switch (r.getStatus()) {
            case RECEIVED -> {
                moves.add(() -> desk.assign(office, id, dept));
                moves.add(() -> desk.requestAmendment(office, id, List.of("请写明文件名称", "请写明年份"), 10));
                moves.add(() -> ids.addAll(desk.split(office, id, List.of(new RequestDesk.Part(null, "第一项"),
                        new RequestDesk.Part(null, "第二项"))).created().stream().map(c -> idOf(c.trackingNumber()))
                        .toList()));
            }
            case AMENDMENT_REQUESTED -> {
                moves.add(() -> desk.recordAmendment(office, id, "补正后的描述", today[0]));
                moves.add(() -> {
                    today[0] = r.getAmendmentDue().plusDays(1);
                    on(today[0], () -> desk.abandon(office, id));
                });
            }
            case ASSIGNED -> {
                moves.add(() -> desk.assign(office, id, dept));
                moves.add(() -> desk.consult(handler, id, random.nextBoolean() ? Consultation.Kind.THIRD_PARTY
                        : Consultation.Kind.OTHER_AGENCY, "某单位"));
                moves.add(() -> desk.requestExtension(handler, id, 5, "需要调取档案"));
                moves.add(() -> draft(handler, id, random));
                moves.add(() -> draft(handler, id, random));
            }
            case CONSULTING -> {
                moves.add(() -> desk.endConsultation(handler, id, "同意公开"));
                moves.add(() -> desk.consult(handler, id, Consultation.Kind.OTHER_AGENCY, "另一机关"));
                moves.add(() -> desk.requestExtension(handler, id, 5, "需要调取档案"));
            }
            case REPLY_DRAFTED -> {
                moves.add(() -> desk.officeReview(office, id, true));
                moves.add(() -> desk.officeReview(office, id, false));
            }
            case AWAITING_LEADER -> {
                moves.add(() -> desk.leaderDecision(leader, id, true));
                moves.add(() -> desk.leaderDecision(leader, id, false));
            }
            case REPLIED -> moves.add(() -> desk.recordDelivery(office, id, null, "邮寄送达"));
            default -> moves.add(() -> { });
        }
        // Someone without the role tries too: refused, nothing changes.
        moves.add(() -> desk.officeReview(staff.values().iterator().next(), id, true));
        return moves;
    }

    private void draft(StaffPrincipal handler, Long id, Random random) {
        Outcome outcome = List.of(Outcome.DISCLOSED, Outcome.PARTIAL, Outcome.REFUSED_THIRD_PARTY,
                Outcome.UNABLE_NOT_HELD).get(random.nextInt(4));
        ReplyForm form = Arrays.stream(ReplyForm.values()).filter(f -> f.fits(outcome)).findFirst().orElseThrow();
        desk.draftReply(handler, id, outcome, form, "答复内容", null);
    }

    /** Who can take a request's next step, by its state: the role, and the department when it is the handler's. */
    private void assertSomeoneCanAct(InfoRequest r, String where) {
        List<Map<String, Object>> open = jdbc.queryForList("select kind, owner_role, owner_department_id from "
                + "work_item where subject_type = 'INFO_REQUEST' and subject_id = ? and closed_at is null",
                r.getId().toString());
        if (r.getStatus() == RequestStatus.CLOSED) {
            assertThat(open).as(where + ": a closed request leaves no work").noneMatch(w -> "HANDLE".equals(w.get("kind")));
            return;
        }
        Role role = switch (r.getStatus()) {
            case RECEIVED, AMENDMENT_REQUESTED, FEE_NOTIFIED, REPLY_DRAFTED, REPLIED -> Role.OFFICE;
            case ASSIGNED, CONSULTING -> Role.STAFF;
            case AWAITING_LEADER -> Role.LEADER;
            case CLOSED -> throw new IllegalStateException();
        };
        Long department = role == Role.STAFF ? r.getDepartmentId() : null;
        assertThat(open).as(where + ": " + r.getStatus() + " needs an open item for " + role).anySatisfy(w -> {
            assertThat(w.get("kind")).isEqualTo("HANDLE");
            assertThat(w.get("owner_role")).isEqualTo(role.name());
            assertThat(w.get("owner_department_id") == null ? null : ((Number) w.get("owner_department_id")).longValue())
                    .isEqualTo(department);
        });
        assertThat(org.holders(r.getAgencyId(), department, role)).as(where + ": someone holds " + role).isNotEmpty();
        if (r.getExtensionRequestedDays() != null && r.getExtensionApprovedBy() == null) {
            assertThat(open).as(where + ": a pending extension is the leader's work")
                    .anyMatch(w -> "EXTENSION".equals(w.get("kind")) && Role.LEADER.name().equals(w.get("owner_role")));
        }
        for (Consultation c : r.openConsultations()) {
            assertThat(open).as(where + ": each open consultation is the handler's work")
                    .anyMatch(w -> c.workKind().equals(w.get("kind")));
        }
    }

    private StaffPrincipal as(String username) {
        return (StaffPrincipal) accounts.loadUserByUsername(username);
    }

    private Long idOf(String tracking) {
        return jdbc.queryForObject("select id from info_request where tracking_number = ?", Long.class, tracking);
    }

    private static Applicant applicant() {
        return new Applicant(ApplicantKind.PERSON, null, "王五", IdType.RESIDENT_ID, "11010519491231002X",
                "13800138000", "wangwu@example.cn", null, null, null, null, null);
    }

    private static <T> T on(LocalDate day, Supplier<T> step) {
        return PlatformClock.replayOn(day, step);
    }
}
