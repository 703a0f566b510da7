package cn.gongkai.org;

import cn.gongkai.caching.ReadCache;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds which role where: the org module's read API for other modules. The agencies and departments every public
 * page asks for are read from memory, without a transaction of their own (a miss reads through a repository, which
 * has its own); the methods that read the database each time (accounts, the agencies by id or all of them) run in a
 * read-only transaction.
 */
@Service
public class OrgDirectory {

    private static final Duration CACHE_AGE = Duration.ofMinutes(1);

    private final Agencies agencies;
    private final Departments departments;
    private final UserAccounts users;
    private final String portalAgencyCode;
    private final MessageSource messages;
    /** Every public page reads the portal's agency and its departments: kept in memory, forgotten on change. */
    private final ReadCache<String, List<Agency>> agencyList = new ReadCache<>(CACHE_AGE);
    private final ReadCache<Long, Map<Long, String>> departmentNameCache = new ReadCache<>(CACHE_AGE);

    OrgDirectory(Agencies agencies, Departments departments, UserAccounts users,
            @org.springframework.beans.factory.annotation.Value("${gongkai.portal.agency-code:}") String portalAgencyCode,
            MessageSource messages) {
        this.agencies = agencies;
        this.departments = departments;
        this.users = users;
        this.portalAgencyCode = portalAgencyCode;
        this.messages = messages;
    }

    /**
     * The request attribute naming the agency whose portal a request under {@code /agencies/{code}/} shows (set by the
     * portal's prefix filter once it has found the agency).
     */
    public static final String PORTAL_AGENCY_ATTRIBUTE = OrgDirectory.class.getName() + ".portalAgency";

