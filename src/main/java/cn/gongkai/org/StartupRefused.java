package cn.gongkai.org;

/**
 * The platform refuses to start because a setting is missing or unsafe (no personal-data key, the demo key outside
 * demo mode, a weak administrator password, a demo password left in place). Its message is one paragraph for the
 * operator, saying what to set; the start-up failure analyser prints it without a stack trace. It lives in {@code org},
 * the module every other one may use.
 */
public class StartupRefused extends IllegalStateException {

    private final String action;

    public StartupRefused(String problem, String action) {
        super(action.isEmpty() ? problem : problem + " " + action);
        this.action = action;
    }

    public StartupRefused(String problem, String action, Throwable cause) {
        super(action.isEmpty() ? problem : problem + " " + action, cause);
        this.action = action;
    }

    /** What the operator should do. */
    public String action() {
        return action;
    }
}
