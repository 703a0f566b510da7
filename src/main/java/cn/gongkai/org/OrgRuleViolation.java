package cn.gongkai.org;

/** An administrative change the rules refuse; {@code field} names the form field, the message is a bundle key. */
class OrgRuleViolation extends RuntimeException {

    private final String field;

    OrgRuleViolation(String field, String messageKey) {
        super(messageKey);
        this.field = field;
    }

    String field() {
        return field;
    }
}