    /**
     * The agency whose portal this request shows: the one its {@code /agencies/{code}/} address names, else the one
     * this deployment serves at {@code /portal/...} ({@code gongkai.portal.agency-code}, else the first).
     */
    public Optional<Agency> portalAgency() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r
                && r.getRequest().getAttribute(PORTAL_AGENCY_ATTRIBUTE) instanceof String code) {
            Optional<Agency> named = agencyByCode(code);
            if (named.isPresent()) {
                return named;
            }
        }
        return portalAgency(portalAgencyCode);
    }

    /** The agency served at {@code /portal/...}, whatever the request's address. */
    public Optional<Agency> defaultPortalAgency() {
        return portalAgency(portalAgencyCode);
    }

    /** Every agency, from the list kept in memory (forgotten when an agency is saved). */
    private List<Agency> cachedAgencies() {
        return agencyList.get("all", k -> List.copyOf(agencies.findAllByOrderById()));
    }

    /** An agency by its id, from the cached list (for the public pages); empty for null or an unknown id. */
    public Optional<Agency> cachedAgency(Long id) {
        return id == null ? Optional.empty() : cachedAgencies()
                .stream().filter(a -> a.getId().equals(id)).findFirst();
    }

    /** An agency by its code, from the cached list. */
    public Optional<Agency> agencyByCode(String code) {
        return cachedAgencies().stream()
                .filter(a -> a.getCode().equals(code)).findFirst();
    }

    /**
     * Whether {@code /} is the city's disclosure home (机构导航 and a search across every agency): when no agency is
     * configured for the portal ({@code gongkai.portal.agency-code} empty) and more than one agency publishes here.
     * A single-agency installation, or one that names its agency, keeps that agency's home at {@code /}.
     */
    public boolean cityPortal() {
        return (portalAgencyCode == null || portalAgencyCode.isBlank()) && publishingAgencies().size() > 1;
    }

    /** The agencies with a portal of their own: every agency but a secrecy bureau. */
    public List<Agency> publishingAgencies() {
        return cachedAgencies().stream()
                .filter(a -> a.getKind() != AgencyKind.SECRECY_BUREAU).toList();
    }

    /**
     * What an agency's portal addresses start with: nothing for the agency served at {@code /portal/...} (its addresses
     * from before the city stay valid), {@code /agencies/{code}} for every other.
     */
    public String portalPrefix(Agency agency) {
        return agency == null || defaultPortalAgency().filter(d -> d.getId().equals(agency.getId())).isPresent() ? ""
                : "/agencies/" + agency.getCode();
    }

    /**
     * An agency's portal home: {@code /agencies/{code}/}; on a single-agency installation the served agency's home is
     * {@code /}.
     */
    public String portalHome(Agency agency) {
        if (!cityPortal() && defaultPortalAgency().filter(p -> p.getId().equals(agency.getId())).isPresent()) {
            return "/";
        }
        return "/agencies/" + agency.getCode() + "/";
    }

    /** The signed-in staff member, if any. */
    public static Optional<StaffPrincipal> currentPrincipal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof StaffPrincipal p ? Optional.of(p) : Optional.empty();
    }

    @Transactional(readOnly = true)
    public Optional<StaffMember> member(Long userId) {
        return users.findById(userId).map(UserAccount::toMember);
    }

    /**
     * Holders of a role in an agency; with a department, only those in that department.
     */
    @Transactional(readOnly = true)
    public List<StaffMember> holders(Long agencyId, Long departmentId, Role role) {
        return users.findByAgencyAndRole(agencyId, role).stream()
                .filter(u -> departmentId == null || departmentId.equals(u.getDepartmentId()))
                .map(UserAccount::toMember).toList();
    }

    /**
     * The leaders to escalate a member's overdue work to: the member's department heads, or, for a department head
     * (or when the department has none), the agency's leaders (分管领导).
     */
    @Transactional(readOnly = true)
    public List<StaffMember> leadersOf(StaffMember member) {
        if (!member.has(Role.DEPT_HEAD)) {
            List<StaffMember> heads = holders(member.agencyId(), member.departmentId(), Role.DEPT_HEAD).stream()
                    .filter(h -> !h.id().equals(member.id())).toList();
            if (!heads.isEmpty()) {
                return heads;
            }
        }
        return holders(member.agencyId(), null, Role.LEADER).stream().filter(h -> !h.id().equals(member.id()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Agency> agencies() {
        return agencies.findAllByOrderById();
    }

    /** The agency whose portal is served: the configured code, or the first agency. */
    public Optional<Agency> portalAgency(String code) {
        List<Agency> all = cachedAgencies();
        return all.stream().filter(a -> a.getCode().equals(code)).findFirst().or(() -> all.stream().findFirst());
    }

    /** An agency or a department was saved ({@link OrgChanges}): the cached copies are read again. */
    void changed() {
        agencyList.changed();
        departmentNameCache.changed();
    }

    @Transactional(readOnly = true)
    public Optional<Agency> agency(Long id) {
        return agencies.findById(id);
    }

    /** Department id → name for one agency, in display order. */
    public Map<Long, String> departmentNames(Long agencyId) {
        return departmentNameCache.get(agencyId, id -> {
            Map<Long, String> names = new LinkedHashMap<>();
            departments.findByAgencyIdOrderBySortOrderAscIdAsc(id).forEach(d -> names.put(d.getId(), d.getName()));
            return Collections.unmodifiableMap(names);
        });
    }

    /**
     * Shows people of an agency by name and department (张三（综合规划科）). The agency's accounts are read at once; a
     * login name from elsewhere is looked up when it is first shown.
     */
    @Transactional(readOnly = true)
    public StaffNames names(Long agencyId) {
        Map<Long, String> departmentNames = departmentNames(agencyId);
        Map<String, StaffNames.Person> preloaded = users.findByAgencyIdOrderByDepartmentIdAscUsernameAsc(agencyId)
                .stream().collect(Collectors.toMap(UserAccount::getUsername,
                        u -> new StaffNames.Person(u.getUsername(), u.getDisplayName(),
                                departmentNames.get(u.getDepartmentId()))));
        return new StaffNames(preloaded, username -> users.findByUsername(username)
                .map(u -> new StaffNames.Person(u.getUsername(), u.getDisplayName(),
                        departments.findById(u.getDepartmentId() == null ? -1L : u.getDepartmentId())
                                .map(Department::getName).orElse(null))),
                text("org.staff.label"), text("org.staff.applicant"), text("org.staff.system"),
                text("org.staff.citizen"));
    }

    /**
     * The login names of an agency's accounts whose name contains the text or whose login name is the text, for
     * filters where people are typed by name (张三) as well as by login name.
     */
    @Transactional(readOnly = true)
    public List<String> usernamesMatching(Long agencyId, String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return List.of();
        }
        return users.findByAgencyIdOrderByDepartmentIdAscUsernameAsc(agencyId).stream()
                .filter(u -> u.getUsername().equals(t)
                        || (u.getDisplayName() != null && u.getDisplayName().contains(t)))
                .map(UserAccount::getUsername).toList();
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }
}
