package cn.gongkai.platform;

import cn.gongkai.notification.Inbox;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.worklist.Worklist;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Fills the workbench and portal layouts: the signed-in member, the navigation their roles may use, the unread
 * count, the count of their overdue work (shown beside 我的待办), and the agency whose portal this is.
 */
@Component
class ShellInterceptor implements HandlerInterceptor {

    /** One workbench navigation entry, shown when the member holds any of {@code roles} (empty: everyone). */
    record NavItem(String key, String href, Set<Role> roles) {
        boolean visibleTo(StaffPrincipal me) {
            return roles.isEmpty() || roles.stream().anyMatch(me::has);
        }
    }

    static final List<NavItem> WORKBENCH_NAV = List.of(
            new NavItem("nav.home", "/workbench", Set.of()),
            new NavItem("nav.inbox", "/workbench/inbox", Set.of()),
            new NavItem("nav.items", "/workbench/items", Set.of(Role.STAFF, Role.DEPT_HEAD, Role.SECRECY_REVIEWER,
                    Role.OFFICE, Role.LEADER, Role.LEADING_GROUP)),
            new NavItem("nav.requests", "/workbench/requests", Set.of(Role.STAFF, Role.DEPT_HEAD, Role.OFFICE,
                    Role.LEADER, Role.LEADING_GROUP)),
            new NavItem("nav.catalog", "/workbench/catalog", Set.of(Role.OFFICE, Role.LEADER, Role.LEADING_GROUP)),
            new NavItem("nav.reports", "/workbench/reports", Set.of(Role.OFFICE, Role.LEADER, Role.LEADING_GROUP)),
            new NavItem("nav.guide", "/workbench/guide", Set.of(Role.OFFICE, Role.LEADER, Role.LEADING_GROUP)),
            new NavItem("nav.readingRoom", "/workbench/reading-room", Set.of(Role.OFFICE)),
            new NavItem("nav.coordinations", "/workbench/coordinations", Set.of(Role.OFFICE)),
            new NavItem("nav.opinion", "/workbench/opinion", Set.of(Role.STAFF, Role.DEPT_HEAD, Role.OFFICE,
                    Role.LEADER, Role.LEADING_GROUP)),
            new NavItem("nav.hotline", "/workbench/hotline", Set.of(Role.STAFF, Role.DEPT_HEAD, Role.OFFICE)),
            new NavItem("nav.messages", "/workbench/messages", Set.of(Role.STAFF, Role.DEPT_HEAD, Role.OFFICE)),
            new NavItem("nav.dashboard", "/workbench/dashboard", Set.of(Role.OFFICE, Role.LEADER,
                    Role.LEADING_GROUP)),
            new NavItem("nav.calendar", "/workbench/calendar", Set.of()),
            new NavItem("nav.audit", "/workbench/audit", Set.of(Role.AUDITOR, Role.LEADING_GROUP)),
            new NavItem("nav.users", "/workbench/admin/users", Set.of(Role.ADMIN)),
            new NavItem("nav.roles", "/workbench/security/users", Set.of(Role.SECURITY_ADMIN)),
            new NavItem("nav.departments", "/workbench/admin/departments", Set.of(Role.ADMIN)),
            new NavItem("nav.agency", "/workbench/admin/agency", Set.of(Role.ADMIN)),
            new NavItem("nav.reviewChain", "/workbench/admin/review-chain", Set.of(Role.ADMIN)),
            new NavItem("nav.platformAgencies", "/workbench/platform/agencies", Set.of(Role.PLATFORM_ADMIN)));

    private final OrgDirectory org;
    private final Inbox inbox;
    private final Worklist worklist;

    ShellInterceptor(OrgDirectory org, Inbox inbox, Worklist worklist) {
        this.org = org;
        this.inbox = inbox;
        this.worklist = worklist;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView mav) {
        if (mav == null || mav.getViewName() == null || mav.getViewName().startsWith("redirect:")) {
            return;
        }
        Optional<StaffPrincipal> me = OrgDirectory.currentPrincipal();
        // The address within the application: under an agency's portal (/agencies/{code}/) its prefix is context.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        me.ifPresent(p -> {
            mav.addObject("me", p);
            mav.addObject("nav", WORKBENCH_NAV.stream().filter(n -> n.visibleTo(p)).toList());
            mav.addObject("unread", inbox.unreadCount(p.id()));
            mav.addObject("overdue", worklist.overdueCount(p));
            org.agency(p.agencyId()).ifPresent(a -> mav.addObject("myAgency", a));
        });
        mav.addObject("currentPath", path);
        if (!mav.getModel().containsKey("portalAgency")) {
            // The city's own pages name the city's authority themselves.
            org.portalAgency().ifPresent(a -> mav.addObject("portalAgency", a));
        }
    }
}
