package cn.gongkai.document;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agency's review chain, set by the administrator as an ordered list of reviewing roles. */
@Controller
@RequestMapping("/workbench/admin/review-chain")
@PreAuthorize("hasRole('ADMIN')")
class ReviewChainController {

    private final ReviewChains chains;
    private final AuditTrail audit;

    ReviewChainController(ReviewChains chains, AuditTrail audit) {
        this.chains = chains;
        this.audit = audit;
    }

    @GetMapping
    String page(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("steps", chains.of(me.agencyId()).steps());
        model.addAttribute("allowed", ReviewChain.ALLOWED);
        return "document/review-chain";
    }

    @PostMapping
    @Transactional
    String save(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(name = "step", required = false)
            List<String> steps, Model model, RedirectAttributes flash) {
        List<Role> roles = new ArrayList<>();
        for (String s : steps == null ? List.<String>of() : steps) {
            if (!s.isBlank()) {
                roles.add(Role.valueOf(s));
            }
        }
        ReviewChain chain;
        try {
            chain = new ReviewChain(roles);
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", "document.chain.error");
            model.addAttribute("steps", roles);
            model.addAttribute("allowed", ReviewChain.ALLOWED);
            return "document/review-chain";
        }
        String before = chains.of(me.agencyId()).format();
        chains.set(me.agencyId(), chain);
        audit.record(AuditRecord.of(me.agencyId(), "REVIEW_CHAIN_CHANGED", "AGENCY", me.agencyId(), null)
                .withChange(before, chain.format()));
        flash.addFlashAttribute("notice", "document.chain.saved");
        return "redirect:/workbench/admin/review-chain";
    }
}
