package cn.gongkai.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;

/**
 * The workbench item list's filters as typed (every field a string, so binding never fails and the page shows
 * back what was typed), checked into bounded values; each bad value gives a message naming its field.
 */
class ItemFilter {

    static final int MAX_TEXT = 100;
    static final int MAX_DAYS = 365;

    private String status = "";
    private String departmentId = "";
    private String overdue = "";
    private String dueWithin = "";
    private String createdFrom = "";
    private String createdTo = "";
    private String q = "";

    /** The checked values; {@code null} where the filter is not used. */
    record Checked(ItemStatus status, Long departmentId, Boolean overdue, Integer dueWithin, LocalDate createdFrom,
            LocalDate createdTo, String text) {

        static final Checked NONE = new Checked(null, null, null, null, null, null, null);

        /** Whether the item passes every filter; {@code due} is its publication due date (20 working days). */
        boolean matches(InfoItem i, LocalDate due, LocalDate today) {
            boolean open = i.getStatus() != ItemStatus.PUBLISHED;
            return (status == null || i.getStatus() == status)
                    && (departmentId == null || departmentId.equals(i.getDepartmentId()))
                    && (overdue == null || overdue == (open && due.isBefore(today)))
                    && (dueWithin == null || open && !due.isBefore(today) && !due.isAfter(today.plusDays(dueWithin)))
                    && (createdFrom == null || !i.getCreatedOn().isBefore(createdFrom))
                    && (createdTo == null || !i.getCreatedOn().isAfter(createdTo))
                    && (text == null || contains(i.getTitle()) || contains(i.getIndexNumber())
                            || contains(i.getDocumentNumber()));
        }

        private boolean contains(String field) {
            return field != null && field.toLowerCase(Locale.ROOT).contains(text);
        }
    }

    /** Open work first (published last), then by due date, then newest first. */
    static Comparator<InfoItem> workOrder(Function<InfoItem, LocalDate> due) {
        return Comparator.comparing((InfoItem i) -> i.getStatus() == ItemStatus.PUBLISHED).thenComparing(due)
                .thenComparing(InfoItem::getId, Comparator.reverseOrder());
    }

    /** Checks what was typed; problems (already in Chinese) go to {@code problems}. */
    Checked check(Map<Long, String> departments, MessageSource messages, List<String> problems) {
        cn.gongkai.platform.FilterProblems p = new cn.gongkai.platform.FilterProblems(messages, problems, "document.");
        ItemStatus s = p.choice(status, ItemStatus.class, "document.field.status");
        Long dept = p.department(departmentId, departments, "document.field.department");
        Boolean late = p.yesNo(overdue, "document.filter.overdue");
        Integer days = p.days(dueWithin, MAX_DAYS, "document.filter.dueWithin");
        LocalDate from = p.date(createdFrom, "document.filter.createdFrom");
        LocalDate to = p.date(createdTo, "document.filter.createdTo");
        if (from != null && to != null && from.isAfter(to)) {
            p.add("document.filter.error.order", "document.filter.createdFrom", "document.filter.createdTo");
        }
        String text = null;
        if (!q.isBlank()) {
            if (q.strip().length() > MAX_TEXT) {
                p.add("document.filter.error.tooLong", "document.filter.q", MAX_TEXT);
            } else {
                text = q.strip().toLowerCase(Locale.ROOT);
            }
        }
        return new Checked(s, dept, late, days, from, to, text);
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

    public String getCreatedFrom() {
        return createdFrom;
    }

    public void setCreatedFrom(String createdFrom) {
        this.createdFrom = typed(createdFrom);
    }

    public String getCreatedTo() {
        return createdTo;
    }

    public void setCreatedTo(String createdTo) {
        this.createdTo = typed(createdTo);
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = typed(q);
    }
}
