package cn.gongkai.opinion;

/** A step the rules forbid now (a closed event, a second report, an unpublished item as a statement): 409. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
class OpinionRuleViolation extends RuntimeException {

    private final String rule;

    OpinionRuleViolation(String rule) {
        super(rule);
        this.rule = rule;
    }

    String rule() {
        return rule;
    }
}
