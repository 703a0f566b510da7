package cn.gongkai.coordination;

/** A step the rules refuse in the coordination's present state; the API answers 409 naming the rule. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
class CoordinationRuleViolation extends RuntimeException {

    CoordinationRuleViolation(String rule) {
        super(rule);
    }

    String rule() {
        return getMessage();
    }
}
