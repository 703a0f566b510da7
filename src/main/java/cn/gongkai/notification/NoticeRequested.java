package cn.gongkai.notification;

/**
 * Asks for an inbox message (and a mail, when SMTP is configured) to every holder of {@code role} in the agency, or
 * in {@code departmentId} when it is given; e.g. a major opinion event's report to the leaders (舆情 五).
 */
public record NoticeRequested(Long agencyId, Long departmentId, String role, String title, String body,
        String link) {
}
