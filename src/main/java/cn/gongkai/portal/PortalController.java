package cn.gongkai.portal;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Portal home and its sections. Sections whose capability is not built yet say so plainly. */
@Controller
class PortalController {

    static final List<String> SECTIONS = List.of("guide", "catalog", "apply", "interpretation", "annual-report");

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("sections", SECTIONS);
        return "portal/home";
    }

    @GetMapping("/portal/{section}")
    String section(@PathVariable String section, Model model) {
        if (!SECTIONS.contains(section)) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND);
        }
        model.addAttribute("section", section);
        model.addAttribute("sections", SECTIONS);
        return "portal/section";
    }
}
