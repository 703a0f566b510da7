package cn.gongkai.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web server starts before the start-up work (demo data, the search index check, the first administrators) is
 * done. Until it is, every page answers 503 "正在准备示例数据" (or "系统正在启动") with Retry-After and a page that
 * reloads itself, so nobody sees an empty portal or signs in before the accounts exist. Static files pass.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupGate extends OncePerRequestFilter {

    private volatile boolean ready;
    private final boolean demo;

    StartupGate(@Value("${gongkai.demo:false}") boolean demo) {
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void open() {
        ready = true;
    }

    boolean isOpen() {
        return ready;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (ready) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/fonts/") || path.equals("/favicon.ico") || path.equals("/favicon.svg");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String text = demo ? "正在准备示例数据，请稍候，页面会自动刷新。" : "系统正在启动，请稍候，页面会自动刷新。";
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "3");
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(("{\"status\":503,\"message\":\"" + text + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                + "<meta http-equiv=\"refresh\" content=\"3\"><title>请稍候</title></head><body><main><h1>" + text
                + "</h1></main></body></html>").getBytes(StandardCharsets.UTF_8));
    }
}
