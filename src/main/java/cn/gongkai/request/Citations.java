package cn.gongkai.request;

import java.util.ArrayList;
import java.util.List;

/**
 * What a letter cites (statutes.md, "Reply forms and the articles behind each outcome"): the citation sentence for an
 * outcome answered in a reply form, with the particulars the handler named ({@link ReplyParticulars}), e.g.
 * 根据《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项的规定. A wrong citation is the first defect a
 * reviewing court notices, so every outcome's citation is fixed here and nowhere else. Plain Java, no Spring.
 */
public final class Citations {

    /** The Regulations as letters name them. */
    public static final String REGULATIONS = "《中华人民共和国政府信息公开条例》";
    /** The secrecy law behind 不予公开-1. */
    public static final String SECRECY_LAW = "《中华人民共和国保守国家秘密法》";
    /** Where the handler named no law for 不予公开-2 or -8, the letter's reasons must name it. */
    static final String UNNAMED_LAW = "有关法律、行政法规";

    /** The citation of a letter: the sentence naming the articles, and sentences for what the handler named. */
    public record Citation(String basis, List<String> particulars) {

        public Citation {
            particulars = List.copyOf(particulars);
        }

        /** The particulars as one paragraph; empty when there are none. */
        public String particularsText() {
            return String.join("", particulars);
        }
    }

    /** An article (and paragraph or item) of the Regulations, as Chinese legal text writes it. */
    enum Article {
        ART_2("第二条", ""), ART_14("第十四条", ""), ART_15("第十五条", ""), ART_16_1("第十六条", "第一款"),
        ART_16_2("第十六条", "第二款"), ART_30("第三十条", ""), ART_33_2("第三十三条", "第二款"), ART_35("第三十五条", ""),
        ART_36_1("第三十六条", "第（一）项"), ART_36_2("第三十六条", "第（二）项"), ART_36_3("第三十六条", "第（三）项"),
        ART_36_4("第三十六条", "第（四）项"), ART_36_5("第三十六条", "第（五）项"), ART_36_6("第三十六条", "第（六）项"),
        ART_36_7("第三十六条", "第（七）项"), ART_37("第三十七条", ""), ART_38("第三十八条", ""),
        ART_39_1("第三十九条", "第一款"), ART_39_2("第三十九条", "第二款"), ART_42("第四十二条", "");

        final String article;
        final String part;

        Article(String article, String part) {
            this.article = article;
            this.part = part;
        }
    }

    private Citations() {
    }

    /**
     * The citation of the letter answering {@code outcome} in {@code form}.
     *
     * @throws IllegalArgumentException when the form is not one the outcome may carry ({@link ReplyForms})
     */
    public static Citation of(Outcome outcome, ReplyForm form, ReplyParticulars named) {
        if (outcome == null || form == null || !ReplyForms.letterForms(outcome).contains(form)) {
            throw new IllegalArgumentException(form + " is no reply form for " + outcome);
        }
        ReplyParticulars p = named == null ? ReplyParticulars.NONE : named;
        List<String> particulars = new ArrayList<>();
        String basis = switch (form) {
            case ALREADY_PUBLIC -> basis(List.of(Article.ART_36_1)); // Art. 36 (一)
            case DISCLOSE -> {
                if (outcome == Outcome.PARTIAL) {
                    // Art. 37 with Art. 36 (二) for the part provided, each withheld part with its own article.
                    for (ReplyParticulars.WithheldPart part : p.withheld()) {
                        particulars.add("“" + part.part() + "”" + withholding(part.basis(), part.law()) + "不予公开。");
                    }
                    yield basis(List.of(Article.ART_37, Article.ART_36_2));
                }
                yield basis(List.of(Article.ART_36_2)); // Art. 36 (二)
            }
            // 不予公开 1–7: Art. 36 (三) with the withholding basis of the outcome.
            case REFUSE -> refusal(WithholdingBasis.of(outcome), p.law());
            // 不予公开-8: Art. 36 (三) with the law that governs the query, as Art. 36 (七).
            case SPECIAL_LAW -> basis(List.of(Article.ART_36_3, Article.ART_36_7), law(p.law()));
            case NOT_EXIST -> basis(List.of(Article.ART_36_4)); // Art. 36 (四)
            case NOT_RESPONSIBLE -> {
                // Art. 36 (五): name the responsible agency and its contacts where known.
                if (p.agency() != null) {
                    particulars.add("负责公开该政府信息的行政机关为" + p.agency()
                            + (p.agencyContacts() == null ? "" : "，联系方式：" + p.agencyContacts()) + "。");
                }
                yield basis(List.of(Article.ART_36_5));
            }
            case REPEATED -> basis(List.of(Article.ART_36_6)); // Art. 36 (六)
            case NEEDS_CREATION -> basis(List.of(Article.ART_38)); // Art. 38
            case UNCLEAR_AFTER_AMENDMENT, NO_AMENDMENT -> basis(List.of(Article.ART_30)); // Art. 30
            case PETITION -> basis(List.of(Article.ART_39_1)); // Art. 39 para. 1
            case PUBLICATION -> basis(List.of(Article.ART_39_2)); // Art. 39 para. 2
            case EXCESSIVE -> basis(List.of(Article.ART_35)); // Art. 35
            case CONFIRMATION -> basis(List.of(Article.ART_2)); // Art. 2 scope, as practice cites it
            case FEE_UNPAID -> basis(List.of(Article.ART_42)) + "和本机关收费通知的要求"; // Art. 42 and the fee notice
            case OTHER -> stated(p.article()); // 其他处理-3: the article the office states
        };
        return new Citation(basis, particulars);
    }

