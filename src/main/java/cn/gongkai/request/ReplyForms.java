package cn.gongkai.request;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which reply forms each outcome may carry (statutes.md, "Reply forms and the articles behind each outcome"). Plain
 * Java, no Spring. What each letter then cites is {@link Citations}.
 */
public final class ReplyForms {

    private static final Map<Outcome, List<ReplyForm>> DRAFTABLE = new EnumMap<>(Outcome.class);

    static {
        // Art. 36 (一) where already published, otherwise Art. 36 (二).
        DRAFTABLE.put(Outcome.DISCLOSED, List.of(ReplyForm.ALREADY_PUBLIC, ReplyForm.DISCLOSE));
        // Art. 37 with Art. 36 (二) for the part provided.
        DRAFTABLE.put(Outcome.PARTIAL, List.of(ReplyForm.DISCLOSE));
        // 不予公开 1–7: Art. 36 (三) with the withholding article.
        for (Outcome o : List.of(Outcome.REFUSED_STATE_SECRET, Outcome.REFUSED_LAW, Outcome.REFUSED_THREE_SECURITY,
                Outcome.REFUSED_THIRD_PARTY, Outcome.REFUSED_INTERNAL, Outcome.REFUSED_PROCESS,
                Outcome.REFUSED_ENFORCEMENT)) {
            DRAFTABLE.put(o, List.of(ReplyForm.REFUSE));
        }
        // 不予公开-8: the law that governs the query, as Art. 36 (七).
        DRAFTABLE.put(Outcome.REFUSED_INQUIRY, List.of(ReplyForm.SPECIAL_LAW));
        // 无法提供-1: Art. 36 (四), or Art. 36 (五) when another agency holds it.
        DRAFTABLE.put(Outcome.UNABLE_NOT_HELD, List.of(ReplyForm.NOT_EXIST, ReplyForm.NOT_RESPONSIBLE));
        DRAFTABLE.put(Outcome.UNABLE_NEEDS_CREATION, List.of(ReplyForm.NEEDS_CREATION)); // Art. 38
        DRAFTABLE.put(Outcome.UNABLE_UNCLEAR, List.of(ReplyForm.UNCLEAR_AFTER_AMENDMENT)); // Art. 30
        DRAFTABLE.put(Outcome.NOT_PROCESSED_PETITION, List.of(ReplyForm.PETITION)); // Art. 39 para. 1
        DRAFTABLE.put(Outcome.NOT_PROCESSED_DUPLICATE, List.of(ReplyForm.REPEATED)); // Art. 36 (六)
        DRAFTABLE.put(Outcome.NOT_PROCESSED_PUBLICATION, List.of(ReplyForm.PUBLICATION)); // Art. 39 para. 2
        DRAFTABLE.put(Outcome.NOT_PROCESSED_EXCESSIVE, List.of(ReplyForm.EXCESSIVE)); // Art. 35
        DRAFTABLE.put(Outcome.NOT_PROCESSED_CONFIRMATION, List.of(ReplyForm.CONFIRMATION)); // Art. 2 scope
        // 其他处理 1 and 2 close the request through abandon / closeUnpaid; no handler drafts them.
        DRAFTABLE.put(Outcome.OTHER_NO_AMENDMENT, List.of());
        DRAFTABLE.put(Outcome.OTHER_FEE_UNPAID, List.of());
        DRAFTABLE.put(Outcome.OTHER, List.of(ReplyForm.OTHER)); // the article the office states
    }

    private ReplyForms() {
    }

    /** The forms a handler may draft for this outcome, in the order the draft-reply form offers them. */
    public static List<ReplyForm> forms(Outcome outcome) {
        return outcome == null ? List.of() : DRAFTABLE.get(outcome);
    }

    /**
     * The forms for this outcome on a request that was, or was not, amended after an amendment notice: 无法提供-3 only
     * after an amendment notice was given and answered, the amended request still unclear (Art. 30).
     */
    public static List<ReplyForm> forms(Outcome outcome, boolean amended) {
        if (outcome == Outcome.UNABLE_UNCLEAR && !amended) {
            return List.of(); // Art. 30: only after the amendment notice
        }
        return forms(outcome);
    }

    /** Every form a handler may draft for some outcome (all but the closing notices), for the draft-reply form. */
    public static List<ReplyForm> draftableForms() {
        return java.util.Arrays.stream(ReplyForm.values()).filter(f -> !f.isClosingNotice()).toList();
    }

    /** For each outcome the forms a handler may draft, in declaration order: what the draft-reply form offers. */
    public static Map<Outcome, List<ReplyForm>> table() {
        return java.util.Collections.unmodifiableMap(new EnumMap<>(DRAFTABLE));
    }

    /** The notice issued when a request is closed unanswered: Art. 30 (其他处理-1) or Art. 42 (其他处理-2). */
    public static Optional<ReplyForm> closingNotice(Outcome outcome) {
        if (outcome == Outcome.OTHER_NO_AMENDMENT) {
            return Optional.of(ReplyForm.NO_AMENDMENT);
        }
        if (outcome == Outcome.OTHER_FEE_UNPAID) {
            return Optional.of(ReplyForm.FEE_UNPAID);
        }
        return Optional.empty();
    }

    /** Every form the letter of this outcome may be written in: the drafted ones and the closing notice. */
    public static List<ReplyForm> letterForms(Outcome outcome) {
        return closingNotice(outcome).map(List::of).orElseGet(() -> forms(outcome));
    }
}
