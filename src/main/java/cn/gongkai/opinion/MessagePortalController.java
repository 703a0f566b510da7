package cn.gongkai.opinion;

import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.request.IntakeGuard;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.View;

/**
 * 网民留言 on the portal, no login: the form (guarded as the request form is: a one-time signed token, a hidden field
 * people never fill, a per-address limit; post/redirect/get), the receipt with the number and the query code, reading
 * the answer with the code (sent by POST, never in a URL), and 留言选登 with its search.
 */
@Controller
class MessagePortalController {

    static final List<String> SECTIONS = List.of("guide", "catalog", "apply", "interpretation", "annual-report");
    static final String RECEIPT = MessagePortalController.class.getName() + ".receipt";

    private final OrgDirectory org;
    private final IntakeGuard guard;
    private final MessageDesk desk;

    MessagePortalController(OrgDirectory org, IntakeGuard guard, MessageDesk desk) {
        this.org = org;
        this.guard = guard;
        this.desk = desk;
    }

    record KeptReceipt(String formTokenHash, String number, String code) implements Serializable {
    }

    @ModelAttribute
    void shell(Model model) {
        model.addAttribute("section", "messages");
        model.addAttribute("sections", SECTIONS);
    }

    private Agency agency() {
        return org.portalAgency().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/portal/messages")
    String page(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") String page,
            Model model, HttpServletResponse response) {
        form(model, new MessageDesk.Leave("", "", "", "", false), List.of());
        return published(q, page, model, response);
    }

    private String published(String q, String pageText, Model model, HttpServletResponse response) {
        int page;
        try {
            page = Integer.parseInt(pageText == null ? "0" : pageText.strip());
        } catch (NumberFormatException e) {
            page = 0;
        }
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("page", page);
        try {
            model.addAttribute("published", desk.published(agency().getId(), q, page));
        } catch (OpinionDesk.InvalidOpinion e) {
            response.setStatus(400);
            model.addAttribute("published", List.of());
            model.addAttribute("searchProblem", e.problems.getFirst().key());
        }
        return "opinion/portal-messages";
    }

    private void form(Model model, MessageDesk.Leave form, List<OpinionForms.Problem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("formToken", guard.issue());
    }

    @PostMapping("/portal/messages")
    String leave(@RequestParam(required = false) String name, @RequestParam(required = false) String contact,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String content,
            @RequestParam(defaultValue = "false") boolean consent,
            @RequestParam(name = "formToken", required = false) String token,
            @RequestParam(name = "website", required = false) String honeypot, HttpServletRequest request,
            HttpServletResponse response, HttpSession session, Model model) {
        if (token != null && session.getAttribute(RECEIPT) instanceof KeptReceipt kept
                && kept.formTokenHash().equals(IntakeGuard.tokenHash(token))) {
            return seeOther(request, "/portal/messages/receipt");
        }
        MessageDesk.Leave form = new MessageDesk.Leave(name, contact, subject, content, consent);
        String refusal = guard.check(request.getRemoteAddr(), token, honeypot);
        List<OpinionForms.Problem> problems = form.problems();
        if (refusal == null && problems.isEmpty()) {
            String kept = IntakeGuard.tokenHash(token);
            if (desk.leaveOnce(token, agency().getId(), form, left -> session.setAttribute(RECEIPT,
                    new KeptReceipt(kept, left.number(), left.code()))).isPresent()) {
                return seeOther(request, "/portal/messages/receipt");
            }
            refusal = IntakeGuard.SPENT;
        }
        response.setStatus(refusal != null && refusal.endsWith("rateLimited") ? 429 : 400);
        if (refusal != null) {
            model.addAttribute("problem", refusal);
        }
        form(model, form, problems);
        return published(null, "0", model, response);
    }

    @GetMapping("/portal/messages/receipt")
    String receipt(HttpSession session, HttpServletRequest request, Model model) {
        Object kept = session.getAttribute(RECEIPT);
        if (kept == null) {
            return seeOther(request, "/portal/messages");
        }
        model.addAttribute("receipt", kept);
        return "opinion/portal-message-receipt";
    }

    @GetMapping("/portal/messages/track")
    String trackForm() {
        return "opinion/portal-message-track";
    }

    @PostMapping("/portal/messages/track")
    String track(@RequestParam(required = false) String number, @RequestParam(required = false) String code,
            Model model, HttpServletResponse response) {
        model.addAttribute("number", number == null ? "" : number.strip());
        desk.track(number, code).filter(m -> m.getAgencyId().equals(agency().getId())).ifPresentOrElse(
                m -> model.addAttribute("message", m),
                () -> {
                    response.setStatus(404);
                    model.addAttribute("problem", "message.track.notFound");
                });
        return "opinion/portal-message-track";
    }

    private static String seeOther(HttpServletRequest request, String path) {
        request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
        return "redirect:" + path;
    }
}
