package cn.gongkai.request;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The applicant's tracking by POST is public like the GET it replaces: {@code POST /api/v1/requests/{tn}/tracking}
 * and {@code POST /api/v1/requests/{tn}/files/{id}} carry the query code in the body, so that it stays out of URLs.
 * They read and change nothing but the download audit, and the code is the credential, so no session and no CSRF
 * token are involved. Ordered before the API chain, which would ask for a login.
 */
@Configuration(proxyBeanMethods = false)
class PublicTrackingSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain publicTracking(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/api/v1/requests/*/tracking"),
                paths.matcher(HttpMethod.POST, "/api/v1/requests/*/files/*")))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
