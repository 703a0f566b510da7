package cn.gongkai.org;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 用户管理 and 科室管理 for the agency's system administrator (系统管理员): accounts, departments and settings, but
 * no roles (the security administrator's, {@link SecurityAdminController}); a posted role is refused with 400.
 */
@Controller
@RequestMapping("/workbench/admin")
@PreAuthorize("hasRole('ADMIN')")
class AdminController {

    private final Administration admin;

    AdminController(Administration admin) {
        this.admin = admin;
    }

    @ModelAttribute("departmentKinds")
    DepartmentKind[] departmentKinds() {
        return DepartmentKind.values();
    }

    @GetMapping("/agency")
    String agency(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("form", AgencyForm.of(admin.agency(me.agencyId())));
        return "org/agency";
    }

    @PostMapping("/agency")
    String configureAgency(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute("form") AgencyForm form,
            BindingResult errors, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                admin.configureAgency(me.agencyId(), form);
                flash.addFlashAttribute("notice", "org.agency.saved");
                return "redirect:/workbench/admin/agency";
            } catch (OrgRuleViolation e) {
                errors.rejectValue(e.field(), e.getMessage());
            }
        }
        return "org/agency";
    }

    @GetMapping("/departments")
    String departments(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("departments", admin.departments(me.agencyId()));
        model.addAttribute("form", new DepartmentForm());
        return "org/departments";
    }

    @PostMapping("/departments")
    String createDepartment(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute("form") DepartmentForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                admin.createDepartment(me.agencyId(), form);
                flash.addFlashAttribute("notice", "org.department.created");
                return "redirect:/workbench/admin/departments";
            } catch (OrgRuleViolation e) {
                errors.rejectValue(e.field(), e.getMessage());
            }
        }
        model.addAttribute("departments", admin.departments(me.agencyId()));
        return "org/departments";
    }

    @GetMapping("/departments/{id}")
    String editDepartment(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model) {
        Department d = admin.department(me.agencyId(), id);
        model.addAttribute("department", d);
        model.addAttribute("form", DepartmentForm.of(d));
        return "org/department-edit";
    }

    @PostMapping("/departments/{id}")
    String updateDepartment(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @Valid @ModelAttribute("form") DepartmentForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        Department d = admin.department(me.agencyId(), id);
        if (!errors.hasErrors()) {
            try {
                admin.updateDepartment(me.agencyId(), id, form);
                flash.addFlashAttribute("notice", "org.department.saved");
                return "redirect:/workbench/admin/departments";
            } catch (OrgRuleViolation e) {
                errors.rejectValue(e.field(), e.getMessage());
            }
        }
        model.addAttribute("department", d);
        return "org/department-edit";
    }

    @GetMapping("/users")
    String users(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("users", admin.users(me.agencyId()));
        model.addAttribute("departmentNames", departmentNames(me));
        return "org/users";
    }

    @GetMapping("/users/new")
    String newUser(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("form", new UserForm());
        model.addAttribute("departments", admin.departments(me.agencyId()));
        return "org/user-new";
    }

    @PostMapping("/users")
    String createUser(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute("form") UserForm form,
            BindingResult errors, Model model, RedirectAttributes flash, HttpServletResponse response) {
        refusePostedRoles(form, errors, response);
        // Checked here too, so that a weak password is reported together with the other mistakes, not after them.
        admin.passwordPolicy().problem(form.getPassword(), form.getUsername())
                .ifPresent(key -> errors.rejectValue("password", key));
        if (!errors.hasErrors()) {
            try {
                admin.createUser(me.agencyId(), form);
                flash.addFlashAttribute("notice", "org.user.created");
                return "redirect:/workbench/admin/users";
            } catch (OrgRuleViolation e) {
                errors.rejectValue(e.field(), e.getMessage(), e.arguments(), null);
            }
        }
        model.addAttribute("departments", admin.departments(me.agencyId()));
        return "org/user-new";
    }

    @GetMapping("/users/{id}")
    String editUser(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model) {
        UserAccount account = admin.user(me.agencyId(), id);
        model.addAttribute("account", account);
        model.addAttribute("form", UserForm.of(account));
        model.addAttribute("departments", admin.departments(me.agencyId()));
        return "org/user-edit";
    }

    @PostMapping("/users/{id}")
    String updateUser(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        UserAccount account = admin.user(me.agencyId(), id);
        form.setUsername(account.getUsername());
        refusePostedRoles(form, errors, response);
        if (!errors.hasErrors()) {
            try {
                admin.updateUser(me.agencyId(), id, form);
                flash.addFlashAttribute("notice", "org.user.saved");
                return "redirect:/workbench/admin/users";
            } catch (OrgRuleViolation e) {
                errors.rejectValue(e.field(), e.getMessage(), e.arguments(), null);
            }
        }
        model.addAttribute("account", account);
        model.addAttribute("departments", admin.departments(me.agencyId()));
        return "org/user-edit";
    }

    @PostMapping("/users/{id}/password")
    String resetPassword(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, RedirectAttributes flash) {
        try {
            String password = admin.resetPassword(me.agencyId(), id);
            flash.addFlashAttribute("newPassword", password);
            flash.addFlashAttribute("notice", "org.user.passwordReset");
        } catch (OrgRuleViolation e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/workbench/admin/users/" + id;
    }

    @PostMapping("/users/{id}/enabled")
    String setEnabled(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam boolean enabled,
            RedirectAttributes flash) {
        try {
            admin.setEnabled(me.agencyId(), id, enabled, me.id());
            flash.addFlashAttribute("notice", enabled ? "org.user.enabledNotice" : "org.user.disabledNotice");
        } catch (OrgRuleViolation e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/workbench/admin/users/" + id;
    }

    /** 三权分立: roles are not the system administrator's to give, not even to a new account or to itself. */
    private static void refusePostedRoles(UserForm form, BindingResult errors, HttpServletResponse response) {
        if (!form.getRoles().isEmpty()) {
            errors.rejectValue("roles", "org.user.roles.notByAdmin");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    private java.util.Map<Long, String> departmentNames(StaffPrincipal me) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        List<Department> list = admin.departments(me.agencyId());
        list.forEach(d -> names.put(d.getId(), d.getName()));
        return names;
    }
}
