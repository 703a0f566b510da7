package cn.gongkai.org;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 修改密码: every signed-in staff member, and the only page a forced change reaches. */
@Controller
@RequestMapping("/workbench/password")
class PasswordController {

    private final Administration admin;
    private final AccountDetailsService accounts;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    PasswordController(Administration admin, AccountDetailsService accounts) {
        this.admin = admin;
        this.accounts = accounts;
    }

    @GetMapping
    String form(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("form", new PasswordForm());
        model.addAttribute("forced", me.passwordChangeRequired());
        return "org/password";
    }

    @PostMapping
    String change(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute("form") PasswordForm form,
            BindingResult errors, Model model, RedirectAttributes flash, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            admin.changeOwnPassword(me.id(), form.getCurrentPassword(), form.getNewPassword(),
                    form.getConfirmPassword());
        } catch (OrgRuleViolation e) {
            errors.rejectValue(e.field(), e.getMessage());
            form.setCurrentPassword("");
            form.setNewPassword("");
            form.setConfirmPassword("");
            model.addAttribute("forced", me.passwordChangeRequired());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "org/password";
        }
        // The session's principal still says "change required": replace it with the account as it is now.
        StaffPrincipal fresh = (StaffPrincipal) accounts.loadUserByUsername(me.getUsername());
        fresh.eraseCredentials();
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        UsernamePasswordAuthenticationToken auth = UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                fresh.getAuthorities());
        auth.setDetails(previous == null ? null : previous.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        flash.addFlashAttribute("notice", "org.password.changed");
        return "redirect:/workbench";
    }
}
