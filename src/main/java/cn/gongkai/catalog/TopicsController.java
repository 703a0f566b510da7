package cn.gongkai.catalog;

import cn.gongkai.org.StaffPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 主题分类: the agency's own sub-classes, kept by the office or the administrator. */
@Controller
@RequestMapping("/workbench/catalog/topics")
@PreAuthorize("hasAnyRole('OFFICE','ADMIN')")
class TopicsController {

    private final Topics topics;

    TopicsController(Topics topics) {
        this.topics = topics;
    }

    @GetMapping
    String page(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("tree", topics.tree(me.agencyId()));
        model.addAttribute("classes", Taxonomy.TOPICS);
        return "catalog/topics";
    }

    @PostMapping
    String add(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(defaultValue = "") String topic,
            @RequestParam(defaultValue = "") String name, Model model, RedirectAttributes flash) {
        try {
            topics.add(me.agencyId(), topic, name);
            flash.addFlashAttribute("notice", "catalog.topics.added");
            return "redirect:/workbench/catalog/topics";
        } catch (CatalogRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("newTopic", topic);
            model.addAttribute("newName", name);
            return page(me, model);
        }
    }

    @PostMapping("/{id}/rename")
    String rename(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(defaultValue = "") String name, Model model, RedirectAttributes flash) {
        try {
            topics.rename(me.agencyId(), id, name);
            flash.addFlashAttribute("notice", "catalog.topics.renamed");
            return "redirect:/workbench/catalog/topics";
        } catch (CatalogRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("editedId", id);
            model.addAttribute("editedName", name);
            return page(me, model);
        }
    }

    @PostMapping("/{id}/delete")
    String remove(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, RedirectAttributes flash) {
        try {
            topics.remove(me.agencyId(), id);
            flash.addFlashAttribute("notice", "catalog.topics.removed");
        } catch (CatalogRuleViolation e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/workbench/catalog/topics";
    }
}
