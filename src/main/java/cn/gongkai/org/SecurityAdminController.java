package cn.gongkai.org;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 角色管理 for the agency's security administrator (安全管理员): the roles of the other accounts, nothing else. No
 * account is created here and no password is reset; a refused combination answers 400 with the two roles named.
 */
@Controller
@RequestMapping("/workbench/security/users")
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class SecurityAdminController {

    private final Administration admin;

    SecurityAdminController(Administration admin) {
        this.admin = admin;
    }

    /** The roles ticked on the form; none ticked is allowed (the account then sees only its inbox). */
    static class RolesForm {
        private Set<Role> roles = EnumSet.noneOf(Role.class);

        public Set<Role> getRoles() {
            return roles;
        }

        public void setRoles(Set<Role> roles) {
            this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
        }
    }

    @ModelAttribute("allRoles")
    Role[] allRoles() {
        return java.util.Arrays.stream(Role.values()).filter(r -> r != Role.PLATFORM_ADMIN).toArray(Role[]::new);
    }

    @GetMapping
    String users(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("users", admin.users(me.agencyId()));
        model.addAttribute("departmentNames", departmentNames(me));
        return "org/roles";
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model) {
        UserAccount account = admin.user(me.agencyId(), id);
        RolesForm form = new RolesForm();
        form.setRoles(account.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.getRoles()));
        return page(me, account, form, model);
    }

    @PostMapping("/{id}")
    String assign(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @ModelAttribute("form") RolesForm form, BindingResult errors, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        UserAccount account = admin.user(me.agencyId(), id);
        if (errors.hasFieldErrors("roles")) {
            // An unknown role name: keep the form as it was and say so.
            errors.rejectValue("roles", "org.user.roles.unknown");
        } else {
            try {
                admin.assignRoles(me.agencyId(), id, form.getRoles(), me.id());
                flash.addFlashAttribute("notice", "org.user.rolesSaved");
                return "redirect:/workbench/security/users";
            } catch (OrgRuleViolation e) {
                errors.rejectValue(e.field(), e.getMessage(), e.arguments(), null);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(me, account, form, model);
    }

    private String page(StaffPrincipal me, UserAccount account, RolesForm form, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("form", form);
        model.addAttribute("departmentNames", departmentNames(me));
        model.addAttribute("self", account.getId().equals(me.id()));
        return "org/user-roles";
    }

    private Map<Long, String> departmentNames(StaffPrincipal me) {
        Map<Long, String> names = new HashMap<>();
        admin.departments(me.agencyId()).forEach(d -> names.put(d.getId(), d.getName()));
        return names;
    }
}
