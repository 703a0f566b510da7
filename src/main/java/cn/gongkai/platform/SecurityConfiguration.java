package cn.gongkai.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Workbench: form login, CSRF on. API under /api/v1: the session (with CSRF for changes) or HTTP Basic (no CSRF),
 * 401/403 answered as JSON. Everything else (portal, public API) is open.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the {id} prefix so that the algorithm can change later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Every signed-in session, so that disabling an account, resetting its password or changing its roles ends its
     * sessions at once ({@link SessionTerminator}). In memory, like the servlet container's sessions it lists.
     */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the registry when the container destroys a session. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SessionRegistry sessions) throws Exception {
        RequestMatcher needsCsrf = request -> {
            String m = request.getMethod();
            boolean safe = "GET".equals(m) || "HEAD".equals(m) || "OPTIONS".equals(m) || "TRACE".equals(m);
            // Only a browser session can be ridden by a forged request: scripts with Basic, and anonymous callers
            // (who get 401), need no token.
            return !safe && request.getHeader("Authorization") == null && request.getSession(false) != null;
        };
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/api/v1/calendar/**", "/api/v1/catalog/**",
                        "/api/v1/requests/*", "/api/v1/requests/*/files/*").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> json(res, 401, "未登录或凭据无效")))
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> json(res, 401, "未登录或凭据无效"))
                        .accessDeniedHandler((req, res, ex) -> json(res, 403, "无权访问")))
                .csrf(c -> c.requireCsrfProtectionMatcher(needsCsrf))
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredSessionStrategy(expired(true)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, SessionRegistry sessions) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/workbench/**").authenticated().anyRequest().permitAll())
                // One answer for a wrong password, an unknown name, a disabled account and a throttled attempt.
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/workbench", true)
                        .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath() + "/login?error")))
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredSessionStrategy(expired(false)))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'")));
        return http.build();
    }

    /** A session ended by an administrator's change: the browser goes to the login page, a script gets 401. */
    private static SessionInformationExpiredStrategy expired(boolean api) {
        return event -> {
            HttpServletResponse res = event.getResponse();
            if (api) {
                json(res, 401, "会话已结束（账户被停用、密码被重置或角色被调整），请重新登录");
            } else {
                res.sendRedirect(event.getRequest().getContextPath() + "/login?expired");
            }
        };
    }

    private static void json(HttpServletResponse res, int status, String message) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json;charset=UTF-8");
        res.getWriter().write("{\"status\":" + status + ",\"message\":\"" + message + "\"}");
    }
}
