package cn.gongkai.opinion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The clock-hour deadlines an event starts, counted from when it was found (statutes.md, "major public opinion"):
 * a 重大 or 特别重大 event is reported to the leaders within 1 hour (舆情 五), authoritative information is released
 * within 5 hours and a press conference held within 24 hours (国办发〔2016〕61号、80号); every event is answered within
 * 48 hours. Clock hours run through nights, weekends and holidays.
 */
final class OpinionClock {

    enum Kind {
        REPORT(1), INFORM(5), PRESS(24), ANSWER(48);

        final int hours;

        Kind(int hours) {
            this.hours = hours;
        }
    }

    record Due(Kind kind, Instant dueAt) {
    }

    private OpinionClock() {
    }

    static List<Due> deadlines(RiskLevel level, Instant foundAt) {
        List<Due> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            if (k == Kind.ANSWER || level.major()) {
                out.add(new Due(k, foundAt.plusSeconds(3600L * k.hours)));
            }
        }
        return out;
    }
}
