package cn.gongkai.calendar;

import java.util.Set;

/** Published whenever a holiday or adjusted working day is added, changed, removed or imported. */
public record WorkCalendarChanged(Set<Integer> years, String change) {
}
