package cn.gongkai.report;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One cell of the report's tables: the value computed from the records (none when the records cannot give it) and,
 * when the office corrected or supplied it, the value entered by hand with who entered it and when.
 */
@Entity
@Table(name = "annual_report_figure")
class Figure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String cell;
    private BigDecimal computed;
    private BigDecimal manual;
    private String enteredBy;
    private Instant enteredAt;

    protected Figure() {
    }

    Figure(String cell, BigDecimal computed) {
        this.cell = cell;
        this.computed = computed;
    }

    BigDecimal value() {
        return manual != null ? manual : computed;
    }

    boolean isManual() {
        return manual != null;
    }

    void compute(BigDecimal value) {
        this.computed = value;
    }

    void enter(BigDecimal value, String by, Instant at) {
        this.manual = value;
        this.enteredBy = value == null ? null : by;
        this.enteredAt = value == null ? null : at;
    }

    BigDecimal getComputed() {
        return computed;
    }

    BigDecimal getManual() {
        return manual;
    }

    String getEnteredBy() {
        return enteredBy;
    }

    Instant getEnteredAt() {
        return enteredAt;
    }
}
