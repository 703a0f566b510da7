/**
 * Working-day calendar (工作日历): weekends, statutory holidays and adjusted working days (调休上班).
 * {@link cn.gongkai.calendar.WorkCalendar} is the Spring-free arithmetic; {@link cn.gongkai.calendar.WorkCalendarStore}
 * keeps the special days in PostgreSQL and publishes {@link cn.gongkai.calendar.WorkCalendarChanged} on every change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working-day calendar")
package cn.gongkai.calendar;
