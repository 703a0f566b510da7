package cn.gongkai.request;

import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reply letters (告知书) as DOCX and PDF for staff and, once replied, for the applicant; the extension notice
 * (延期答复告知书); what a letter cites beyond outcome and form; the office's templates.
 */
@Controller
class LetterController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final RequestDesk desk;
    private final ReplyLetters letters;
    private final MessageSource messages;
    private final PortalTracking tracking;

    LetterController(RequestDesk desk, ReplyLetters letters, MessageSource messages, PortalTracking tracking) {
        this.desk = desk;
        this.letters = letters;
        this.messages = messages;
        this.tracking = tracking;
    }

    @GetMapping("/workbench/requests/{id}/letter.docx")
    ResponseEntity<byte[]> docx(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id) {
        InfoRequest r = desk.get(me, id);
        return file(r.getTrackingNumber() + "-答复告知书.docx", DOCX, guarded(() -> letters.docx(r)));
    }

    @GetMapping("/workbench/requests/{id}/letter.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id) {
        InfoRequest r = desk.get(me, id);
        return file(r.getTrackingNumber() + "-答复告知书.pdf", MediaType.APPLICATION_PDF, guarded(() -> letters.pdf(r)));
    }

    /**
     * The applicant downloads the letter of the request tracked in this browser's session (number and code were given
     * by POST on the tracking page), once the reply is made; 404 otherwise. A code in the URL is not accepted.
     */
    @GetMapping("/portal/track/letter.pdf")
    ResponseEntity<byte[]> publicPdf(HttpSession session) {
        InfoRequest r = tracking.current(session).filter(ReplyLetters::hasLetter)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return file(r.getTrackingNumber() + "-答复告知书.pdf", MediaType.APPLICATION_PDF, guarded(() -> letters.pdf(r)));
    }

    /**
     * 延期答复告知书 for the applicant (Art. 33 para. 2), for the request tracked in this browser's session once the
     * extension is approved; 404 otherwise.
     */
    @GetMapping("/portal/track/extension-notice.pdf")
    ResponseEntity<byte[]> publicExtensionNotice(HttpSession session) {
        InfoRequest r = tracking.current(session).filter(x -> x.getExtensionApprovedOn() != null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return file(r.getTrackingNumber() + "-延期答复告知书.pdf", MediaType.APPLICATION_PDF, guarded(() -> {
            ReplyLetters.ExtensionDates d = letters.extensionDates(r);
            return letters.extensionNoticePdf(r, d.decidedOn(), d.originalDue(), d.newDue());
        }));
    }

    /** 延期答复告知书 (Art. 33 para. 2) once the extension is approved; 404 before. */
    @GetMapping("/workbench/requests/{id}/extension-notice.pdf")
    ResponseEntity<byte[]> extensionNoticePdf(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id) {
        InfoRequest r = desk.get(me, id);
        return file(r.getTrackingNumber() + "-延期答复告知书.pdf", MediaType.APPLICATION_PDF, guarded(() -> {
            ReplyLetters.ExtensionDates d = letters.extensionDates(r);
            return letters.extensionNoticePdf(r, d.decidedOn(), d.originalDue(), d.newDue());
        }));
    }

    @GetMapping("/workbench/requests/{id}/extension-notice.docx")
    ResponseEntity<byte[]> extensionNoticeDocx(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id) {
        InfoRequest r = desk.get(me, id);
        return file(r.getTrackingNumber() + "-延期答复告知书.docx", DOCX, guarded(() -> {
            ReplyLetters.ExtensionDates d = letters.extensionDates(r);
            return letters.extensionNoticeDocx(r, d.decidedOn(), d.originalDue(), d.newDue());
        }));
    }

    /** What the letter cites beyond outcome and form: withheld parts and their basis, the law, the agency, the article. */
    @GetMapping("/workbench/requests/{id}/letter-particulars")
    String particulars(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model) {
        InfoRequest r = desk.get(me, id);
        model.addAttribute("r", r);
        model.addAttribute("p", letters.particulars(r.getId()));
        model.addAttribute("bases", WithholdingBasis.values());
        return "request/letter-particulars";
    }

    @PostMapping("/workbench/requests/{id}/letter-particulars")
    String saveParticulars(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(required = false) String law, @RequestParam(required = false) String agency,
            @RequestParam(required = false) String agencyContacts, @RequestParam(required = false) String article,
            @RequestParam(required = false) List<String> withheldPart,
            @RequestParam(required = false) List<String> withheldBasis,
            @RequestParam(required = false) List<String> withheldLaw, RedirectAttributes flash) {
        InfoRequest r = desk.get(me, id);
        // The letter is fixed once the reply is made; until then the handler and the office may change what it cites.
        if (!r.isOpen() || !(me.has(Role.OFFICE) || Objects.equals(me.departmentId(), r.getDepartmentId()))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        List<ReplyParticulars.WithheldPart> parts = new ArrayList<>();
        int n = withheldPart == null ? 0 : withheldPart.size();
        for (int i = 0; i < n; i++) {
            String part = withheldPart.get(i);
            String basis = withheldBasis != null && i < withheldBasis.size() ? withheldBasis.get(i) : null;
            if ((part == null || part.isBlank()) && (basis == null || basis.isBlank())) {
                continue;
            }
            try {
                parts.add(new ReplyParticulars.WithheldPart(part, basis == null || basis.isBlank() ? null
                        : WithholdingBasis.valueOf(basis), withheldLaw != null && i < withheldLaw.size()
                                ? withheldLaw.get(i) : null));
            } catch (RequestRuleViolation | IllegalArgumentException e) {
                flash.addFlashAttribute("problem", "request.letter.error.withheldPart");
                return "redirect:/workbench/requests/" + id + "/letter-particulars";
            }
        }
        letters.recordParticulars(r.getId(), new ReplyParticulars(parts, law, agency, agencyContacts, article),
                me.getUsername());
        flash.addFlashAttribute("notice", "request.letter.particulars.saved");
        return "redirect:/workbench/requests/" + id + "/letter-particulars";
    }

    /**
     * Which reply forms fit each outcome ({@link ReplyForms}), for the draft-reply form to offer only those:
     * {@code {"DISCLOSED":[{"form":"ALREADY_PUBLIC","label":"…"},…],…}}; 无法提供-3 only once the request was amended.
     */
    @GetMapping(path = "/workbench/requests/{id}/reply-forms", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, List<Map<String, String>>> replyForms(@AuthenticationPrincipal StaffPrincipal me,
            @PathVariable Long id, Locale locale) {
        InfoRequest r = desk.get(me, id);
        Map<String, List<Map<String, String>>> all = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            all.put(o.name(), ReplyForms.forms(o, r.getAmendedOn() != null).stream().map(f -> Map.of("form", f.name(),
                    "label", messages.getMessage("request.replyForm." + f.name(), null, locale))).toList());
        }
        return all;
    }

    @GetMapping("/workbench/requests/letter-templates")
    @PreAuthorize("hasAnyRole('OFFICE','LEADER')")
    String templates(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("templates", letters.templates(me.agencyId()));
        model.addAttribute("placeholders", LetterPlaceholders.NAMES);
        return "request/letter-templates";
    }

    /** Saves the office's template of one kind: a reply form's name or {@code EXTENSION_NOTICE}. */
    @PostMapping("/workbench/requests/letter-templates")
    @PreAuthorize("hasRole('OFFICE')")
    String saveTemplate(@AuthenticationPrincipal StaffPrincipal me, @RequestParam String form,
            @RequestParam String body, RedirectAttributes flash, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        try {
            letters.saveTemplate(me, form, body);
        } catch (RequestRuleViolation e) {
            if (!"request.templates.unknownPlaceholder".equals(e.rule())
                    && !"request.templates.tooLong".equals(e.rule())
                    && !"request.error.textRequired".equals(e.rule())) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.rule());
            }
            // Shown again with what was typed and what is wrong with it.
            java.util.Map<String, String> templates = new java.util.LinkedHashMap<>(letters.templates(me.agencyId()));
            templates.put(form, body);
            model.addAttribute("templates", templates);
            model.addAttribute("placeholders", LetterPlaceholders.NAMES);
            model.addAttribute("failedForm", form);
            model.addAttribute("problemText", messages.getMessage(e.rule(), e.args(),
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            model.addAttribute("problem", e.rule());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "request/letter-templates";
        }
        flash.addFlashAttribute("notice", "request.templates.saved");
        return "redirect:/workbench/requests/letter-templates";
    }

    private static byte[] guarded(java.util.function.Supplier<byte[]> render) {
        try {
            return render.get();
        } catch (RequestRuleViolation e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static ResponseEntity<byte[]> file(String name, MediaType type, byte[] data) {
        return ResponseEntity.ok().contentType(type).header("Content-Disposition",
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString()).body(data);
    }
}
