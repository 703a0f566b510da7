package cn.gongkai.coordination;

import java.util.ArrayList;
import java.util.List;

/**
 * What the office types: a request, an answer, a decision. Each names its wrong fields as message keys; the page
 * keeps what was typed and the API answers 400 with the same fields.
 */
final class CoordinationForms {

    static final int MAX_QUESTION = 2000;
    static final int MAX_TEXT = 2000;
    static final int MAX_AGENCY_NAME = 100;

    private CoordinationForms() {
    }

    record Problem(String field, String key) {
    }

    /** A request about item {@code itemId}: to an agency on the platform by its code, or to one outside by name. */
    record Request(Long itemId, String toAgency, String outsideAgency, String question, boolean urgent) {

        Request {
            toAgency = strip(toAgency);
            outsideAgency = strip(outsideAgency);
            question = strip(question);
        }

        List<Problem> problems() {
            List<Problem> p = new ArrayList<>();
            if (itemId == null) {
                p.add(new Problem("itemId", "coordination.error.itemId.required"));
            }
            if (toAgency.isEmpty() == outsideAgency.isEmpty()) {
                p.add(new Problem("toAgency", "coordination.error.counterpart"));
            } else if (outsideAgency.length() > MAX_AGENCY_NAME) {
                p.add(new Problem("outsideAgency", "coordination.error.tooLong"));
            } else if (toAgency.length() > 40) {
                p.add(new Problem("toAgency", "coordination.error.toAgency.unknown"));
            }
            text(p, "question", question, true, MAX_QUESTION);
            text(p, "outsideAgency", outsideAgency, false, MAX_AGENCY_NAME);
            return p;
        }
    }

    /** The other agency's answer: wording required to agree with a wording, reasons to disagree. */
    record Answer(CoordinationAnswer answer, String wording, String reasons) {

        Answer {
            wording = strip(wording);
            reasons = strip(reasons);
        }

        List<Problem> problems() {
            List<Problem> p = new ArrayList<>();
            if (answer == null) {
                p.add(new Problem("answer", "coordination.error.answer.required"));
            }
            text(p, "wording", wording, answer == CoordinationAnswer.AGREE_WITH_WORDING, MAX_TEXT);
            text(p, "reasons", reasons, answer == CoordinationAnswer.DISAGREE, MAX_TEXT);
            return p;
        }
    }

    /** The authority's decision: always with its reasons; with the wording when it sets one. */
    record Decision(AuthorityDecision decision, String wording, String reasons) {

        Decision {
            wording = strip(wording);
            reasons = strip(reasons);
        }

        List<Problem> problems() {
            List<Problem> p = new ArrayList<>();
            if (decision == null) {
                p.add(new Problem("decision", "coordination.error.decision.required"));
            }
            text(p, "wording", wording, decision == AuthorityDecision.PUBLISH_WITH_WORDING, MAX_TEXT);
            text(p, "reasons", reasons, true, MAX_TEXT);
            return p;
        }
    }

    private static void text(List<Problem> p, String field, String value, boolean required, int max) {
        if (p.stream().anyMatch(x -> x.field().equals(field))) {
            return;
        }
        if (required && value.isEmpty()) {
            p.add(new Problem(field, "coordination.error." + field + ".required"));
        } else if (value.length() > max) {
            p.add(new Problem(field, "coordination.error.tooLong"));
        } else if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            p.add(new Problem(field, "coordination.error.control"));
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
