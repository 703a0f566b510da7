package cn.gongkai.signin;

import cn.gongkai.org.StaffPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after Spring Security (a servlet filter of its own, so the signed-in principal is known). For the workbench
 * and the API, a signed-in staff member reaches:
 * <ol>
 * <li>with a second factor enrolled and not yet verified in this session: only {@code /login/totp};</li>
 * <li>with a password set by an administrator: only {@code /workbench/password};</li>
 * <li>with a second factor required by a role but not enrolled: only the enrolment page.</li>
 * </ol>
 * The browser is sent to that page; the API answers 403 with a JSON message saying what to do. HTTP Basic carries no
 * second factor, so accounts that have or need one get that 403 for every API call.
 */
@Component
class AccessGate extends OncePerRequestFilter {

    /** Session attribute: the id of the account whose second factor was verified in this session. */
    static final String VERIFIED = AccessGate.class.getName() + ".VERIFIED";

    static final String VERIFY_PAGE = "/login/totp";
    static final String PASSWORD_PAGE = "/workbench/password";
    static final String ENROL_PAGE = "/workbench/security/second-factor";

    private final SecondFactorService secondFactors;
    private final MessageSource messages;

    AccessGate(SecondFactorService secondFactors, MessageSource messages) {
        this.secondFactors = secondFactors;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/");
        boolean workbench = path.equals("/workbench") || path.startsWith("/workbench/");
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(api || workbench) || auth == null || !(auth.getPrincipal() instanceof StaffPrincipal me)) {
            chain.doFilter(request, response);
            return;
        }
        boolean enrolled = secondFactors.enrolled(me.id());
        if (enrolled && !verified(request, me)) {
            refuse(request, response, api, VERIFY_PAGE, "signin.gate.verify");
            return;
        }
        if (me.passwordChangeRequired()) {
            if (!path.equals(PASSWORD_PAGE)) {
                refuse(request, response, api, PASSWORD_PAGE, "org.password.required.api");
                return;
            }
        } else if (!enrolled && secondFactors.required(me) && !path.startsWith(ENROL_PAGE)) {
            refuse(request, response, api, ENROL_PAGE, "signin.gate.enrol");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean verified(HttpServletRequest request, StaffPrincipal me) {
        HttpSession session = request.getSession(false);
        return session != null && Objects.equals(session.getAttribute(VERIFIED), me.id());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, boolean api, String page,
            String messageKey) throws IOException {
        if (api) {
            String message = messages.getMessage(messageKey, null, Locale.SIMPLIFIED_CHINESE);
            response.setStatus(403);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"status\":403,\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
        } else {
            response.sendRedirect(request.getContextPath() + page);
        }
    }
}
