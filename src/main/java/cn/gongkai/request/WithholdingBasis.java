package cn.gongkai.request;

/**
 * Why a piece of information is withheld (Regulations Art. 14, 15, 16), for a whole refusal (不予公开 1–7) or for one
 * withheld part of a partial disclosure (Art. 37). {@link #LAW} needs the law named.
 */
public enum WithholdingBasis {
    /** Art. 14 and the secrecy law: a state secret (不予公开-1). */
    STATE_SECRET,
    /** Art. 14 and the law named: a law or administrative regulation forbids disclosure (不予公开-2). */
    LAW,
    /** Art. 14: disclosure would endanger national, public or economic security or social stability (不予公开-3). */
    SECURITY,
    /** Art. 15: trade secrets, personal privacy, a third party's lawful rights (不予公开-4). */
    THIRD_PARTY,
    /** Art. 16 para. 1: internal affairs (不予公开-5). */
    INTERNAL,
    /** Art. 16 para. 2: process information (不予公开-6). */
    PROCESS,
    /** Art. 16 para. 2: law-enforcement case files (不予公开-7). */
    ENFORCEMENT;

    /** The basis of a whole refusal, by its outcome; none for outcomes that are not 不予公开 1–7. */
    static WithholdingBasis of(Outcome outcome) {
        return switch (outcome) {
            case REFUSED_STATE_SECRET -> STATE_SECRET;
            case REFUSED_LAW -> LAW;
            case REFUSED_THREE_SECURITY -> SECURITY;
            case REFUSED_THIRD_PARTY -> THIRD_PARTY;
            case REFUSED_INTERNAL -> INTERNAL;
            case REFUSED_PROCESS -> PROCESS;
            case REFUSED_ENFORCEMENT -> ENFORCEMENT;
            default -> null;
        };
    }
}
