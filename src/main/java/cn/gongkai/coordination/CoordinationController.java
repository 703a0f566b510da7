package cn.gongkai.coordination;

import cn.gongkai.org.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 发布协调 in the workbench (the office): the requests it sent, those it received, those escalated to it as the
 * disclosure authority; a request about an item, the answer, the authority's decision, the outside agency's scan.
 */
@Controller
@RequestMapping("/workbench/coordinations")
class CoordinationController {

    private final CoordinationDesk desk;

    CoordinationController(CoordinationDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        List<Coordination> sent = desk.list(me, CoordinationDesk.Box.SENT);
        List<Coordination> received = desk.list(me, CoordinationDesk.Box.RECEIVED);
        List<Coordination> escalated = desk.list(me, CoordinationDesk.Box.ESCALATED);
        model.addAttribute("sent", sent);
        model.addAttribute("received", received);
        model.addAttribute("escalated", escalated);
        Map<Long, String> from = new HashMap<>();
        Map<Long, String> to = new HashMap<>();
        Map<Long, java.time.LocalDate> due = new HashMap<>();
        for (List<Coordination> box : List.of(sent, received, escalated)) {
            for (Coordination c : box) {
                from.put(c.getId(), desk.agencyName(c.getAgencyId()));
                to.put(c.getId(), desk.counterpart(c));
                due.put(c.getId(), desk.dueOn(c));
            }
        }
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("due", due);
        return "coordination/list";
    }

    @GetMapping("/new")
    String newRequest(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) Long itemId,
            Model model) {
        return form(me, new CoordinationForms.Request(itemId, "", "", "", false), List.of(), model);
    }

    private String form(StaffPrincipal me, CoordinationForms.Request form, List<CoordinationForms.Problem> problems,
            Model model) {
        CoordinatedItems.CoordinatedItem item = desk.item(me, form.itemId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("item", item);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("agencies", desk.otherAgencies(me));
        return "coordination/new";
    }

    @PostMapping
    String send(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) Long itemId,
            @RequestParam(required = false) String toAgency, @RequestParam(required = false) String outsideAgency,
            @RequestParam(required = false) String question, @RequestParam(defaultValue = "false") boolean urgent,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        CoordinationForms.Request form = new CoordinationForms.Request(itemId, toAgency, outsideAgency, question,
                urgent);
        try {
            Coordination c = desk.send(me, form);
            flash.addFlashAttribute("notice", "coordination.notice.sent");
            return "redirect:/workbench/coordinations/" + c.getId();
        } catch (CoordinationDesk.InvalidCoordination e) {
            response.setStatus(400);
            return form(me, form, e.problems, model);
        }
    }

    @GetMapping("/{id}")
    String view(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        return show(me, desk.visible(me, id), model, List.of(), null, null);
    }

    private String show(StaffPrincipal me, Coordination c, Model model, List<CoordinationForms.Problem> problems,
            CoordinationForms.Answer answer, CoordinationForms.Decision decision) {
        model.addAttribute("c", c);
        model.addAttribute("dueOn", desk.dueOn(c));
        model.addAttribute("fromAgency", desk.agencyName(c.getAgencyId()));
        model.addAttribute("counterpart", desk.counterpart(c));
        model.addAttribute("authority", desk.agencyName(c.getAuthorityAgencyId()));
        model.addAttribute("canAnswer", desk.canAnswer(me, c));
        model.addAttribute("canDecide", desk.canDecide(me, c));
        model.addAttribute("canScan", c.isOutside() && me.agencyId().equals(c.getAgencyId()));
        model.addAttribute("hasScan", desk.hasScan(c.getId()));
        model.addAttribute("sender", me.agencyId().equals(c.getAgencyId()));
        model.addAttribute("problems", problems);
        model.addAttribute("answerForm", answer != null ? answer : new CoordinationForms.Answer(null, "", ""));
        model.addAttribute("decisionForm", decision != null ? decision
                : new CoordinationForms.Decision(null, "", ""));
        model.addAttribute("answers", CoordinationAnswer.values());
        model.addAttribute("decisions", AuthorityDecision.values());
        return "coordination/view";
    }

    @PostMapping("/{id}/answer")
    String answer(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) CoordinationAnswer answer, @RequestParam(required = false) String wording,
            @RequestParam(required = false) String reasons, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        CoordinationForms.Answer form = new CoordinationForms.Answer(answer, wording, reasons);
        try {
            desk.answer(me, id, form);
            flash.addFlashAttribute("notice", "coordination.notice.answered");
            return "redirect:/workbench/coordinations/" + id;
        } catch (CoordinationDesk.InvalidCoordination e) {
            response.setStatus(400);
            return show(me, desk.visible(me, id), model, e.problems, form, null);
        }
    }

    @PostMapping("/{id}/decision")
    String decide(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) AuthorityDecision decision, @RequestParam(required = false) String wording,
            @RequestParam(required = false) String reasons, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        CoordinationForms.Decision form = new CoordinationForms.Decision(decision, wording, reasons);
        try {
            desk.decide(me, id, form);
            flash.addFlashAttribute("notice", "coordination.notice.decided");
            return "redirect:/workbench/coordinations/" + id;
        } catch (CoordinationDesk.InvalidCoordination e) {
            response.setStatus(400);
            return show(me, desk.visible(me, id), model, e.problems, null, form);
        }
    }

    @PostMapping("/{id}/scan")
    String scan(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) MultipartFile scan, Model model, RedirectAttributes flash,
            HttpServletResponse response) throws IOException {
        try {
            desk.attachScan(me, id, scan == null ? null : scan.getOriginalFilename(),
                    scan == null || scan.getSize() > CoordinationDesk.MAX_SCAN_BYTES ? (scan == null ? null
                            : new byte[CoordinationDesk.MAX_SCAN_BYTES + 1]) : scan.getBytes());
            flash.addFlashAttribute("notice", "coordination.notice.scan");
            return "redirect:/workbench/coordinations/" + id;
        } catch (CoordinationDesk.InvalidCoordination e) {
            response.setStatus(400);
            return show(me, desk.visible(me, id), model, e.problems, null, null);
        }
    }

    @GetMapping("/{id}/scan")
    ResponseEntity<byte[]> downloadScan(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        CoordinationScan s = desk.scan(me, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(s.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(s.getFilename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(s.getContent());
    }
}
