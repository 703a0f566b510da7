package cn.gongkai.document;

import static org.assertj.core.api.Assertions.fail;

import cn.gongkai.catalog.DisclosureAttribute;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffMember;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.support.GongkaiAppTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No dead ends in the review chain: random walks through the real workflow on the real application (submit,
 * approve or return at each step, 保密审查 opinions including 需报审 and the bureau's answer, scan findings confirmed or
 * redacted, the office's publish or return, edits and resubmissions, drafted by staff, a department head or the
 * office). After every step, every item in the chain that is not closed has an open work item whose owner — a user,
 * or a role in a department or the agency — is a demo account that can actually make the item move: each candidate
 * move is tried for real in a transaction that is then rolled back.
 */
@GongkaiAppTest
class ReviewChainDeadEndsRandomWalkTest {

    private static final long SEED = 20261130L;
    private static final int WALKS = 40;
    private static final int STEPS = 18;
    private static final String[] DRAFTERS = {"staff", "staff", "depthead", "office"};
    private static final String[] PEOPLE = {"staff", "depthead", "secrecy", "leader", "office"};
    private static final String ID_NUMBER = "11010519491231002X";

    @Autowired InfoItemWorkflow workflow;
    @Autowired ItemAttachments attachments;
    @Autowired UserDetailsService accounts;
    @Autowired OrgDirectory org;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    StaffPrincipal as(String username) {
        return (StaffPrincipal) accounts.loadUserByUsername(username);
    }

    @Test
    void everyOpenItemInTheChainAlwaysHasSomeoneWhoCanMoveIt() {
        Random random = new Random(SEED);
        for (int walk = 0; walk < WALKS; walk++) {
            walk(walk, new Random(random.nextLong()));
        }
    }

