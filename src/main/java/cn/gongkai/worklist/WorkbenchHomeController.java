package cn.gongkai.worklist;

import cn.gongkai.org.StaffPrincipal;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 我的待办: the workbench's home. */
@Controller
class WorkbenchHomeController {

    private final Worklist worklist;

    WorkbenchHomeController(Worklist worklist) {
        this.worklist = worklist;
    }

    @GetMapping({"/workbench", "/workbench/"})
    String home(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        List<Worklist.OpenWork> work = worklist.openFor(me);
        model.addAttribute("work", work);
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        Worklist.countByLight(work).forEach((light, n) -> counts.put(light.name(), n));
        model.addAttribute("counts", counts);
        return "worklist/home";
    }
}
