package cn.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.support.GongkaiAppTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web layer's own defences: CSRF is excused only for requests that authenticate by HTTP Basic, the session cookie
 * is Secure when a trusted proxy says the visitor came over TLS, and every response carries a Referrer-Policy.
 */
@GongkaiAppTest
class WebHardeningTest {

    /** A request body the office's intake would refuse with 400 if it ever reached the controller. */
    static final String EMPTY_INTAKE = "{}";

    @Autowired MockMvc mvc;
    @LocalServerPort int port;

    MockHttpSession loggedIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password("Gongkai@2026")).andReturn()
                .getRequest().getSession(false);
    }

    @Test
    void aLoggedInBrowserCannotSkipTheCsrfTokenBySendingSomeOtherAuthorizationHeader() throws Exception {
        MockHttpSession session = loggedIn("office");
        mvc.perform(post("/api/v1/requests").session(session).header("Authorization", "Bearer anything")
                .contentType(MediaType.APPLICATION_JSON).content(EMPTY_INTAKE)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/requests").session(session).header("Authorization", "Negotiate abc")
                .contentType(MediaType.APPLICATION_JSON).content(EMPTY_INTAKE)).andExpect(status().isForbidden());
    }

    @Test
    void basicCredentialsWithAWrongPasswordAre401EvenFromABrowserLoggedInAsTheSameUser() throws Exception {
        MockHttpSession session = loggedIn("office");
        mvc.perform(post("/api/v1/requests").session(session).with(httpBasic("office", "not-the-password"))
                .contentType(MediaType.APPLICATION_JSON).content(EMPTY_INTAKE)).andExpect(status().isUnauthorized());
        // The right credentials need no token: a script's call reaches the intake (which refuses the empty body).
        mvc.perform(post("/api/v1/requests").with(httpBasic("office", "Gongkai@2026"))
                .contentType(MediaType.APPLICATION_JSON).content(EMPTY_INTAKE)).andExpect(status().isBadRequest());
    }

    @Test
    void everyResponsePortalWorkbenchApiAndErrorsCarriesAReferrerPolicy() throws Exception {
        for (String path : List.of("/", "/portal/catalog", "/login", "/api/v1/calendar/days?year=2026",
                "/api/v1/requests", "/workbench", "/portal/no-such-page")) {
            mvc.perform(get(path)).andExpect(header().string("Referrer-Policy", "same-origin"));
        }
    }

    @Test
    void theSessionCookieIsSecureWhenATrustedProxySaysTheVisitorCameOverTls() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> viaTls = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(viaTls.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .matches("^(JSESSIONID|SESSION)=.*").containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));
        HttpResponse<Void> plain = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(plain.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c)
                .doesNotContainIgnoringCase("; Secure"));
    }
}
