package cn.gongkai.document;

import cn.gongkai.org.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One reviewer's decision at one step: who, when, what, and why. Never changed once written. */
@Entity
@Table(name = "review_decision")
class ReviewDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long itemId;
    private int version;
    private int round;
    private int step;
    @Enumerated(EnumType.STRING)
    private Role role;
    private String reviewer;
    private String reviewerName;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    private String opinion;
    @Enumerated(EnumType.STRING)
    private ReviewOpinion reviewOpinion;
    private Instant decidedAt;

    protected ReviewDecision() {
    }

    ReviewDecision(InfoItem item, Role role, String reviewer, String reviewerName, Decision decision, String opinion,
            ReviewOpinion reviewOpinion, Instant at) {
        this(item, item.getCurrentStep(), role, reviewer, reviewerName, decision, opinion, reviewOpinion, at);
    }

    /** A decision at an explicit step; the office's return before publication is at the step after the chain's last. */
    ReviewDecision(InfoItem item, int step, Role role, String reviewer, String reviewerName, Decision decision,
            String opinion, ReviewOpinion reviewOpinion, Instant at) {
        this.itemId = item.getId();
        this.version = item.getVersion();
        this.round = item.getRound();
        this.step = step;
        this.role = role;
        this.reviewer = reviewer;
        this.reviewerName = reviewerName;
        this.decision = decision;
        this.opinion = opinion;
        this.reviewOpinion = reviewOpinion;
        this.decidedAt = at;
    }

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    public int getRound() {
        return round;
    }

    public int getStep() {
        return step;
    }

    public Role getRole() {
        return role;
    }

    public String getReviewer() {
        return reviewer;
    }

    public String getReviewerName() {
        return reviewerName;
    }

    public Decision getDecision() {
        return decision;
    }

    public String getOpinion() {
        return opinion;
    }

    public ReviewOpinion getReviewOpinion() {
        return reviewOpinion;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedLabel() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(decidedAt.atZone(java.time.ZoneId.of("Asia/Shanghai")));
    }
}
