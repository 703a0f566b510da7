package cn.gongkai.portal;

import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each agency's own portal at {@code /agencies/{code}/} (issue 14): the six sections, its catalog, its request form,
 * all at the addresses the single portal has under {@code /portal/...}, prefixed. The request goes on with the prefix
 * as part of its context path, so the same controllers serve it, every link a page makes (context-relative) stays in
 * that agency's portal, and {@link OrgDirectory#portalAgency()} answers the agency the address names. An unknown code
 * is 404; an address under the prefix that is not part of a portal (the workbench, the API) is sent to its own
 * address.
 *
 * <p>Runs inside Spring Security's chain (order -100), which has already checked the real address (CSRF on the
 * request form included), and before {@link PublicPageCaching}, which then sees the portal address.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class AgencyPortalAddresses extends OncePerRequestFilter {

    static final String PREFIX = "/agencies/";
    private static final Pattern ADDRESS = Pattern.compile("^/agencies/([A-Za-z0-9_-]{1,40})(/.*)?$");

    private final OrgDirectory org;

    AgencyPortalAddresses(OrgDirectory org) {
        this.org = org;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String context = request.getContextPath();
        Matcher m = ADDRESS.matcher(request.getRequestURI().substring(context.length()));
        Optional<Agency> agency = m.matches() ? org.agencyByCode(m.group(1)) : Optional.empty();
        if (agency.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String rest = m.group(2);
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        if (rest == null) {
            response.sendRedirect(context + PREFIX + m.group(1) + "/" + query);
            return;
        }
        if (!isPortal(rest)) {
            // The workbench and everything else have one address for every agency.
            response.sendRedirect(context + rest + query);
            return;
        }
        String prefixed = context + PREFIX + m.group(1);
        request.setAttribute(OrgDirectory.PORTAL_AGENCY_ATTRIBUTE, agency.get().getCode());
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getContextPath() {
                return prefixed;
            }

            @Override
            public String getServletPath() {
                return rest;
            }
        }, response);
    }

    /** The addresses of one agency's portal, and the files its pages load. */
    static boolean isPortal(String path) {
        return path.equals("/") || path.equals("/portal") || path.startsWith("/portal/") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.equals("/favicon.svg");
    }
}
