package cn.gongkai.document;

import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secrecy bureau on the platform (保密审查制度 九、十二): its reviewer reads each determination an agency sent it (the
 * item's text and the materials), extends once by at most 7 working days, and answers with the level determined;
 * the item then returns to its agency's confidentiality review. Pages under {@code /workbench/determinations}, data
 * under {@code /api/v1/determinations}.
 */
@Controller
class BureauDeterminationController {

    private final InfoItemWorkflow workflow;
    private final OrgDirectory org;
    private final MessageSource messages;

    BureauDeterminationController(InfoItemWorkflow workflow, OrgDirectory org, MessageSource messages) {
        this.workflow = workflow;
        this.org = org;
        this.messages = messages;
    }

    private static void requireReviewer(StaffPrincipal me) {
        if (!me.has(Role.SECRECY_REVIEWER)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    @GetMapping("/workbench/determinations")
    String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        requireReviewer(me);
        List<SecrecyDetermination> all = workflow.sentToBureau(me);
        Map<Long, String> titles = new HashMap<>();
        Map<Long, String> agencies = new HashMap<>();
        for (SecrecyDetermination d : all) {
            InfoItem item = workflow.determinedItem(d);
            titles.put(d.getId(), item.getTitle());
            agencies.put(d.getId(), org.agency(item.getAgencyId()).map(a -> a.getName()).orElse(""));
        }
        model.addAttribute("determinations", all);
        model.addAttribute("titles", titles);
        model.addAttribute("agencies", agencies);
        return "document/determinations";
    }

    @GetMapping("/workbench/determinations/{id}")
    String view(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        requireReviewer(me);
        return show(workflow.bureauDetermination(me, id), model, null);
    }

    private String show(SecrecyDetermination d, Model model, String problem) {
        InfoItem item = workflow.determinedItem(d);
        model.addAttribute("d", d);
        model.addAttribute("item", item);
        model.addAttribute("agencyName", org.agency(item.getAgencyId()).map(a -> a.getName()).orElse(""));
        model.addAttribute("levels", SecrecyLevel.values());
        model.addAttribute("problem", problem);
        return "document/determination";
    }

    @PostMapping("/workbench/determinations/{id}/answer")
    String answer(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) SecrecyLevel level, @RequestParam(required = false) String answer,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        requireReviewer(me);
        try {
            workflow.answerAsBureau(me, id, level, answer);
            flash.addFlashAttribute("notice", "document.bureau.notice.answered");
            return "redirect:/workbench/determinations/" + id;
        } catch (DocumentRuleViolation e) {
            response.setStatus(e.field() != null ? 400 : 409);
            return show(workflow.bureauDetermination(me, id), model, e.rule());
        }
    }

    @PostMapping("/workbench/determinations/{id}/extension")
    String extend(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) Integer days, @RequestParam(required = false) String note, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        requireReviewer(me);
        try {
            workflow.extendAsBureau(me, id, days == null ? 0 : days, note);
            flash.addFlashAttribute("notice", "document.bureau.notice.extended");
            return "redirect:/workbench/determinations/" + id;
        } catch (DocumentRuleViolation e) {
            response.setStatus(e.field() != null ? 400 : 409);
            return show(workflow.bureauDetermination(me, id), model, e.rule());
        }
    }

    // ---- API ------------------------------------------------------------------------------------------------------

    record AnswerBody(SecrecyLevel level, String answer) {
    }

    record ExtensionBody(Integer days, String note) {
    }

    @GetMapping(path = "/api/v1/determinations", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Map<String, Object>> apiList(@AuthenticationPrincipal StaffPrincipal me) {
        requireReviewer(me);
        return workflow.sentToBureau(me).stream().map(this::json).toList();
    }

    @PostMapping(path = "/api/v1/determinations/{id}/answer", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> apiAnswer(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestBody AnswerBody body) {
        requireReviewer(me);
        workflow.answerAsBureau(me, id, body.level(), body.answer());
        return json(workflow.bureauDetermination(me, id));
    }

    @PostMapping(path = "/api/v1/determinations/{id}/extension", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> apiExtend(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestBody ExtensionBody body) {
        requireReviewer(me);
        workflow.extendAsBureau(me, id, body.days() == null ? 0 : body.days(), body.note());
        return json(workflow.bureauDetermination(me, id));
    }

    private Map<String, Object> json(SecrecyDetermination d) {
        InfoItem item = workflow.determinedItem(d);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.getId());
        out.put("agency", org.agency(item.getAgencyId()).map(a -> a.getName()).orElse(""));
        out.put("itemTitle", item.getTitle());
        out.put("requestedOn", d.getRequestedOn().toString());
        out.put("reason", d.getReason());
        out.put("materials", d.getMaterials());
        out.put("extensionDays", d.getExtensionDays());
        out.put("level", d.getAnswerLevel() == null ? null : d.getAnswerLevel().name());
        out.put("answer", d.getAnswer());
        out.put("answeredOn", d.getAnsweredOn() == null ? null : d.getAnsweredOn().toString());
        return out;
    }

    @ExceptionHandler(DocumentRuleViolation.class)
    @ResponseBody
    ResponseEntity<Map<String, Object>> refused(DocumentRuleViolation e) {
        boolean bad = e.field() != null;
        String text = messages.getMessage(e.rule(), null, e.rule(), Locale.SIMPLIFIED_CHINESE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", bad ? 400 : 409);
        body.put("rule", e.rule());
        body.put("message", text);
        if (bad) {
            body.put("errors", List.of(Map.of("field", e.field(), "message", text)));
        }
        return ResponseEntity.status(bad ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT).body(body);
    }
}
