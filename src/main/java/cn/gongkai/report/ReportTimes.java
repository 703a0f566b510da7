package cn.gongkai.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Moments shown in China time, whatever the server's zone. */
final class ReportTimes {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(CHINA);

    private ReportTimes() {
    }

    static String minute(Instant at) {
        return MINUTE.format(at);
    }

    static String day(Instant at) {
        return DAY.format(at);
    }
}
