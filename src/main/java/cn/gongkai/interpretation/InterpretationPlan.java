package cn.gongkai.interpretation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** 解读方案 of one policy item (三同步 四). */
@Entity
@Table(name = "interpretation_plan")
class InterpretationPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private Long itemId;
    private String outline;
    private String forms;
    private String channels;
    private Long departmentId;
    private String responsiblePerson;
    private String timing;
    private Instant updatedAt;
    private String updatedBy;

    protected InterpretationPlan() {
    }

    InterpretationPlan(Long agencyId, Long itemId) {
        this.agencyId = agencyId;
        this.itemId = itemId;
    }

    void apply(PlanForm f, String by, Instant now) {
        outline = f.outline();
        forms = f.forms().stream().map(Enum::name).collect(Collectors.joining(","));
        channels = f.channels().stream().map(Enum::name).collect(Collectors.joining(","));
        departmentId = f.departmentId();
        responsiblePerson = f.responsiblePerson();
        timing = f.timing();
        updatedAt = now;
        updatedBy = by;
    }

    PlanForm toForm() {
        return new PlanForm(outline, parse(forms, InterpretationForm.class), parse(channels,
                InterpretationChannel.class), departmentId, responsiblePerson, timing);
    }

    private static <E extends Enum<E>> Set<E> parse(String csv, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        if (csv != null && !csv.isBlank()) {
            Arrays.stream(csv.split(",")).map(s -> Enum.valueOf(type, s)).forEach(set::add);
        }
        return set;
    }

    Long getItemId() {
        return itemId;
    }

    Long getAgencyId() {
        return agencyId;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }
}
