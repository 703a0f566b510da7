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

/** 网民留言办理 in the workbench: the office assigns, reviews and publishes; the department answers. */
@Controller
@RequestMapping("/workbench/messages")
class MessageController {

    private final MessageDesk desk;
    private final OrgDirectory org;

    MessageController(MessageDesk desk, OrgDirectory org) {
        this.desk = desk;
        this.org = org;
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        List<CitizenMessage> all = desk.list(me);
        Map<Long, LocalDate> due = new HashMap<>();
        Map<Long, String> departments = new HashMap<>();
        all.forEach(m -> {
            if (m.getAssignedOn() != null) {
                due.put(m.getId(), desk.answerDue(m));
            }
            departments.put(m.getId(), desk.departmentName(m));
        });
        model.addAttribute("messages", all);
        model.addAttribute("due", due);
        model.addAttribute("departments", departments);
        return "opinion/messages";
    }

    @GetMapping("/{id}")
    String view(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        return show(me, desk.visible(me, id), model, List.of(), Map.of(), null);
    }

    private String show(StaffPrincipal me, CitizenMessage m, Model model, List<OpinionForms.Problem> problems,
            Map<String, String> typed, String[] personal) {
        boolean office = me.has(cn.gongkai.org.Role.OFFICE);
        model.addAttribute("m", m);
        model.addAttribute("maskedName", desk.maskedName(m));
        model.addAttribute("maskedContact", desk.maskedContact(m));
        model.addAttribute("personal", personal);
        model.addAttribute("department", desk.departmentName(m));
        model.addAttribute("answerDue", desk.answerDue(m));
        model.addAttribute("departments", org.departmentNames(me.agencyId()));
        model.addAttribute("canAssign", office && m.getStatus() == CitizenMessage.Status.RECEIVED);
        model.addAttribute("canAnswer", desk.canAnswer(me, m));
        model.addAttribute("canReview", office && m.getStatus() == CitizenMessage.Status.ANSWERED);
        model.addAttribute("canPublish", office && m.getStatus() == CitizenMessage.Status.REPLIED && m.isConsent()
                && m.getPublishedAt() == null);
        model.addAttribute("canConvert", office && m.getStatus() != CitizenMessage.Status.CONVERTED);
        model.addAttribute("canComplaint", office && !m.isComplaint());
        model.addAttribute("canUnpublish", office && m.getPublishedAt() != null);
        model.addAttribute("problems", problems);
        model.addAttribute("typed", typed);
        if (office && m.getStatus() == CitizenMessage.Status.REPLIED && m.getPublishedAt() == null) {
            String[] r = desk.redacted(m);
            model.addAttribute("draftSubject", typed.getOrDefault("publishedSubject", r[0]));
            model.addAttribute("draftContent", typed.getOrDefault("publishedContent", r[1]));
            model.addAttribute("draftAnswer", typed.getOrDefault("publishedAnswer", r[2]));
        }
        return "opinion/message";
    }

    @PostMapping("/{id}/assign")
    String assign(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Long departmentId, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            desk.assign(me, id, departmentId);
            flash.addFlashAttribute("notice", "message.notice.assigned");
            return "redirect:/workbench/messages/" + id;
        } catch (OpinionDesk.InvalidOpinion e) {
            response.setStatus(400);
            return show(me, desk.visible(me, id), model, e.problems, Map.of(), null);
        }
    }

    @PostMapping("/{id}/answer")
    String answer(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String answer, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            desk.answer(me, id, answer);
            flash.addFlashAttribute("notice", "message.notice.answered");
            return "redirect:/workbench/messages/" + id;
        } catch (OpinionDesk.InvalidOpinion e) {
            response.setStatus(400);
            return show(me, desk.visible(me, id), model, e.problems, Map.of("answer", answer == null ? ""
                    : answer), null);
        }
    }

    @PostMapping("/{id}/review")
    String review(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(defaultValue = "true") boolean approve, @RequestParam(required = false) String note,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            desk.review(me, id, approve, note);
            flash.addFlashAttribute("notice", approve ? "message.notice.replied" : "message.notice.returned");
            return "redirect:/workbench/messages/" + id;
        } catch (OpinionDesk.InvalidOpinion e) {
            response.setStatus(400);
            return show(me, desk.visible(me, id), model, e.problems, Map.of("note", note == null ? "" : note),
                    null);
        }
    }

    @PostMapping("/{id}/publish")
    String publish(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String publishedSubject,
            @RequestParam(required = false) String publishedContent,
            @RequestParam(required = false) String publishedAnswer, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            desk.publish(me, id, publishedSubject, publishedContent, publishedAnswer);
            flash.addFlashAttribute("notice", "message.notice.published");
            return "redirect:/workbench/messages/" + id;
        } catch (OpinionDesk.InvalidOpinion e) {
            response.setStatus(400);
            return show(me, desk.visible(me, id), model, e.problems, Map.of(
                    "publishedSubject", publishedSubject == null ? "" : publishedSubject,
                    "publishedContent", publishedContent == null ? "" : publishedContent,
                    "publishedAnswer", publishedAnswer == null ? "" : publishedAnswer), null);
        }
    }

    @PostMapping("/{id}/unpublish")
    String unpublish(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            desk.unpublish(me, id, reason);
            flash.addFlashAttribute("notice", "message.notice.unpublished");
            return "redirect:/workbench/messages/" + id;
        } catch (OpinionDesk.InvalidOpinion e) {
            response.setStatus(400);
            return show(me, desk.visible(me, id), model, e.problems, Map.of("reason", reason == null ? ""
                    : reason), null);
        }
    }

    @PostMapping("/{id}/complaint")
    String complaint(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, RedirectAttributes flash) {
        desk.markComplaint(me, id);
        flash.addFlashAttribute("notice", "message.notice.complaint");
        return "redirect:/workbench/messages/" + id;
    }

    /** The citizen's name and contact in full; the view is audited. */
    @PostMapping("/{id}/personal-data")
    String personalData(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        String[] personal = desk.personalData(me, id);
        return show(me, desk.visible(me, id), model, List.of(), Map.of(), personal);
    }
}
