package cn.gongkai.opinion;

import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.ReportRenderer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 舆情回应 in the workbench: the list with each event's next deadline, the form to record one, and the event's page
 * with its deadlines, triage, report, responses, files, timeline and closure; the daily log (舆情日志) and the
 * special report (舆情专报) as DOCX.
 */
@Controller
@RequestMapping("/workbench/opinion")
class OpinionController {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final OpinionDesk desk;
    private final OpinionDocuments documents;
    private final OrgDirectory org;
    private final org.springframework.context.MessageSource messages;
    private final ReportRenderer renderer = new ReportRenderer();

    OpinionController(OpinionDesk desk, OpinionDocuments documents, OrgDirectory org,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.desk = desk;
        this.documents = documents;
        this.org = org;
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        List<OpinionEvent> events = desk.list(me);
        Instant now = desk.now();
        Map<Long, OpinionDeadline> next = new HashMap<>();
        Map<Long, Boolean> late = new HashMap<>();
        Map<Long, List<OpinionDeadline>> clocks = desk.deadlines(events);
        for (OpinionEvent e : events) {
            List<OpinionDeadline> ds = clocks.getOrDefault(e.getId(), List.of());
            ds.stream().filter(d -> d.getDoneAt() == null).findFirst().ifPresent(d -> next.put(e.getId(), d));
            late.put(e.getId(), e.getStatus() != OpinionEvent.Status.CLOSED && ds.stream().anyMatch(d -> d.late(now)
                    && d.getDoneAt() == null));
        }
        model.addAttribute("events", events);
        model.addAttribute("next", next);
        model.addAttribute("late", late);
        model.addAttribute("today", LocalDate.ofInstant(desk.now(), OpinionDesk.ZONE));
        return "opinion/list";
    }

    @GetMapping("/new")
    String newEvent(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        OpinionDesk.requireRecorder(me);
        // When found: now, to the minute, unless the member found it earlier and says so.
        Instant now = desk.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        return form(me, new OpinionForms.Event(null, "", "", "", now, "", RiskLevel.GENERAL, "GENERAL", null),
                List.of(), model);
    }

