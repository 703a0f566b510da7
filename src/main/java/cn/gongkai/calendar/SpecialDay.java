package cn.gongkai.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A holiday or an adjusted working day (a day that breaks the Monday-to-Friday rule). */
@Entity
@Table(name = "calendar_day")
class SpecialDay {

    @Id
    @Column(name = "day")
    private LocalDate date;
    @Enumerated(EnumType.STRING)
    private DayKind kind;
    private String name;

    protected SpecialDay() {
    }

    SpecialDay(CalendarDay day) {
        this.date = day.date();
        apply(day);
    }

    void apply(CalendarDay day) {
        this.kind = day.kind();
        this.name = day.name();
    }

    CalendarDay toDay() {
        return new CalendarDay(date, kind, name);
    }
}
