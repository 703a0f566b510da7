package cn.gongkai.catalog;

/** A catalog transition the rules refuse; the message is a bundle key. */
public class CatalogRuleViolation extends RuntimeException {

    public CatalogRuleViolation(String messageKey) {
        super(messageKey);
    }
}
