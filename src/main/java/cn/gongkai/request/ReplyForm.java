package cn.gongkai.request;

import java.util.EnumSet;
import java.util.Set;

/** The Regulations' seven reply forms (Art. 36 (一)–(七)), with the outcomes each may carry. */
public enum ReplyForm {
    /** (一) 已经主动公开的，告知获取的方式和途径. */
    ALREADY_PUBLIC(EnumSet.of(Outcome.DISCLOSED)),
    /** (二) 可以公开的，提供或告知获取的方式、途径和时间. */
    DISCLOSE(EnumSet.of(Outcome.DISCLOSED, Outcome.PARTIAL)),
    /** (三) 不予公开的，告知理由. */
    REFUSE(EnumSet.range(Outcome.REFUSED_STATE_SECRET, Outcome.REFUSED_INQUIRY)),
    /** (四) 经检索没有所申请公开信息的，告知该政府信息不存在. */
    NOT_EXIST(EnumSet.of(Outcome.UNABLE_NOT_HELD, Outcome.UNABLE_NEEDS_CREATION, Outcome.UNABLE_UNCLEAR)),
    /** (五) 不属于本机关负责公开的，告知并说明理由，能确定的告知负责机关. */
    NOT_RESPONSIBLE(EnumSet.of(Outcome.UNABLE_NOT_HELD)),
    /** (六) 重复申请公开相同政府信息的，告知不予重复处理. */
    REPEATED(EnumSet.of(Outcome.NOT_PROCESSED_DUPLICATE)),
    /** (七) 有关法律、行政法规对信息的获取有特别规定的，告知依照其规定办理. */
    SPECIAL_LAW(EnumSet.of(Outcome.NOT_PROCESSED_PETITION, Outcome.NOT_PROCESSED_PUBLICATION,
            Outcome.NOT_PROCESSED_EXCESSIVE, Outcome.NOT_PROCESSED_CONFIRMATION, Outcome.OTHER));

    private final Set<Outcome> outcomes;

    ReplyForm(Set<Outcome> outcomes) {
        this.outcomes = outcomes;
    }

    public boolean fits(Outcome outcome) {
        return outcomes.contains(outcome);
    }
}