    /** 根据《条例》…的规定 for a refusal or a withheld part: Art. 14 (with the secrecy law or the law named), 15 or 16. */
    private static String refusal(WithholdingBasis basis, String law) {
        return switch (basis) {
            case STATE_SECRET -> basis(List.of(Article.ART_14, Article.ART_36_3), SECRECY_LAW);
            case LAW -> basis(List.of(Article.ART_14, Article.ART_36_3), law(law));
            case SECURITY -> basis(List.of(Article.ART_14, Article.ART_36_3));
            case THIRD_PARTY -> basis(List.of(Article.ART_15, Article.ART_36_3));
            case INTERNAL -> basis(List.of(Article.ART_16_1, Article.ART_36_3));
            case PROCESS, ENFORCEMENT -> basis(List.of(Article.ART_16_2, Article.ART_36_3));
        };
    }

    /** The withholding article of one withheld part (Art. 37): Art. 14, 15 or 16, or the law. */
    static String withholding(WithholdingBasis basis, String law) {
        return switch (basis) {
            case STATE_SECRET -> basis(List.of(Article.ART_14), SECRECY_LAW);
            case LAW -> basis(List.of(Article.ART_14), law(law));
            case SECURITY -> basis(List.of(Article.ART_14));
            case THIRD_PARTY -> basis(List.of(Article.ART_15));
            case INTERNAL -> basis(List.of(Article.ART_16_1));
            case PROCESS, ENFORCEMENT -> basis(List.of(Article.ART_16_2));
        };
    }

    private static String basis(List<Article> articles) {
        return basis(articles, null);
    }

    /** 根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项和《…》的规定. */
    static String basis(List<Article> articles, String law) {
        StringBuilder out = new StringBuilder("根据").append(REGULATIONS);
        Article previous = null;
        for (Article a : articles) {
            if (previous != null) {
                out.append('、');
            }
            // 第三十六条第（三）项、第（七）项: the article is not repeated for a second item of it.
            if (previous == null || !previous.article.equals(a.article) || a.part.isEmpty()) {
                out.append(a.article);
            }
            out.append(a.part);
            previous = a;
        }
        if (law != null) {
            out.append('和').append(law);
        }
        return out.append("的规定").toString();
    }

    /** A law as letters name it, in 《》; the unnamed placeholder when the handler named none. */
    static String law(String named) {
        if (named == null || named.isBlank()) {
            return UNNAMED_LAW;
        }
        String law = named.strip();
        return law.contains("《") ? law : "《" + law + "》";
    }

    /** 其他处理-3: the article as the office states it; a bare article (第四十条) is one of the Regulations'. */
    private static String stated(String article) {
        if (article == null || article.isBlank()) {
            return "根据" + REGULATIONS + "的有关规定";
        }
        String a = article.strip();
        return "根据" + (a.contains("《") ? a : REGULATIONS + a) + "的规定";
    }

    /** The extension notice's citation (Art. 33 para. 2). */
    public static String extension() {
        return basis(List.of(Article.ART_33_2));
    }
}
