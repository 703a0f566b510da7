package cn.gongkai.platform;

import cn.gongkai.org.StartupRefused;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start refused for a missing or unsafe setting ends with one clear paragraph ("APPLICATION FAILED TO START",
 * what is wrong, what to set) instead of a page of stack trace. Registered in {@code META-INF/spring.factories}.
 */
class StartupRefusedAnalyzer extends AbstractFailureAnalyzer<StartupRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefused cause) {
        String action = cause.action().isEmpty() ? "Correct the setting named above and start again."
                : cause.action();
        String description = cause.action().isEmpty() ? cause.getMessage()
                : cause.getMessage().substring(0, cause.getMessage().length() - cause.action().length()).strip();
        return new FailureAnalysis(description, action, cause);
    }
}
