package cn.gongkai.signin;

import cn.gongkai.org.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 双因素认证: the code after the password, enrolment with a QR code, and the administrator's reset. */
@Controller
class SignInController {

    static final String PENDING_SECRET = SignInController.class.getName() + ".PENDING_SECRET";
    static final String FAILURES = SignInController.class.getName() + ".FAILURES";
    static final int MAX_FAILURES = 5;
    static final String ISSUER = "Gongkai";

    private final SecondFactorService secondFactors;

    SignInController(SecondFactorService secondFactors) {
        this.secondFactors = secondFactors;
    }

    @GetMapping(AccessGate.VERIFY_PAGE)
    String verifyForm(@AuthenticationPrincipal StaffPrincipal me) {
        return me == null ? "redirect:/login" : "signin/verify";
    }

    @PostMapping(AccessGate.VERIFY_PAGE)
    String verify(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (me == null) {
            return "redirect:/login";
        }
        HttpSession session = request.getSession();
        SecondFactorService.Outcome outcome = secondFactors.verify(me, code);
        if (outcome == SecondFactorService.Outcome.WRONG) {
            int failures = session.getAttribute(FAILURES) instanceof Integer n ? n + 1 : 1;
            if (failures >= MAX_FAILURES) {
                // Too many wrong codes: the password has to be typed again.
                session.invalidate();
                SecurityContextHolder.clearContext();
                return "redirect:/login?error";
            }
            session.setAttribute(FAILURES, failures);
            response.setStatus(400);
            model.addAttribute("problem", "signin.verify.wrong");
            return "signin/verify";
        }
        session.removeAttribute(FAILURES);
        session.setAttribute(AccessGate.VERIFIED, me.id());
        if (outcome == SecondFactorService.Outcome.RECOVERY_CODE) {
            return "redirect:/workbench?recovery";
        }
        return "redirect:/workbench";
    }

    @GetMapping(AccessGate.ENROL_PAGE)
    String enrolForm(@AuthenticationPrincipal StaffPrincipal me, HttpSession session, Model model) {
        boolean enrolled = secondFactors.enrolled(me.id());
        model.addAttribute("enrolled", enrolled);
        model.addAttribute("required", secondFactors.required(me));
        if (!enrolled) {
            byte[] secret = session.getAttribute(PENDING_SECRET) instanceof byte[] b ? b : Totp.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
            showSecret(me, secret, model);
        }
        return "signin/enrol";
    }

    @PostMapping(AccessGate.ENROL_PAGE)
    String enrol(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "") String code,
            HttpSession session, HttpServletResponse response, Model model) {
        if (!(session.getAttribute(PENDING_SECRET) instanceof byte[] secret) || secondFactors.enrolled(me.id())) {
            return "redirect:" + AccessGate.ENROL_PAGE;
        }
        List<String> recoveryCodes = secondFactors.enrol(me, secret, code);
        if (recoveryCodes.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("enrolled", false);
            model.addAttribute("required", secondFactors.required(me));
            model.addAttribute("problem", "signin.enrol.wrong");
            showSecret(me, secret, model);
            return "signin/enrol";
        }
        session.removeAttribute(PENDING_SECRET);
        session.setAttribute(AccessGate.VERIFIED, me.id());
        model.addAttribute("recoveryCodes", recoveryCodes);
        return "signin/recovery-codes";
    }

    @PostMapping("/workbench/admin/users/{id}/second-factor/reset")
    @PreAuthorize("hasRole('ADMIN')")
    String reset(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, RedirectAttributes flash) {
        try {
            if (!secondFactors.reset(me, id)) {
                throw new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND);
            }
            flash.addFlashAttribute("notice", "signin.reset.done");
        } catch (SecondFactorService.Guarded e) {
            flash.addFlashAttribute("problem", "org.user.password.guarded");
        }
        return "redirect:/workbench/admin/users/" + id;
    }

    private static void showSecret(StaffPrincipal me, byte[] secret, Model model) {
        String uri = Totp.uri(ISSUER, me.getUsername(), secret);
        model.addAttribute("qr", QrSvg.dataUri(uri));
        model.addAttribute("otpauth", uri);
        model.addAttribute("secret", Base32.encode(secret).replaceAll("(.{4})(?!$)", "$1 "));
    }
}
