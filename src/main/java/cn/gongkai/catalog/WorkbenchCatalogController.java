package cn.gongkai.catalog;

import cn.gongkai.org.StaffPrincipal;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
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

/** The office's view of the whole catalog, public and filed, with withdrawal and repeal. */
@Controller
@RequestMapping("/workbench/catalog")
@PreAuthorize("hasAnyRole('OFFICE','LEADER','LEADING_GROUP')")
class WorkbenchCatalogController {

    private final CatalogEntries entries;
    private final Catalog catalog;

    WorkbenchCatalogController(CatalogEntries entries, Catalog catalog) {
        this.entries = entries;
        this.catalog = catalog;
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) EntryState state,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Specification<CatalogEntry> spec = (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            p.add(cb.equal(root.get("agencyId"), me.agencyId()));
            if (state != null) {
                p.add(cb.equal(root.get("state"), state));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
        model.addAttribute("page", entries.findAll(spec, PageRequest.of(Math.max(0, page), 50,
                Sort.by(Sort.Direction.DESC, "publishedAt"))));
        model.addAttribute("state", state);
        model.addAttribute("states", EntryState.values());
        return "catalog/workbench-list";
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasRole('OFFICE')")
    String withdraw(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam String reason,
            RedirectAttributes flash) {
        try {
            catalog.withdraw(me.agencyId(), id, reason);
            flash.addFlashAttribute("notice", "catalog.notice.withdrawn");
        } catch (CatalogRuleViolation e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/workbench/catalog";
    }

    @PostMapping("/{id}/repeal")
    @PreAuthorize("hasRole('OFFICE')")
    String repeal(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam String reason,
            RedirectAttributes flash) {
        try {
            catalog.repeal(me.agencyId(), id, reason);
            flash.addFlashAttribute("notice", "catalog.notice.repealed");
        } catch (CatalogRuleViolation e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/workbench/catalog";
    }
}