    private String form(StaffPrincipal me, OpinionForms.Event form, List<OpinionForms.Problem> problems,
            Model model) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("sources", OpinionSource.values());
        model.addAttribute("levels", RiskLevel.values());
        model.addAttribute("departments", org.departmentNames(me.agencyId()));
        return "opinion/new";
    }

    @PostMapping
    String record(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String source,
            @RequestParam(required = false) String url, @RequestParam(required = false) String content,
            @RequestParam(required = false) String foundAt, @RequestParam(required = false) String level,
            @RequestParam(required = false) Long departmentId, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        OpinionForms.Event form = new OpinionForms.Event(OpinionApiController.parse(OpinionSource.class, source),
                source, url, content, OpinionApiController.instant(foundAt), foundAt,
                OpinionApiController.parse(RiskLevel.class, level), level, departmentId);
        try {
            OpinionEvent e = desk.record(me, form);
            flash.addFlashAttribute("notice", "opinion.notice.recorded");
            return "redirect:/workbench/opinion/" + e.getId();
        } catch (OpinionDesk.InvalidOpinion e) {
            response.setStatus(400);
            return form(me, form, e.problems, model);
        }
    }

    @GetMapping("/{id}")
    String view(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        return show(me, desk.visible(me, id), model, List.of(), Map.of());
    }

    private String show(StaffPrincipal me, OpinionEvent e, Model model, List<OpinionForms.Problem> problems,
            Map<String, String> typed) {
        Instant now = desk.now();
        model.addAttribute("e", e);
        model.addAttribute("names", org.names(me.agencyId()));
        model.addAttribute("department", desk.departmentName(e, e.getDepartmentId()));
        List<OpinionDeadline> deadlines = desk.deadlines(e.getId());
        model.addAttribute("deadlines", deadlines);
        model.addAttribute("lateKinds", deadlines.stream().filter(d -> d.late(now))
                .map(OpinionDeadline::getKind).toList());
        model.addAttribute("responses", desk.responses(e.getId()));
        model.addAttribute("timeline", desk.timeline(e.getId()));
        List<OpinionFile> files = desk.files(e.getId());
        model.addAttribute("files", files);
        // What the privacy scan found, in words: 手机号码、身份证号码 ×2.
        Map<Long, String> findings = new HashMap<>();
        for (OpinionFile f : files) {
            if (f.getFindings() != null) {
                String[] parts = f.getFindings().split(" ", 2);
                String kinds = String.join("、", java.util.Arrays.stream(parts[0].split(",")).map(k -> messages
                        .getMessage("document.findingType." + k, null, k, java.util.Locale.SIMPLIFIED_CHINESE))
                        .toList());
                findings.put(f.getId(), kinds + (parts.length > 1 ? " " + parts[1] : ""));
            }
        }
        model.addAttribute("findings", findings);
        model.addAttribute("canTriage", desk.canTriage(me, e));
        model.addAttribute("canAct", desk.canAct(me, e));
        model.addAttribute("canReport", desk.canAct(me, e) && e.getReportedAt() == null);
        model.addAttribute("canClose", desk.canTriage(me, e));
        model.addAttribute("canAttach", e.getStatus() != OpinionEvent.Status.CLOSED);
        model.addAttribute("problems", problems);
        model.addAttribute("typed", typed);
        model.addAttribute("levels", RiskLevel.values());
        model.addAttribute("kinds", OpinionResponse.Kind.values());
        model.addAttribute("departments", org.departmentNames(me.agencyId()));
        return "opinion/view";
    }

    @PostMapping("/{id}/triage")
    String triage(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String level, @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) String analysis, @RequestParam(required = false) String plan,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            desk.triage(me, id, new OpinionForms.Triage(OpinionApiController.parse(RiskLevel.class, level), level,
                    departmentId, analysis, plan));
            flash.addFlashAttribute("notice", "opinion.notice.triaged");
            return "redirect:/workbench/opinion/" + id;
        } catch (OpinionDesk.InvalidOpinion e) {
            response.setStatus(400);
            return show(me, desk.visible(me, id), model, e.problems, typed("level", level, "analysis", analysis,
                    "plan", plan, "departmentId", departmentId == null ? "" : departmentId.toString()));
        }
    }

    @PostMapping("/{id}/report")
    String report(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String reportText, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            desk.report(me, id, reportText);
            flash.addFlashAttribute("notice", "opinion.notice.reported");
            return "redirect:/workbench/opinion/" + id;
        } catch (OpinionDesk.InvalidOpinion e) {
            response.setStatus(400);
            return show(me, desk.visible(me, id), model, e.problems, typed("reportText", reportText));
        } catch (OpinionRuleViolation e) {
            flash.addFlashAttribute("problem", e.rule());
            return "redirect:/workbench/opinion/" + id;
        }
    }

    @PostMapping("/{id}/responses")
    String respond(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String text,
            @RequestParam(required = false) String itemId, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        Long item = null;
        if (itemId != null && !itemId.isBlank()) {
            try {
                item = Long.valueOf(itemId.strip());
            } catch (NumberFormatException e) {
                response.setStatus(400);
                return show(me, desk.visible(me, id), model, List.of(new OpinionForms.Problem("itemId",
                        "opinion.error.itemId.unknown")), typed("kind", kind, "text", text, "itemId", itemId));
            }
        }
        try {
            desk.respond(me, id, new OpinionForms.Response(OpinionApiController.parse(OpinionResponse.Kind.class,
                    kind), kind, text, item));
            flash.addFlashAttribute("notice", "opinion.notice.responded");
            return "redirect:/workbench/opinion/" + id;
        } catch (OpinionDesk.InvalidOpinion e) {
            response.setStatus(400);
            return show(me, desk.visible(me, id), model, e.problems, typed("kind", kind, "text", text, "itemId",
                    itemId));
        } catch (OpinionRuleViolation e) {
            response.setStatus(409);
            model.addAttribute("problem", e.rule());
            return show(me, desk.visible(me, id), model, List.of(), typed("kind", kind, "text", text, "itemId",
                    itemId));
        }
    }

    @PostMapping("/{id}/close")
    String close(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String summary, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            desk.close(me, id, summary);
            flash.addFlashAttribute("notice", "opinion.notice.closed");
            return "redirect:/workbench/opinion/" + id;
        } catch (OpinionDesk.InvalidOpinion e) {
            response.setStatus(400);
            return show(me, desk.visible(me, id), model, e.problems, typed("summary", summary));
        } catch (OpinionRuleViolation e) {
            response.setStatus(409);
            model.addAttribute("problem", e.rule());
            return show(me, desk.visible(me, id), model, List.of(), typed("summary", summary));
        }
    }

    @PostMapping("/{id}/files")
    String attach(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes flash,
            HttpServletResponse response) throws IOException {
        try {
            byte[] bytes = file == null ? null : file.getSize() > OpinionDesk.MAX_FILE_BYTES
                    ? new byte[OpinionDesk.MAX_FILE_BYTES + 1] : file.getBytes();
            desk.attach(me, id, file == null ? null : file.getOriginalFilename(), bytes);
            flash.addFlashAttribute("notice", "opinion.notice.file");
            return "redirect:/workbench/opinion/" + id;
        } catch (OpinionDesk.InvalidOpinion e) {
            response.setStatus(400);
            return show(me, desk.visible(me, id), model, e.problems, Map.of());
        } catch (OpinionRuleViolation e) {
            flash.addFlashAttribute("problem", e.rule());
            return "redirect:/workbench/opinion/" + id;
        }
    }

    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @PathVariable long fileId) {
        OpinionFile f = desk.file(me, id, fileId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.getFilename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(f.content());
    }

    /** 舆情专报: one event, as a DOCX for the leaders. */
    @GetMapping("/{id}/special-report.docx")
    ResponseEntity<byte[]> specialReport(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        OpinionEvent e = desk.visible(me, id);
        return docx(renderer.docx(documents.specialReport(me, e)), "舆情专报-" + e.getId() + ".docx");
    }

    /** 舆情日志: the events found or worked on one day, as a DOCX. */
    @GetMapping("/log.docx")
    ResponseEntity<byte[]> dailyLog(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(required = false) String day) {
        OpinionDesk.requireReader(me);
        LocalDate d;
        try {
            d = day == null || day.isBlank() ? LocalDate.ofInstant(desk.now(), OpinionDesk.ZONE) : LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw new OpinionDesk.InvalidOpinion(List.of(new OpinionForms.Problem("day", "opinion.error.day.invalid")));
        }
        return docx(renderer.docx(documents.dailyLog(me, d)), "舆情日志-" + d + ".docx");
    }

    private static ResponseEntity<byte[]> docx(byte[] body, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(DOCX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static Map<String, String> typed(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return m;
    }
}
