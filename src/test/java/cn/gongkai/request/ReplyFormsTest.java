package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.request.ReplyParticulars.WithheldPart;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reply-form policy and the citations, as statutes.md's table has them; plain JUnit, no Spring. */
class ReplyFormsTest {

    static final String R = "根据《中华人民共和国政府信息公开条例》";

    @Test
    void everyOutcomeOffersExactlyTheReplyFormsOfTheStatutesTable() {
        Map<Outcome, List<ReplyForm>> expected = new EnumMap<>(Outcome.class);
        expected.put(Outcome.DISCLOSED, List.of(ReplyForm.ALREADY_PUBLIC, ReplyForm.DISCLOSE));
        expected.put(Outcome.PARTIAL, List.of(ReplyForm.DISCLOSE));
        for (Outcome o : List.of(Outcome.REFUSED_STATE_SECRET, Outcome.REFUSED_LAW, Outcome.REFUSED_THREE_SECURITY,
                Outcome.REFUSED_THIRD_PARTY, Outcome.REFUSED_INTERNAL, Outcome.REFUSED_PROCESS,
                Outcome.REFUSED_ENFORCEMENT)) {
            expected.put(o, List.of(ReplyForm.REFUSE));
        }
        expected.put(Outcome.REFUSED_INQUIRY, List.of(ReplyForm.SPECIAL_LAW));
        expected.put(Outcome.UNABLE_NOT_HELD, List.of(ReplyForm.NOT_EXIST, ReplyForm.NOT_RESPONSIBLE));
        expected.put(Outcome.UNABLE_NEEDS_CREATION, List.of(ReplyForm.NEEDS_CREATION));
        expected.put(Outcome.UNABLE_UNCLEAR, List.of(ReplyForm.UNCLEAR_AFTER_AMENDMENT));
        expected.put(Outcome.NOT_PROCESSED_PETITION, List.of(ReplyForm.PETITION));
        expected.put(Outcome.NOT_PROCESSED_DUPLICATE, List.of(ReplyForm.REPEATED));
        expected.put(Outcome.NOT_PROCESSED_PUBLICATION, List.of(ReplyForm.PUBLICATION));
        expected.put(Outcome.NOT_PROCESSED_EXCESSIVE, List.of(ReplyForm.EXCESSIVE));
        expected.put(Outcome.NOT_PROCESSED_CONFIRMATION, List.of(ReplyForm.CONFIRMATION));
        expected.put(Outcome.OTHER_NO_AMENDMENT, List.of());
        expected.put(Outcome.OTHER_FEE_UNPAID, List.of());
        expected.put(Outcome.OTHER, List.of(ReplyForm.OTHER));
        for (Outcome o : Outcome.values()) {
            assertThat(ReplyForms.forms(o)).as(o.name()).isEqualTo(expected.get(o));
            for (ReplyForm f : ReplyForm.values()) {
                assertThat(f.fits(o)).as(f + " for " + o).isEqualTo(expected.get(o).contains(f));
            }
        }
    }

    @Test
    void theTwoWaysOfClosingUnansweredHaveTheirNoticeWhichNoHandlerDrafts() {
        assertThat(ReplyForms.closingNotice(Outcome.OTHER_NO_AMENDMENT)).contains(ReplyForm.NO_AMENDMENT);
        assertThat(ReplyForms.closingNotice(Outcome.OTHER_FEE_UNPAID)).contains(ReplyForm.FEE_UNPAID);
        assertThat(ReplyForms.letterForms(Outcome.OTHER_NO_AMENDMENT)).containsExactly(ReplyForm.NO_AMENDMENT);
        assertThat(Arrays.stream(Outcome.values()).filter(o -> ReplyForms.closingNotice(o).isPresent()))
                .containsExactly(Outcome.OTHER_NO_AMENDMENT, Outcome.OTHER_FEE_UNPAID);
        assertThat(ReplyForm.NO_AMENDMENT.isClosingNotice()).isTrue();
        assertThat(ReplyForm.OTHER.isClosingNotice()).isFalse();
    }

    @Test
    void stillUnclearAfterAmendmentIsOfferedOnlyOnceTheRequestWasAmended() {
        assertThat(ReplyForms.forms(Outcome.UNABLE_UNCLEAR, false)).isEmpty();
        assertThat(ReplyForms.forms(Outcome.UNABLE_UNCLEAR, true)).containsExactly(ReplyForm.UNCLEAR_AFTER_AMENDMENT);
        assertThat(ReplyForms.forms(Outcome.DISCLOSED, false)).hasSize(2);
    }

