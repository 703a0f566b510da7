package cn.gongkai.interpretation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An interpretation plan as the drafter writes it (三同步 四: 解读提纲、解读形式、解读途径、解读时间, and who answers for
 * it). {@link #problems()} names every field that is missing or too long, as message keys.
 */
public record PlanForm(String outline, Set<InterpretationForm> forms, Set<InterpretationChannel> channels,
        Long departmentId, String responsiblePerson, String timing) {

    public static final int MAX_OUTLINE = 5000;
    public static final int MAX_PERSON = 50;
    public static final int MAX_TIMING = 200;

    public PlanForm {
        forms = forms == null || forms.isEmpty() ? EnumSet.noneOf(InterpretationForm.class) : EnumSet.copyOf(forms);
        channels = channels == null || channels.isEmpty() ? EnumSet.noneOf(InterpretationChannel.class)
                : EnumSet.copyOf(channels);
        outline = outline == null ? "" : outline.strip();
        responsiblePerson = responsiblePerson == null ? "" : responsiblePerson.strip();
        timing = timing == null ? "" : timing.strip();
    }

    /** A field that is wrong: its name and the message key saying why. */
    public record Problem(String field, String key) {
    }

    public List<Problem> problems() {
        List<Problem> p = new ArrayList<>();
        if (outline.isEmpty()) {
            p.add(new Problem("outline", "interpretation.plan.outline.required"));
        } else if (outline.length() > MAX_OUTLINE) {
            p.add(new Problem("outline", "interpretation.plan.outline.tooLong"));
        }
        if (forms.isEmpty()) {
            p.add(new Problem("forms", "interpretation.plan.forms.required"));
        }
        if (channels.isEmpty()) {
            p.add(new Problem("channels", "interpretation.plan.channels.required"));
        }
        if (departmentId == null) {
            p.add(new Problem("departmentId", "interpretation.plan.departmentId.required"));
        }
        if (responsiblePerson.isEmpty()) {
            p.add(new Problem("responsiblePerson", "interpretation.plan.responsiblePerson.required"));
        } else if (responsiblePerson.length() > MAX_PERSON) {
            p.add(new Problem("responsiblePerson", "interpretation.plan.responsiblePerson.tooLong"));
        }
        if (timing.isEmpty()) {
            p.add(new Problem("timing", "interpretation.plan.timing.required"));
        } else if (timing.length() > MAX_TIMING) {
            p.add(new Problem("timing", "interpretation.plan.timing.tooLong"));
        }
        return p;
    }
}
