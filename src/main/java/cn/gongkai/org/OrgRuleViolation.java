package cn.gongkai.org;

/**
 * An administrative change the rules refuse; {@code field} names the form field, the message is a bundle key whose
 * arguments (possibly other bundle keys, as {@link org.springframework.context.MessageSourceResolvable}) are
 * {@link #arguments()}.
 */
class OrgRuleViolation extends RuntimeException {

    private final String field;
    private final transient Object[] arguments;

    OrgRuleViolation(String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.field = field;
        this.arguments = arguments;
    }

    String field() {
        return field;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
