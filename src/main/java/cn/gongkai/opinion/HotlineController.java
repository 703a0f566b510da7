package cn.gongkai.opinion;

import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 96128 热线 in the workbench: the calls with their due dates, the form to log one, and each call's page. */
@Controller
@RequestMapping("/workbench/hotline")
class HotlineController {

    private final HotlineDesk desk;
    private final OrgDirectory org;

    HotlineController(HotlineDesk desk, OrgDirectory org) {
        this.desk = desk;
        this.org = org;
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        return list(me, model, new HotlineDesk.Log("", "", null, "", "", "", null), List.of());
    }

    private String list(StaffPrincipal me, Model model, HotlineDesk.Log form, List<OpinionForms.Problem> problems) {
        List<HotlineCall> calls = desk.list(me);
        Map<Long, LocalDate> due = new HashMap<>();
        Map<Long, String> callers = new HashMap<>();
        Map<Long, String> departments = new HashMap<>();
        calls.forEach(c -> {
            due.put(c.getId(), desk.dueOn(c));
            callers.put(c.getId(), desk.maskedPhone(c));
            departments.put(c.getId(), desk.departmentName(c));
        });
        model.addAttribute("calls", calls);
        model.addAttribute("due", due);
        model.addAttribute("callers", callers);
        model.addAttribute("callDepartments", departments);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("departments", org.departmentNames(me.agencyId()));
        return "opinion/hotline";
    }

    @PostMapping
    String log(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String callerName,
            @RequestParam(required = false) String callerPhone, @RequestParam(required = false) String calledAt,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String content,
            @RequestParam(required = false) Long departmentId, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        HotlineDesk.Log form = new HotlineDesk.Log(callerName, callerPhone, OpinionApiController.instant(calledAt),
                calledAt, subject, content, departmentId);
        try {
            HotlineCall c = desk.log(me, form);
            flash.addFlashAttribute("notice", "hotline.notice.logged");
            return "redirect:/workbench/hotline/" + c.getId();
        } catch (OpinionDesk.InvalidOpinion e) {
            response.setStatus(400);
            return list(me, model, form, e.problems);
        }
    }

    @GetMapping("/{id}")
    String view(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        return show(me, desk.visible(me, id), model, List.of(), "", null);
    }

    private String show(StaffPrincipal me, HotlineCall c, Model model, List<OpinionForms.Problem> problems,
            String typedAnswer, String[] personal) {
        boolean office = me.has(cn.gongkai.org.Role.OFFICE);
        model.addAttribute("c", c);
        model.addAttribute("names", org.names(me.agencyId()));
        model.addAttribute("maskedName", desk.maskedName(c));
        model.addAttribute("maskedPhone", desk.maskedPhone(c));
        model.addAttribute("personal", personal);
        model.addAttribute("department", desk.departmentName(c));
        model.addAttribute("dueOn", desk.dueOn(c));
        model.addAttribute("canAnswer", desk.canAnswer(me, c));
        model.addAttribute("canConvert", office && c.getStatus() != HotlineCall.Status.CONVERTED);
        model.addAttribute("canComplaint", office && !c.isComplaint());
        model.addAttribute("problems", problems);
        model.addAttribute("typedAnswer", typedAnswer);
        return "opinion/call";
    }

    @PostMapping("/{id}/answer")
    String answer(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String answer, @RequestParam(defaultValue = "false") boolean calledBack,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            desk.answer(me, id, answer, calledBack);
            flash.addFlashAttribute("notice", "hotline.notice.answered");
            return "redirect:/workbench/hotline/" + id;
        } catch (OpinionDesk.InvalidOpinion e) {
            response.setStatus(400);
            return show(me, desk.visible(me, id), model, e.problems, answer == null ? "" : answer, null);
        }
    }

    @PostMapping("/{id}/complaint")
    String complaint(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, RedirectAttributes flash) {
        desk.markComplaint(me, id);
        flash.addFlashAttribute("notice", "hotline.notice.complaint");
        return "redirect:/workbench/hotline/" + id;
    }

    @PostMapping("/{id}/personal-data")
    String personalData(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        String[] personal = desk.personalData(me, id);
        return show(me, desk.visible(me, id), model, List.of(), "", personal);
    }
}
