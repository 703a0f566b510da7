package cn.gongkai.readingroom;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A visit as the office records it; {@link #problems(LocalDate)} names every wrong field as a message key. */
record VisitForm(LocalDate visitedOn, VisitChannel channel, String sought, String given, String indexNumbers,
        Integer printedPagesInput) {

    static final int MAX_TEXT = 500;
    static final int MAX_PAGES = 10_000;

    VisitForm {
        sought = sought == null ? "" : sought.strip();
        given = given == null ? "" : given.strip();
        indexNumbers = indexNumbers == null ? "" : indexNumbers.strip();
    }

    int printedPages() {
        return printedPagesInput == null ? 0 : printedPagesInput;
    }

    record Problem(String field, String key) {
    }

    List<Problem> problems(LocalDate today) {
        List<Problem> p = new ArrayList<>();
        if (visitedOn == null) {
            p.add(new Problem("visitedOn", "readingRoom.error.visitedOn.required"));
        } else if (visitedOn.isAfter(today) || visitedOn.isBefore(today.minusYears(1))) {
            p.add(new Problem("visitedOn", "readingRoom.error.visitedOn.range"));
        }
        if (channel == null) {
            p.add(new Problem("channel", "readingRoom.error.channel.required"));
        }
        text(p, "sought", sought, true);
        text(p, "given", given, true);
        text(p, "indexNumbers", indexNumbers, false);
        if (printedPages() < 0 || printedPages() > MAX_PAGES) {
            p.add(new Problem("printedPagesInput", "readingRoom.error.printedPages.range"));
        }
        return p;
    }

    private static void text(List<Problem> p, String field, String value, boolean required) {
        if (required && value.isEmpty()) {
            p.add(new Problem(field, "readingRoom.error." + field + ".required"));
        } else if (value.length() > MAX_TEXT) {
            p.add(new Problem(field, "readingRoom.error.tooLong"));
        } else if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            p.add(new Problem(field, "readingRoom.error.control"));
        }
    }
}
