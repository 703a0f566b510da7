package cn.gongkai.request;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;

/**
 * The workbench request list's filters as typed (every field a string, so binding never fails and the page shows
 * back what was typed), checked into bounded values; each bad value gives a message naming its field.
 */
class RequestFilter {

    static final int MAX_TEXT = 100;
    static final int MAX_DAYS = 365;

    private String status = "";
    private String departmentId = "";
    private String overdue = "";
    private String dueWithin = "";
    private String receivedFrom = "";
    private String receivedTo = "";
    private String applicantKind = "";
    private String q = "";

    /** The checked values; {@code null} where the filter is not used. */
    record Checked(RequestStatus status, Long departmentId, Boolean overdue, Integer dueWithin, LocalDate receivedFrom,
            LocalDate receivedTo, ApplicantKind applicantKind, String text) {

        static final Checked NONE = new Checked(null, null, null, null, null, null, null, null);

        /** Whether the request passes every filter; {@code due} is its due date today. */
        boolean matches(InfoRequest r, LocalDate due, LocalDate today) {
            return (status == null || r.getStatus() == status)
                    && (departmentId == null || departmentId.equals(r.getDepartmentId()))
                    && (overdue == null || overdue == (r.isOpen() && due.isBefore(today)))
                    && (dueWithin == null || r.isOpen() && !due.isBefore(today)
                            && !due.isAfter(today.plusDays(dueWithin)))
                    && (receivedFrom == null || !r.getReceivedOn().isBefore(receivedFrom))
                    && (receivedTo == null || !r.getReceivedOn().isAfter(receivedTo))
                    && (applicantKind == null || r.getApplicantKind() == applicantKind)
                    && (text == null || contains(r.getTrackingNumber()) || contains(r.getInfoTitle())
                            || contains(r.getInfoDescription()) || contains(r.getLinkedIndexNumbers()));
        }

        private boolean contains(String field) {
            return field != null && field.toLowerCase(Locale.ROOT).contains(text);
        }
    }

    /** Open work first (closed last), then by due date, then by tracking number. */
    static Comparator<InfoRequest> workOrder(Function<InfoRequest, LocalDate> due) {
        return Comparator.comparing((InfoRequest r) -> !r.isOpen()).thenComparing(due)
                .thenComparing(InfoRequest::getTrackingNumber);
    }

    /** Checks what was typed; problems (already in Chinese) go to {@code problems}. */
    Checked check(Map<Long, String> departments, MessageSource messages, List<String> problems) {
        cn.gongkai.platform.FilterProblems p = new cn.gongkai.platform.FilterProblems(messages, problems, "request.");
        RequestStatus s = p.choice(status, RequestStatus.class, "request.field.status");
        Long dept = p.department(departmentId, departments, "request.field.department");
        Boolean late = p.yesNo(overdue, "request.filter.overdue");
        Integer days = p.days(dueWithin, MAX_DAYS, "request.filter.dueWithin");
        LocalDate from = p.date(receivedFrom, "request.filter.receivedFrom");
        LocalDate to = p.date(receivedTo, "request.filter.receivedTo");
        if (from != null && to != null && from.isAfter(to)) {
            p.add("request.filter.error.order", "request.filter.receivedFrom", "request.filter.receivedTo");
        }
        ApplicantKind kind = p.choice(applicantKind, ApplicantKind.class, "request.field.applicantKind");
        String text = null;
        if (!q.isBlank()) {
            if (q.strip().length() > MAX_TEXT) {
                p.add("request.filter.error.tooLong", "request.filter.q", MAX_TEXT);
            } else {
                text = q.strip().toLowerCase(Locale.ROOT);
            }
        }
        return new Checked(s, dept, late, days, from, to, kind, text);
    }

    private static String typed(String s) {
        return s == null ? "" : s;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = typed(status);
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(String departmentId) {
        this.departmentId = typed(departmentId);
    }

    public String getOverdue() {
        return overdue;
    }

    public void setOverdue(String overdue) {
        this.overdue = typed(overdue);
    }

    public String getDueWithin() {
        return dueWithin;
    }

    public void setDueWithin(String dueWithin) {
        this.dueWithin = typed(dueWithin);
    }

    public String getReceivedFrom() {
        return receivedFrom;
    }

    public void setReceivedFrom(String receivedFrom) {
        this.receivedFrom = typed(receivedFrom);
    }

    public String getReceivedTo() {
        return receivedTo;
    }

    public void setReceivedTo(String receivedTo) {
        this.receivedTo = typed(receivedTo);
    }

    public String getApplicantKind() {
        return applicantKind;
    }

    public void setApplicantKind(String applicantKind) {
        this.applicantKind = typed(applicantKind);
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = typed(q);
    }
}
