package cn.gongkai.request;

/** A transition or input the rules refuse; the message is a bundle key, {@code field} the input it is about. */
public class RequestRuleViolation extends RuntimeException {

    private final String field;

    public RequestRuleViolation(String rule) {
        this(rule, null);
    }

    public RequestRuleViolation(String rule, String field) {
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
