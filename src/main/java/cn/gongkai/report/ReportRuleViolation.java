package cn.gongkai.report;

/** A step or input the rules refuse; the message is a bundle key, {@code field} the input it is about. */
class ReportRuleViolation extends RuntimeException {

    private final String field;
    private final transient Object[] arguments;

    ReportRuleViolation(String rule, String field, Object... arguments) {
        super(rule);
        this.field = field;
        this.arguments = arguments;
    }

    String rule() {
        return getMessage();
    }

    String field() {
        return field;
    }

    Object[] arguments() {
        return arguments;
    }
}
