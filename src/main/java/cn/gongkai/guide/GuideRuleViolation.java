package cn.gongkai.guide;

/** A step on the guide the rules refuse; {@code rule} is the message key. 409 in the API and on the pages. */
public class GuideRuleViolation extends RuntimeException {

    public GuideRuleViolation(String rule) {
        super(rule);
    }

    public String rule() {
        return getMessage();
    }
}
