package cn.gongkai.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The problems of a list filter typed into a workbench page, each a Chinese message naming its field by the field's
 * label in the bundle. Shared by the request and item lists; {@code prefix} is the module's message prefix
 * ({@code request.}, {@code document.}): an argument that is a key of it is shown as its label.
 */
public final class FilterProblems {

    private final MessageSource messages;
    private final List<String> out;
    private final String prefix;

    public FilterProblems(MessageSource messages, List<String> out, String prefix) {
        this.messages = messages;
        this.out = out;
        this.prefix = prefix;
    }

    public void add(String key, String fieldKey, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = label(fieldKey);
        for (int i = 0; i < more.length; i++) {
            args[i + 1] = more[i] instanceof String s && s.startsWith(prefix) ? label(s) : more[i];
        }
        out.add(messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE));
    }

    private String label(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    /** One of the enum's names, or null when nothing was chosen. */
    public <E extends Enum<E>> E choice(String typed, Class<E> type, String fieldKey) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, typed.strip());
        } catch (IllegalArgumentException e) {
            add(prefix + "filter.error.choice", fieldKey);
            return null;
        }
    }

    /** A date of 2000–2100 as 年-月-日, or null when nothing was typed. */
    public LocalDate date(String typed, String fieldKey) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(typed.strip());
            if (d.getYear() >= 2000 && d.getYear() <= 2100) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // named below
        }
        add(prefix + "filter.error.date", fieldKey);
        return null;
    }

    /** A department of the list's, by id, or null when none was chosen. */
    public Long department(String typed, java.util.Map<Long, String> departments, String fieldKey) {
        if (typed.isBlank()) {
            return null;
        }
        Long id;
        try {
            id = Long.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            id = -1L;
        }
        if (!departments.containsKey(id)) {
            add(prefix + "filter.error.choice", fieldKey);
            return null;
        }
        return id;
    }

    /** A check box or yes/no choice, or null when nothing was chosen. */
    public Boolean yesNo(String typed, String fieldKey) {
        if (typed.isBlank()) {
            return null;
        }
        switch (typed.strip()) {
            case "true", "on" -> {
                return true;
            }
            case "false" -> {
                return false;
            }
            default -> {
                add(prefix + "filter.error.choice", fieldKey);
                return null;
            }
        }
    }

    /** A number of days from 0 to {@code max}, or null when nothing was typed. */
    public Integer days(String typed, int max, String fieldKey) {
        if (typed.isBlank()) {
            return null;
        }
        int days;
        try {
            days = Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (days < 0 || days > max) {
            add(prefix + "filter.error.days", fieldKey, max);
            return null;
        }
        return days;
    }
}
