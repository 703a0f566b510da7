package cn.gongkai.request;

import cn.gongkai.calendar.WorkCalendar;
import cn.gongkai.calendar.WorkCalendarStore;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures for a period, the same numbers the annual report will use: requests received by applicant kind, closed
 * ones by outcome, replies on time, average working days from receipt to reply, per department.
 */
@Service
public class RequestStatistics {

    private final InfoRequests requests;
    private final WorkCalendarStore calendars;

    RequestStatistics(InfoRequests requests, WorkCalendarStore calendars) {
        this.requests = requests;
        this.calendars = calendars;
    }

    /** One row of figures (for the whole agency or one department). */
    public record Figures(long received, long replied, long onTime, double averageWorkingDays,
            Map<Outcome.Category, Long> byCategory, Map<Outcome, Long> byOutcome, Map<String, Long> byApplicant) {

        public double onTimeRate() {
            return replied == 0 ? 0 : (double) onTime / replied;
        }
    }

    @Transactional(readOnly = true)
    public Figures agency(Long agencyId, LocalDate from, LocalDate to) {
        return figures(requests.findReceivedBetween(agencyId, from, to));
    }

    @Transactional(readOnly = true)
    public Map<Long, Figures> byDepartment(Long agencyId, LocalDate from, LocalDate to) {
        Map<Long, List<InfoRequest>> grouped = new LinkedHashMap<>();
        for (InfoRequest r : requests.findReceivedBetween(agencyId, from, to)) {
            if (r.getDepartmentId() != null) {
                grouped.computeIfAbsent(r.getDepartmentId(), k -> new java.util.ArrayList<>()).add(r);
            }
        }
        Map<Long, Figures> result = new LinkedHashMap<>();
        grouped.forEach((dept, list) -> result.put(dept, figures(list)));
        return result;
    }

    private Figures figures(List<InfoRequest> list) {
        WorkCalendar calendar = calendars.current();
        Map<Outcome.Category, Long> byCategory = new EnumMap<>(Outcome.Category.class);
        Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
        Map<String, Long> byApplicant = new LinkedHashMap<>();
        long replied = 0;
        long onTime = 0;
        long totalDays = 0;
        for (InfoRequest r : list) {
            String applicant = r.getApplicantKind() == ApplicantKind.PERSON ? "PERSON"
                    : r.getOrganisationKind() == null ? "OTHER" : r.getOrganisationKind().name();
            byApplicant.merge(applicant, 1L, Long::sum);
            if (r.getOutcome() != null && r.getRepliedOn() != null) {
                byCategory.merge(r.getOutcome().category(), 1L, Long::sum);
                byOutcome.merge(r.getOutcome(), 1L, Long::sum);
                replied++;
                if (Boolean.TRUE.equals(r.getOnTime())) {
                    onTime++;
                }
                totalDays += calendar.workingDaysBetween(r.getReceivedOn(), r.getRepliedOn());
            }
        }
        return new Figures(list.size(), replied, onTime, replied == 0 ? 0 : (double) totalDays / replied, byCategory,
                byOutcome, byApplicant);
    }
}
