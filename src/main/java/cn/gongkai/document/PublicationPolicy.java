package cn.gongkai.document;

import cn.gongkai.coordination.CoordinationGate;
import java.util.ArrayList;
import java.util.List;

/**
 * The gates between an approved item and the catalog, each citing the rule it enforces. Plain Java: the workflow
 * asks, the server refuses (HTTP 409 in the API) whatever the page shows.
 */
final class PublicationPolicy {

    static final String SECRET = "document.gate.secret";
    static final String THIRD_PARTY = "document.gate.thirdParty";
    static final String OTHER_AGENCY = "document.gate.otherAgency";
    static final String COORDINATION_PENDING = "document.gate.coordinationPending";
    static final String COORDINATION_WITHHELD = "document.gate.coordinationWithheld";
    static final String CO_PRODUCERS = "document.gate.coProducers";
    static final String UNREVIEWED = "document.gate.unreviewed";
    static final String PRIVACY = "document.gate.privacy";
    static final String FINDINGS_UNCONFIRMED = "document.gate.findingsUnconfirmed";
    static final String SCAN_CONTRADICTS_SELF_REVIEW = "document.gate.scanContradictsSelfReview";

    private PublicationPolicy() {
    }

    /** What still stands between the item and publication (or filing); empty when it may go. */
    static List<String> refusals(InfoItem item, ReviewChain chain, List<ReviewDecision> decisions,
            long unacknowledgedFindings, CoordinationGate.Standing coordination) {
        List<String> refusals = new ArrayList<>();
        // 保密审查制度 六.1、十: marked 秘密/机密/绝密 is never published, nor filed, until a recorded 解密.
        if (item.isMarkedSecret() && !item.isDeclassified()) {
            refusals.add(SECRET);
        }
        refusals.addAll(passRefusals(item, coordination));
        // 发布制度 四: 未经审核的政府信息内容不得公开 — every step of this round approved.
        if (!everyStepApproved(item, chain, decisions)) {
            refusals.add(UNREVIEWED);
        }
        // 保密审查制度 六.2: unmarked personal or secret content found by the scan must be cleared by the reviewer.
        if (unacknowledgedFindings > 0) {
            refusals.add(PRIVACY);
        }
        return refusals;
    }

    /** What must be on record before the chain's last step may approve (保密 八; 主动公开 七.3、七.4). */
    static List<String> passRefusals(InfoItem item, CoordinationGate.Standing coordination) {
        List<String> refusals = new ArrayList<>();
        // 主动公开制度 七.3: third-party trade secrets or privacy — consent, or a leader's public-interest decision.
        if (item.isThirdPartyInvolved() && isBlank(item.getThirdPartyConsent())
                && isBlank(item.getPublicInterestDecision())) {
            refusals.add(THIRD_PARTY);
        }
        // 发布协调制度 一; 主动公开制度 七.4: other agencies involved — confirmed in writing through a coordination
        // (or by the authority's decision) before publishing.
        if (item.isOtherAgenciesInvolved() && coordination.settled() == 0) {
            refusals.add(OTHER_AGENCY);
        }
        // 发布协调制度 一、二: nothing is published while a coordination waits for its answer or the authority.
        if (coordination.pending() > 0) {
            refusals.add(COORDINATION_PENDING);
        }
        // 发布协调制度 二: the authority's decision against publishing binds the agency.
        if (coordination.withheld() > 0) {
            refusals.add(COORDINATION_WITHHELD);
        }
        // 保密审查制度 八: each co-producing department's written consent.
        if (item.getCoProducers().stream().anyMatch(c -> !c.hasConsented())) {
            refusals.add(CO_PRODUCERS);
        }
        return refusals;
    }

    /**
     * What stops the reviewer at {@code role} from approving (passing the item on): the confidentiality review clears
     * every scan finding first, by confirming it as publishable or redacting it, so that nothing it must clear is
     * left to a later step that cannot clear it.
     */
    static List<String> stepRefusals(cn.gongkai.org.Role role, long unconfirmedFindings) {
        List<String> refusals = new ArrayList<>();
        // 保密审查制度 三、六.2: 先审查、后公开 — the confidentiality review confirms or redacts every finding itself.
        if (role == cn.gongkai.org.Role.SECRECY_REVIEWER && unconfirmedFindings > 0) {
            refusals.add(FINDINGS_UNCONFIRMED);
        }
        return refusals;
    }

    /**
     * Whether the scan contradicts the drafter's self-review: personal data found while the self-review says no
     * third party's privacy is involved, or a secrecy marking found while it says the item is not marked.
     */
    static boolean scanContradictsSelfReview(InfoItem item, List<ScanFinding> scanned) {
        // 发布制度 三 (同步自审) and 保密审查制度 六.1–2: the drafter's answers must match what the text contains.
        boolean personal = scanned.stream().anyMatch(f -> !MARKING.equals(f.getType()));
        boolean marking = scanned.stream().anyMatch(f -> MARKING.equals(f.getType()));
        return (personal && !item.isThirdPartyInvolved()) || (marking && !item.isMarkedSecret());
    }

    private static final String MARKING = "SECRECY_MARKING";

    static boolean everyStepApproved(InfoItem item, ReviewChain chain, List<ReviewDecision> decisions) {
        if (item.getStatus() != ItemStatus.APPROVED) {
            return false;
        }
        for (int step = 0; step < chain.size(); step++) {
            int s = step;
            boolean approved = decisions.stream().anyMatch(d -> d.getVersion() == item.getVersion()
                    && d.getRound() == item.getRound() && d.getStep() == s && d.getDecision() == Decision.APPROVED
                    && d.getRole() == chain.roleAt(s));
            if (!approved) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
