package cn.gongkai.org;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 机关管理: the platform administrator's list of the platform's agencies and the form that creates one. */
@Controller
@RequestMapping("/workbench/platform/agencies")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class PlatformController {

    private final PlatformAdministration platform;

    PlatformController(PlatformAdministration platform) {
        this.platform = platform;
    }

    @ModelAttribute("agencyKinds")
    AgencyKind[] agencyKinds() {
        return AgencyKind.values();
    }

    @ModelAttribute("authorities")
    List<Agency> authorities() {
        return platform.agencies().stream().filter(a -> a.getKind() == AgencyKind.DISCLOSURE_AUTHORITY).toList();
    }

    @GetMapping
    String agencies(Model model) {
        model.addAttribute("form", new NewAgencyForm());
        return list(model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute("form") NewAgencyForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                PlatformAdministration.Created created = platform.create(form, me.agencyId());
                flash.addFlashAttribute("notice", "org.platform.created");
                // Shown once, on the next page only: the new administrators' one-time passwords.
                flash.addFlashAttribute("createdAgency", created.agency().getName());
                flash.addFlashAttribute("createdUsername", created.administrator().account().getUsername());
                flash.addFlashAttribute("oneTimePassword", created.administrator().oneTimePassword());
                flash.addFlashAttribute("firstAccounts", java.util.stream.Stream.of(created.administrator(),
                        created.securityAdministrator(), created.auditor()).map(a -> java.util.Map.of("role",
                                a.account().getRoles().iterator().next().name(), "username",
                                a.account().getUsername(), "password", a.oneTimePassword())).toList());
                return "redirect:/workbench/platform/agencies";
            } catch (OrgRuleViolation e) {
                errors.rejectValue(e.field(), e.getMessage(), e.arguments(), e.getMessage());
            }
        }
        return list(model);
    }

    private String list(Model model) {
        model.addAttribute("agencies", platform.agencies());
        model.addAttribute("agenciesById", platform.byId());
        return "org/platform-agencies";
    }
}
