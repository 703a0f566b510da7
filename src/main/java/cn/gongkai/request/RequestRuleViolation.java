package cn.gongkai.request;

/** A request's rule refused a step: the message key names the rule, the field (if any) the input at fault. */
public class RequestRuleViolation extends RuntimeException {

    private final String field;
    private final transient Object[] args;

    public RequestRuleViolation(String rule) {
        this(rule, null);
    }

    public RequestRuleViolation(String rule, String field, Object... args) {
        super(rule);
        this.field = field;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public String rule() {
        return getMessage();
    }

    public String field() {
        return field;
    }

    /** Values the message names (e.g. the agency's limit). */
    public Object[] args() {
        return args.clone();
    }
}