    private void walk(int walk, Random random) {
        List<Long> items = new ArrayList<>();
        List<String> log = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            if (items.isEmpty() || (items.size() < 3 && random.nextInt(6) == 0)) {
                String drafter = DRAFTERS[random.nextInt(DRAFTERS.length)];
                InfoItem item = workflow.create(as(drafter), draft(random, "随机路径" + walk + "-" + items.size()));
                items.add(item.getId());
                log.add(drafter + " drafts " + item.getId());
            }
            Long id = items.get(random.nextInt(items.size()));
            log.add(act(random, id));
            for (Long each : items) {
                String problem = deadEnd(each);
                if (problem != null) {
                    fail("Dead end in walk " + walk + " (seed " + SEED + ") after:\n  " + String.join("\n  ", log)
                            + "\nitem " + each + ": " + problem);
                }
            }
        }
    }

    // ---- random moves, as anyone might try them -----------------------------------------------------------------

    private String act(Random random, Long id) {
        InfoItem item = workflow.get(as("office"), id);
        String who = pick(random, item);
        String move = switch (item.getStatus()) {
            case DRAFT, RETURNED -> switch (random.nextInt(4)) {
                case 0 -> "edit";
                case 1 -> "scan";
                default -> "submit";
            };
            case IN_REVIEW -> switch (random.nextInt(11)) {
                case 0, 1, 2, 3 -> "approve";
                case 4 -> "return";
                case 5 -> "escalate";
                case 6, 7 -> "acknowledge";
                case 8 -> "redact";
                case 9 -> "phrase";
                default -> "consent";
            };
            case AWAITING_DETERMINATION -> "answer";
            case APPROVED -> random.nextInt(3) == 0 ? "return" : random.nextBoolean() ? "publish" : "consent";
            case PUBLISHED -> random.nextInt(4) == 0 ? "edit" : "nothing";
        };
        try {
            perform(move, who, id, random);
            return who + " " + move + " " + id + " → " + workflow.get(as("office"), id).getStatus();
        } catch (DocumentRuleViolation e) {
            return who + " " + move + " " + id + " refused: " + e.rule();
        } catch (InfoItemWorkflow.ItemNotFound e) {
            return who + " " + move + " " + id + " refused: not found";
        }
    }

    /** Mostly the person whose turn it is, sometimes anyone. */
    private String pick(Random random, InfoItem item) {
        if (random.nextInt(5) == 0) {
            return PEOPLE[random.nextInt(PEOPLE.length)];
        }
        return switch (item.getStatus()) {
            case DRAFT, RETURNED, PUBLISHED -> username(item.getDrafterId());
            case IN_REVIEW -> switch (workflow.chainOf(item).roleAt(item.getCurrentStep())) {
                case DEPT_HEAD -> "depthead";
                case SECRECY_REVIEWER -> "secrecy";
                case LEADER -> "leader";
                default -> "office";
            };
            case AWAITING_DETERMINATION -> "secrecy";
            case APPROVED -> "office";
        };
    }

    private void perform(String move, String who, Long id, Random random) {
        StaffPrincipal me = as(who);
        switch (move) {
            case "edit" -> workflow.edit(me, id, draft(random, workflow.get(me, id).getTitle()));
            case "scan" -> attachments.scan(workflow.forDrafter(me, id));
            case "submit" -> workflow.submit(me, id, attachments.scan(workflow.get(me, id)), random.nextBoolean());
            case "phrase" -> workflow.addRedactionPhrase(me, id, "张某");
            case "approve" -> workflow.decide(me, id, Decision.APPROVED, "同意",
                    List.of(ReviewOpinion.PROACTIVE, ReviewOpinion.ON_REQUEST, ReviewOpinion.EXEMPT)
                            .get(random.nextInt(3)), null);
            case "return" -> workflow.decide(me, id, Decision.RETURNED, "请修改后再报", null, null);
            case "escalate" -> workflow.decide(me, id, Decision.APPROVED, "密级不明确", ReviewOpinion.ESCALATE,
                    "1.信息文本 2.申请确定密级的公文");
            case "answer" -> workflow.answerDetermination(me, id,
                    random.nextBoolean() ? SecrecyLevel.NONE : SecrecyLevel.CONFIDENTIAL, "保密工作部门书面答复");
            case "acknowledge", "redact" -> {
                InfoItem item = workflow.get(me, id);
                for (ScanFinding f : workflow.findings(item)) {
                    if (!f.isAcknowledged()) {
                        if (move.equals("redact")) {
                            workflow.redactFinding(me, id, f.getId());
                        } else {
                            workflow.acknowledgeFinding(me, id, f.getId(), "经核实可以公开");
                        }
                        return;
                    }
                }
            }
            case "consent" -> workflow.record(me, id, "third-party-consent", "第三方书面同意公开", null);
            case "publish" -> workflow.publish(me, id, attachments.forPublication(workflow.get(me, id)));
            default -> { }
        }
    }

    // ---- the invariant --------------------------------------------------------------------------------------------

    /** Null when someone who owns the item's open work can move it; otherwise what is wrong. */
    private String deadEnd(Long id) {
        InfoItem item = workflow.get(as("office"), id);
        if (item.getStatus() == ItemStatus.PUBLISHED || item.getStatus() == ItemStatus.DRAFT) {
            return null; // closed, or a working copy that has not entered the chain (no work item yet)
        }
        List<Map<String, Object>> open = jdbc.queryForList("select kind, owner_department_id, owner_role, "
                + "owner_user_id from work_item where subject_type = 'INFO_ITEM' and subject_id = ? and state = 'OPEN'",
                id.toString());
        if (open.isEmpty()) {
            return item.getStatus() + " without an open work item";
        }
        Set<String> owners = new LinkedHashSet<>();
        for (Map<String, Object> w : open) {
            owners.addAll(owners(item, w));
        }
        for (String owner : owners) {
            if (canMove(owner, item)) {
                return null;
            }
        }
        return item.getStatus() + " at step " + item.getCurrentStep() + ", open work " + open + ", owners " + owners
                + " — none of them can move it";
    }

    private List<String> owners(InfoItem item, Map<String, Object> work) {
        if (work.get("owner_user_id") != null) {
            return List.of(username(((Number) work.get("owner_user_id")).longValue()));
        }
        Long department = work.get("owner_department_id") == null ? null
                : ((Number) work.get("owner_department_id")).longValue();
        return org.holders(item.getAgencyId(), department, Role.valueOf((String) work.get("owner_role"))).stream()
                .filter(StaffMember::enabled).map(StaffMember::username).toList();
    }

    /** Whether {@code who} can make one move out of the item's state; every try is rolled back. */
    private boolean canMove(String who, InfoItem item) {
        StaffPrincipal me = as(who);
        Long id = item.getId();
        List<Consumer<Void>> tries = switch (item.getStatus()) {
            case IN_REVIEW -> List.of(v -> clearAndApprove(me, id), v -> workflow.decide(me, id, Decision.RETURNED,
                    "退回", null, null));
            case AWAITING_DETERMINATION -> List.of(v -> workflow.answerDetermination(me, id, SecrecyLevel.NONE,
                    "答复"));
            case APPROVED -> List.of(v -> workflow.publish(me, id, attachments.forPublication(workflow.get(me, id))),
                    v -> workflow.decide(me, id, Decision.RETURNED, "退回", null, null));
            case RETURNED -> List.of(v -> workflow.submit(me, id, attachments.scan(workflow.get(me, id)), true));
            default -> List.of();
        };
        for (Consumer<Void> attempt : tries) {
            if (succeeds(attempt)) {
                return true;
            }
        }
        return false;
    }

    /** What the person at the step does: clears what they may clear, then approves. */
    private void clearAndApprove(StaffPrincipal me, Long id) {
        InfoItem item = workflow.get(me, id);
        if (me.has(Role.SECRECY_REVIEWER)) {
            for (ScanFinding f : workflow.findings(item)) {
                if (!f.isAcknowledged()) {
                    workflow.acknowledgeFinding(me, id, f.getId(), "经核实可以公开");
                }
            }
        }
        if (me.has(Role.LEADER) && item.isThirdPartyInvolved() && item.getThirdPartyConsent() == null
                && item.getPublicInterestDecision() == null) {
            workflow.record(me, id, "public-interest", "不公开可能对公共利益造成重大影响", null);
        }
        workflow.decide(me, id, Decision.APPROVED, "同意", ReviewOpinion.PROACTIVE, null);
    }

    private boolean succeeds(Consumer<Void> attempt) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Boolean ok = tx.execute(status -> {
            status.setRollbackOnly();
            try {
                attempt.accept(null);
                return true;
            } catch (DocumentRuleViolation | InfoItemWorkflow.ItemNotFound e) {
                return false;
            }
        });
        return Boolean.TRUE.equals(ok);
    }

    private String username(Long userId) {
        return org.member(userId).orElseThrow().username();
    }

    private static Draft draft(Random random, String title) {
        boolean personal = random.nextInt(5) < 2;
        boolean marked = random.nextInt(8) == 0;
        String body = personal ? "当事人张某，身份证号码" + ID_NUMBER + "，联系电话13800138000。" : "养护工作安排见正文。";
        return new Draft(title, null, "随机路径的摘要", body, LocalDate.now(Deadlines.ZONE).minusDays(1), "工业、交通", "通知",
                null, DisclosureAttribute.PROACTIVE, null, "社会公众", EnumSet.of(Channel.WEBSITE),
                marked ? SecrecyLevel.CONFIDENTIAL : SecrecyLevel.NONE, marked ? "5年" : null, random.nextInt(4) == 0,
                false, null, Set.of());
    }
}
