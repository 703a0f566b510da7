package cn.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Until the start-up work (demo data, first accounts) is done, a visitor is asked to wait instead of an empty portal. */
class StartupGateTest {

    private static MockHttpServletResponse visit(StartupGate gate, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        gate.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void beforeTheDemoDataIsInPlaceThePortalSaysItIsPreparingItAndAsksToRetry() throws Exception {
        StartupGate gate = new StartupGate(true);
        MockHttpServletResponse home = visit(gate, "/portal");
        assertThat(home.getStatus()).isEqualTo(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        assertThat(home.getHeader("Retry-After")).isEqualTo("3");
        assertThat(home.getContentAsString()).contains("正在准备示例数据").contains("http-equiv=\"refresh\"");
        assertThat(visit(gate, "/api/v1/catalog/search").getContentAsString()).contains("正在准备示例数据");
        assertThat(visit(gate, "/css/gongkai.css").getStatus()).isEqualTo(200);
    }

    /**
     * Health is what a load balancer, a supervisor or the crash tests wait for: it must not say UP while the portal
     * still answers 正在准备示例数据. The gate holds it back too, and opens both at the same moment.
     */
    @Test
    void healthAnswers503UntilThePortalCanServeAndPassesOnceTheStartUpWorkIsDone() throws Exception {
        StartupGate gate = new StartupGate(true);
        assertThat(visit(gate, "/actuator/health").getStatus()).isEqualTo(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        assertThat(visit(gate, "/actuator/health/readiness").getStatus())
                .isEqualTo(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        gate.open();
        assertThat(visit(gate, "/actuator/health").getStatus()).isEqualTo(200);
        assertThat(visit(gate, "/portal/catalog").getStatus()).isEqualTo(200);
    }

    @Test
    void outsideDemoModeItSaysTheSystemIsStartingAndOnceReadyEveryPageAnswers() throws Exception {
        StartupGate gate = new StartupGate(false);
        assertThat(visit(gate, "/login").getContentAsString()).contains("系统正在启动");
        gate.open();
        MockHttpServletResponse login = visit(gate, "/login");
        assertThat(login.getStatus()).isEqualTo(200);
        assertThat(login.getContentAsString()).doesNotContain("系统正在启动");
    }
}