    @Test
    void theApiNamesOfTheSevenArticle36FormsAreKept() {
        assertThat(Arrays.stream(ReplyForm.values()).map(Enum::name).limit(7)).containsExactly("ALREADY_PUBLIC",
                "DISCLOSE", "REFUSE", "NOT_EXIST", "NOT_RESPONSIBLE", "REPEATED", "SPECIAL_LAW");
        assertThat(Arrays.stream(ReplyForm.values()).map(Enum::name)).allSatisfy(n -> assertThat(n).hasSizeLessThan(25));
    }

    @Test
    void eachOutcomeCitesTheArticlesOfTheStatutesTable() {
        assertThat(basis(Outcome.DISCLOSED, ReplyForm.ALREADY_PUBLIC)).isEqualTo(R + "第三十六条第（一）项的规定");
        assertThat(basis(Outcome.DISCLOSED, ReplyForm.DISCLOSE)).isEqualTo(R + "第三十六条第（二）项的规定");
        assertThat(basis(Outcome.PARTIAL, ReplyForm.DISCLOSE)).isEqualTo(R + "第三十七条、第三十六条第（二）项的规定");
        assertThat(basis(Outcome.REFUSED_STATE_SECRET, ReplyForm.REFUSE))
                .isEqualTo(R + "第十四条、第三十六条第（三）项和《中华人民共和国保守国家秘密法》的规定");
        assertThat(basis(Outcome.REFUSED_THREE_SECURITY, ReplyForm.REFUSE)).isEqualTo(R + "第十四条、第三十六条第（三）项的规定");
        assertThat(basis(Outcome.REFUSED_THIRD_PARTY, ReplyForm.REFUSE)).isEqualTo(R + "第十五条、第三十六条第（三）项的规定");
        assertThat(basis(Outcome.REFUSED_INTERNAL, ReplyForm.REFUSE)).isEqualTo(R + "第十六条第一款、第三十六条第（三）项的规定");
        assertThat(basis(Outcome.REFUSED_PROCESS, ReplyForm.REFUSE)).isEqualTo(R + "第十六条第二款、第三十六条第（三）项的规定");
        assertThat(basis(Outcome.REFUSED_ENFORCEMENT, ReplyForm.REFUSE)).isEqualTo(R + "第十六条第二款、第三十六条第（三）项的规定");
        assertThat(basis(Outcome.UNABLE_NOT_HELD, ReplyForm.NOT_EXIST)).isEqualTo(R + "第三十六条第（四）项的规定");
        assertThat(basis(Outcome.UNABLE_NOT_HELD, ReplyForm.NOT_RESPONSIBLE)).isEqualTo(R + "第三十六条第（五）项的规定");
        assertThat(basis(Outcome.UNABLE_NEEDS_CREATION, ReplyForm.NEEDS_CREATION)).isEqualTo(R + "第三十八条的规定");
        assertThat(basis(Outcome.UNABLE_UNCLEAR, ReplyForm.UNCLEAR_AFTER_AMENDMENT)).isEqualTo(R + "第三十条的规定");
        assertThat(basis(Outcome.NOT_PROCESSED_PETITION, ReplyForm.PETITION)).isEqualTo(R + "第三十九条第一款的规定");
        assertThat(basis(Outcome.NOT_PROCESSED_DUPLICATE, ReplyForm.REPEATED)).isEqualTo(R + "第三十六条第（六）项的规定");
        assertThat(basis(Outcome.NOT_PROCESSED_PUBLICATION, ReplyForm.PUBLICATION)).isEqualTo(R + "第三十九条第二款的规定");
        assertThat(basis(Outcome.NOT_PROCESSED_EXCESSIVE, ReplyForm.EXCESSIVE)).isEqualTo(R + "第三十五条的规定");
        assertThat(basis(Outcome.NOT_PROCESSED_CONFIRMATION, ReplyForm.CONFIRMATION)).isEqualTo(R + "第二条的规定");
        assertThat(basis(Outcome.OTHER_NO_AMENDMENT, ReplyForm.NO_AMENDMENT)).isEqualTo(R + "第三十条的规定");
        assertThat(basis(Outcome.OTHER_FEE_UNPAID, ReplyForm.FEE_UNPAID))
                .isEqualTo(R + "第四十二条的规定和本机关收费通知的要求");
        assertThat(Citations.extension()).isEqualTo(R + "第三十三条第二款的规定");
    }

