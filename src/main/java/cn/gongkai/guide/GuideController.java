package cn.gongkai.guide;

import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 公开指南 in the workbench: the office drafts, edits, submits and publishes; a leader approves or returns; the
 * leading group reads. Everyone else 403.
 */
@Controller
@RequestMapping("/workbench/guide")
class GuideController {

    private final Guides guides;
    private final OrgDirectory org;

    GuideController(Guides guides, OrgDirectory org) {
        this.guides = guides;
        this.org = org;
    }

    @GetMapping
    String page(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        requireReader(me);
        var open = guides.open(me.agencyId());
        model.addAttribute("open", open.orElse(null));
        model.addAttribute("text", open.map(GuideVersion::content).orElse(null));
        model.addAttribute("current", guides.current(me.agencyId()).orElse(null));
        model.addAttribute("versions", guides.all(me.agencyId()));
        model.addAttribute("names", org.names(me.agencyId()));
        model.addAttribute("problems", List.of());
        return "guide/workbench";
    }

    @PostMapping("/draft")
    String draft(@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act(me, model, flash, response, "guide.notice.drafted", () -> guides.draft(me));
    }

    @PostMapping
    String save(@AuthenticationPrincipal StaffPrincipal me, GuideContent content, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        String view = act(me, model, flash, response, "guide.notice.saved", () -> guides.edit(me, content));
        if (response.getStatus() == 400) {
            model.addAttribute("text", content); // kept as typed
        }
        return view;
    }

    @PostMapping("/submit")
    String submit(@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act(me, model, flash, response, "guide.notice.submitted", () -> guides.submit(me));
    }

    @PostMapping("/decision")
    String decide(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "false") boolean approve,
            @RequestParam(required = false) String opinion, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act(me, model, flash, response, approve ? "guide.notice.approved" : "guide.notice.returned",
                () -> guides.decide(me, approve, opinion));
    }

    @PostMapping("/publish")
    String publish(@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act(me, model, flash, response, "guide.notice.published", () -> guides.publish(me));
    }

    private String act(StaffPrincipal me, Model model, RedirectAttributes flash, HttpServletResponse response,
            String notice, java.util.function.Supplier<GuideVersion> step) {
        requireReader(me);
        try {
            step.get();
            flash.addFlashAttribute("notice", notice);
            return "redirect:/workbench/guide";
        } catch (GuideRuleViolation e) {
            response.setStatus(409);
            page(me, model);
            model.addAttribute("problem", e.rule());
            return "guide/workbench";
        } catch (Guides.InvalidGuide e) {
            // 400, the page again with every field named.
            response.setStatus(400);
            page(me, model);
            model.addAttribute("problems", e.problems);
            return "guide/workbench";
        }
    }

    private static void requireReader(StaffPrincipal me) {
        if (!(me.has(Role.OFFICE) || me.has(Role.LEADER) || me.has(Role.LEADING_GROUP))) {
            throw new AccessDeniedException("guide");
        }
    }

}
