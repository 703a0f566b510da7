package cn.gongkai.interpretation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** The interpretation clock of one published policy (三同步 五): due 10 working days after publication. */
@Entity
@Table(name = "policy_interpretation")
class PolicyInterpretation {

    @Id
    private Long policyItemId;
    private Long agencyId;
    private Long departmentId;
    private String title;
    private LocalDate publishedOn;
    private LocalDate dueOn;
    private LocalDate interpretedOn;
    private Boolean interpretedOnTime;

    protected PolicyInterpretation() {
    }

    PolicyInterpretation(Long policyItemId, Long agencyId, Long departmentId, String title, LocalDate publishedOn,
            LocalDate dueOn) {
        this.policyItemId = policyItemId;
        this.agencyId = agencyId;
        this.departmentId = departmentId;
        this.title = title;
        this.publishedOn = publishedOn;
        this.dueOn = dueOn;
    }

    /** The first interpretation published: kept, later ones change nothing. */
    boolean interpreted(LocalDate on) {
        if (interpretedOn != null) {
            return false;
        }
        interpretedOn = on;
        interpretedOnTime = !on.isAfter(dueOn);
        return true;
    }

    Long getPolicyItemId() {
        return policyItemId;
    }

    Long getAgencyId() {
        return agencyId;
    }

    String getTitle() {
        return title;
    }

    LocalDate getPublishedOn() {
        return publishedOn;
    }

    LocalDate getDueOn() {
        return dueOn;
    }

    LocalDate getInterpretedOn() {
        return interpretedOn;
    }

    Boolean getInterpretedOnTime() {
        return interpretedOnTime;
    }
}