    @Test
    void aRefusalUnderALawAndAnInquiryUnderItsLawNameTheLaw() {
        assertThat(Citations.of(Outcome.REFUSED_LAW, ReplyForm.REFUSE, ReplyParticulars.law("中华人民共和国统计法"))
                .basis()).isEqualTo(R + "第十四条、第三十六条第（三）项和《中华人民共和国统计法》的规定");
        assertThat(Citations.of(Outcome.REFUSED_INQUIRY, ReplyForm.SPECIAL_LAW, ReplyParticulars.law(
                "《不动产登记暂行条例》第二十七条")).basis())
                .isEqualTo(R + "第三十六条第（三）项、第（七）项和《不动产登记暂行条例》第二十七条的规定");
        // Unnamed, the letter still says a law governs and the handler's reasons must name it.
        assertThat(basis(Outcome.REFUSED_LAW, ReplyForm.REFUSE))
                .isEqualTo(R + "第十四条、第三十六条第（三）项和有关法律、行政法规的规定");
    }

    @Test
    void aPartialDisclosureCitesTheWithholdingArticleOfEachWithheldPart() {
        Citations.Citation c = Citations.of(Outcome.PARTIAL, ReplyForm.DISCLOSE, ReplyParticulars.withheld(
                new WithheldPart("驾驶员的个人住址", WithholdingBasis.THIRD_PARTY, null),
                new WithheldPart("局务会讨论记录", WithholdingBasis.PROCESS, null),
                new WithheldPart("抽样调查的原始资料", WithholdingBasis.LAW, "中华人民共和国统计法"),
                new WithheldPart("涉密附件", WithholdingBasis.STATE_SECRET, null)));
        assertThat(c.basis()).isEqualTo(R + "第三十七条、第三十六条第（二）项的规定");
        assertThat(c.particulars()).containsExactly("“驾驶员的个人住址”" + R + "第十五条的规定不予公开。",
                "“局务会讨论记录”" + R + "第十六条第二款的规定不予公开。",
                "“抽样调查的原始资料”" + R + "第十四条和《中华人民共和国统计法》的规定不予公开。",
                "“涉密附件”" + R + "第十四条和《中华人民共和国保守国家秘密法》的规定不予公开。");
        assertThatThrownBy(() -> new WithheldPart(" ", WithholdingBasis.PROCESS, null))
                .hasMessage("request.letter.error.withheldPart");
    }

    @Test
    void notThisAgencysInformationNamesTheResponsibleAgencyAndItsContactsWhereKnown() {
        assertThat(Citations.of(Outcome.UNABLE_NOT_HELD, ReplyForm.NOT_RESPONSIBLE, ReplyParticulars.agency(
                "示例市自然资源局", "示例市人民路1号，0871-12345678")).particulars())
                .containsExactly("负责公开该政府信息的行政机关为示例市自然资源局，联系方式：示例市人民路1号，0871-12345678。");
        assertThat(Citations.of(Outcome.UNABLE_NOT_HELD, ReplyForm.NOT_RESPONSIBLE, ReplyParticulars.NONE)
                .particulars()).isEmpty();
    }

    @Test
    void otherHandlingCitesTheArticleTheOfficeStates() {
        assertThat(Citations.of(Outcome.OTHER, ReplyForm.OTHER, ReplyParticulars.article("第四十条")).basis())
                .isEqualTo(R + "第四十条的规定");
        assertThat(Citations.of(Outcome.OTHER, ReplyForm.OTHER, ReplyParticulars.article("《中华人民共和国档案法》第二十七条"))
                .basis()).isEqualTo("根据《中华人民共和国档案法》第二十七条的规定");
    }

    @Test
    void aFormTheOutcomeMayNotCarryHasNoCitation() {
        assertThatThrownBy(() -> Citations.of(Outcome.NOT_PROCESSED_PETITION, ReplyForm.SPECIAL_LAW, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Citations.of(Outcome.PARTIAL, ReplyForm.REFUSE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isoDatesTypedByTheHandlerAreWrittenInChineseAndIndexNumbersAreLeftAlone() {
        assertThat(ReplyLetters.writtenDates("已于2026-12-01通过邮件发送（索引号：000014349/2018-00222）。"))
                .isEqualTo("已于2026年12月1日通过邮件发送（索引号：000014349/2018-00222）。");
    }

    static String basis(Outcome o, ReplyForm f) {
        return Citations.of(o, f, ReplyParticulars.NONE).basis();
    }
}
