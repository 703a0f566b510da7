package cn.gongkai.guide;

import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** 政府信息公开指南 on the portal: the current version with its date, and every earlier published version. */
@Controller
class GuidePortalController {

    private final Guides guides;
    private final OrgDirectory org;

    GuidePortalController(Guides guides, OrgDirectory org) {
        this.guides = guides;
        this.org = org;
    }

    @GetMapping("/portal/guide")
    String current(Model model) {
        Agency agency = org.portalAgency().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<GuideVersion> published = guides.published(agency.getId());
        return show(model, published.isEmpty() ? null : published.getFirst(), published);
    }

    @GetMapping("/portal/guide/versions/{version}")
    String version(@PathVariable int version, Model model) {
        Agency agency = org.portalAgency().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        GuideVersion shown = guides.publishedVersion(agency.getId(), version)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return show(model, shown, guides.published(agency.getId()));
    }

    private static String show(Model model, GuideVersion shown, List<GuideVersion> published) {
        model.addAttribute("guide", shown);
        model.addAttribute("text", shown == null ? null : shown.content());
        model.addAttribute("isCurrent", shown != null && shown.getVersion() == published.getFirst().getVersion());
        model.addAttribute("published", published);
        model.addAttribute("section", "guide");
        model.addAttribute("sections", List.of("guide", "catalog", "apply", "interpretation", "annual-report"));
        return "guide/portal";
    }
}
