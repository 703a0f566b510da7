package cn.gongkai.request;

import java.util.List;

/**
 * What the handler names for the letter's citation beyond the outcome and the reply form: for 部分公开 each withheld
 * part with its basis (Art. 37); for 不予公开-2 and -8 the law (Art. 14, Art. 36 (七)); for 无法提供-1 under
 * Art. 36 (五) the responsible agency and its contacts; for 其他处理-3 the article the office relies on. Blank values
 * are {@code null}; all may be absent, and the letter then cites what the outcome alone allows.
 *
 * @param withheld the withheld parts of a partial disclosure, in order
 * @param law the law or administrative regulation named, e.g. 中华人民共和国档案法 or 《不动产登记暂行条例》第二十七条
 * @param agency the agency responsible for disclosing the information (Art. 36 (五))
 * @param agencyContacts its contacts, e.g. address and phone
 * @param article the article the office states for 其他处理-3, e.g. 第四十条 (of the Regulations) or 《某法》第十条
 */
public record ReplyParticulars(List<WithheldPart> withheld, String law, String agency, String agencyContacts,
        String article) {

    public static final ReplyParticulars NONE = new ReplyParticulars(List.of(), null, null, null, null);

    public ReplyParticulars {
        withheld = withheld == null ? List.of() : List.copyOf(withheld);
        if (withheld.size() > 20) {
            throw new RequestRuleViolation("request.letter.error.tooManyParts", "withheld");
        }
        bounded("law", law, 300);
        bounded("agency", agency, 200);
        bounded("agencyContacts", agencyContacts, 300);
        bounded("article", article, 300);
        law = blank(law);
        agency = blank(agency);
        agencyContacts = blank(agencyContacts);
        article = blank(article);
    }

    /** A withheld part and why (Art. 37); {@code law} is named when the basis is {@link WithholdingBasis#LAW}. */
    public record WithheldPart(String part, WithholdingBasis basis, String law) {

        public WithheldPart {
            if (part == null || part.isBlank() || basis == null) {
                throw new RequestRuleViolation("request.letter.error.withheldPart", "withheld");
            }
            bounded("withheld", part, 500);
            bounded("withheld", law, 300);
            part = part.strip();
            law = blank(law);
        }
    }

    static ReplyParticulars law(String law) {
        return new ReplyParticulars(List.of(), law, null, null, null);
    }

    static ReplyParticulars agency(String agency, String contacts) {
        return new ReplyParticulars(List.of(), null, agency, contacts, null);
    }

    static ReplyParticulars article(String article) {
        return new ReplyParticulars(List.of(), null, null, null, article);
    }

    static ReplyParticulars withheld(WithheldPart... parts) {
        return new ReplyParticulars(List.of(parts), null, null, null, null);
    }

    private static void bounded(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new RequestRuleViolation("request.letter.error.tooLong", field, max);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
