package cn.gongkai.document;

/**
 * A transition or gate the rules refuse. {@code rule} is the message-bundle key naming the rule (and its seed
 * article); the API answers 409 with it.
 */
public class DocumentRuleViolation extends RuntimeException {

    private final String field;

    public DocumentRuleViolation(String rule) {
        this(rule, null);
    }

    public DocumentRuleViolation(String rule, String field) {
        super(rule);
        this.field = field;
    }

    public String rule() {
        return getMessage();
    }

    public String field() {
        return field;
    }
}
