package cn.gongkai.request;

import cn.gongkai.org.StaffPrincipal;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reply letters (告知书) as DOCX and PDF for staff and, once replied, for the applicant; the office's templates. */
@Controller
class LetterController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final RequestDesk desk;
    private final ReplyLetters letters;
    private final PortalTracking tracking;

    LetterController(RequestDesk desk, ReplyLetters letters, PortalTracking tracking) {
        this.desk = desk;
        this.letters = letters;
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
        InfoRequest r = tracking.current(session).filter(x -> x.getRepliedOn() != null && x.getReplyForm() != null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return file(r.getTrackingNumber() + "-答复告知书.pdf", MediaType.APPLICATION_PDF, guarded(() -> letters.pdf(r)));
    }

    @GetMapping("/workbench/requests/letter-templates")
    @PreAuthorize("hasAnyRole('OFFICE','LEADER')")
    String templates(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        Map<ReplyForm, String> all = letters.templates(me.agencyId());
        model.addAttribute("templates", all);
        return "request/letter-templates";
    }

    @PostMapping("/workbench/requests/letter-templates")
    @PreAuthorize("hasRole('OFFICE')")
    String saveTemplate(@AuthenticationPrincipal StaffPrincipal me, @RequestParam ReplyForm form,
            @RequestParam String body, RedirectAttributes flash) {
        letters.saveTemplate(me, form, body);
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
