package cn.gongkai.platform;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
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

    /**
     * Spring Security's own observations are off: a span and a timer around each of its filters, on every request.
     * Nothing here collects traces or exposes metrics (the actuator shows health and info only), and on an open-data
     * search they were about 2 % of the request's CPU (docs/benchmarks.md, "Catalog search").
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SessionRegistry sessions) throws Exception {
        RequestMatcher needsCsrf = request -> {
            String m = request.getMethod();
            boolean safe = "GET".equals(m) || "HEAD".equals(m) || "OPTIONS".equals(m) || "TRACE".equals(m);
            // Only a browser session can be ridden by a forged request. A request with HTTP Basic credentials never
            // uses the session (see basicIgnoresSession), so it is either authenticated by those credentials or
            // refused with 401: it needs no token. Any other Authorization header does not excuse the token.
            return !safe && !hasBasicCredentials(request) && request.getSession(false) != null;
        };
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/api/v1/calendar/**", "/api/v1/catalog/**",
                        "/api/v1/interpretations", "/api/v1/agencies", "/api/v1/requests/*", "/api/v1/requests/*/files/*")
                        .permitAll()
                        // A browser or a proxy may revalidate the open data with HEAD (issue 12, caching).
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/catalog/**", "/api/v1/interpretations").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> json(res, 401, "未登录或凭据无效")))
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> json(res, 401, "未登录或凭据无效"))
                        .accessDeniedHandler((req, res, ex) -> json(res, 403, "无权访问")))
                .csrf(c -> c.requireCsrfProtectionMatcher(needsCsrf))
                .securityContext(c -> c.securityContextRepository(new DelegatingSecurityContextRepository(
                        basicIgnoresSession(), new RequestAttributeSecurityContextRepository())))
                .headers(h -> h.referrerPolicy(r -> r.policy(REFERRER_POLICY)))
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
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'"))
                        .referrerPolicy(r -> r.policy(REFERRER_POLICY)));
        return http.build();
    }

    /**
     * Pages never tell another site which page (a tracking page, a workbench URL with an id) a visitor came from;
     * within the platform the full address is kept.
     */
    static final ReferrerPolicyHeaderWriter.ReferrerPolicy REFERRER_POLICY =
            ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN;

    static boolean hasBasicCredentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /**
     * The session's login is used only by requests without HTTP Basic credentials: a Basic request must authenticate
     * by its own credentials (a wrong password is 401 even for a browser that is logged in), and it saves nothing in
     * the session.
     */
    private static SecurityContextRepository basicIgnoresSession() {
        HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();
        return new SecurityContextRepository() {
            @Override
            @Deprecated
            public SecurityContext loadContext(HttpRequestResponseHolder holder) {
                return hasBasicCredentials(holder.getRequest()) ? SecurityContextHolder.createEmptyContext()
                        : session.loadContext(holder);
            }

            @Override
            public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
                if (hasBasicCredentials(request)) {
                    SecurityContext empty = SecurityContextHolder.createEmptyContext();
                    return new DeferredSecurityContext() {
                        @Override
                        public SecurityContext get() {
                            return empty;
                        }

                        @Override
                        public boolean isGenerated() {
                            return true;
                        }
                    };
                }
                return session.loadDeferredContext(request);
            }

            @Override
            public void saveContext(SecurityContext context, HttpServletRequest request,
                    HttpServletResponse response) {
                if (!hasBasicCredentials(request)) {
                    session.saveContext(context, request, response);
                }
            }

            @Override
            public boolean containsContext(HttpServletRequest request) {
                return !hasBasicCredentials(request) && session.containsContext(request);
            }
        };
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
