package cn.gongkai.request;

import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.View;

/**
 * 依申请公开 on the portal: the online request form and tracking, no login. The form follows post/redirect/get with a
 * one-time token, so neither a double click nor a reload makes a second request; the receipt and the tracked request
 * stay in the visitor's session, and the query code never appears in a URL.
 */
@Controller
class PortalRequestController {

    static final List<String> SECTIONS = List.of("guide", "catalog", "apply", "interpretation", "annual-report");
    static final String RECEIPT = PortalRequestController.class.getName() + ".receipt";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final OrgDirectory org;
    private final IntakeGuard guard;
    private final PortalIntake intake;
    private final PortalTracking tracking;
    private final RequestDesk desk;
    private final RequestAttachments attachments;

    PortalRequestController(OrgDirectory org, IntakeGuard guard, PortalIntake intake, PortalTracking tracking,
            RequestDesk desk, RequestAttachments attachments) {
        this.org = org;
        this.guard = guard;
        this.intake = intake;
        this.tracking = tracking;
        this.desk = desk;
        this.attachments = attachments;
    }

    /** The receipt shown after a submission, to this browser only, for as long as its session lasts. */
    record KeptReceipt(String formTokenHash, String trackingNumber, String queryCode, LocalDate receivedOn,
            LocalDate dueOn) implements Serializable {

        static KeptReceipt of(String formToken, Receipt r) {
            return new KeptReceipt(IntakeGuard.tokenHash(formToken), r.trackingNumber(), r.queryCode(),
                    r.receivedOn(), r.dueOn());
        }
    }

    @ModelAttribute
    void shell(Model model) {
        model.addAttribute("section", "apply");
        model.addAttribute("sections", SECTIONS);
        model.addAttribute("applicantKinds", ApplicantKind.values());
        model.addAttribute("organisationKinds", OrganisationKind.values());
        model.addAttribute("idTypes", IdType.values());
        model.addAttribute("deliveries", Delivery.values());
    }

    private Agency agency() {
        return org.portalAgency().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/portal/apply")
    String form(Model model) {
        model.addAttribute("form", new IntakeForm());
        model.addAttribute("formToken", guard.issue());
        return "request/portal-form";
    }

    /**
     * Receives the form once, then sends the browser to the receipt (303). The same form sent again (a double click,
     * a resent page) finds its token spent: the browser that sent it first is shown its receipt, anyone else a
     * refusal; no second request is made.
     */
    @PostMapping("/portal/apply")
    String submit(@Valid @ModelAttribute("form") IntakeForm form, BindingResult errors,
            @RequestParam(name = "formToken", required = false) String token,
            @RequestParam(name = "website", required = false) String honeypot, HttpServletRequest request,
            HttpSession session, Model model) {
        if (keptFor(session, token)) {
            return seeOther(request, "/portal/apply/receipt");
        }
        String refusal = guard.check(request.getRemoteAddr(), token, honeypot);
        FileRule.Upload scan = refusal == null ? form.checkedIdentityScan(errors) : null;
        if (refusal != null) {
            model.addAttribute("problem", refusal);
        } else if (!errors.hasErrors()) {
            form.setChannel(RequestChannel.ONLINE);
            Optional<Receipt> receipt = intake.receiveOnce(token, agency().getId(), LocalDate.now(CHINA), form, scan,
                    r -> session.setAttribute(RECEIPT, KeptReceipt.of(token, r)));
            if (receipt.isPresent() || keptFor(session, token)) {
                return seeOther(request, "/portal/apply/receipt");
            }
            model.addAttribute("problem", IntakeGuard.SPENT);
        }
        model.addAttribute("formToken", guard.issue());
        return "request/portal-form";
    }

    /** The last receipt of this browser's session; reloading it receives nothing. */
    @GetMapping("/portal/apply/receipt")
    String receipt(HttpSession session, HttpServletRequest request, Model model) {
        Object kept = session.getAttribute(RECEIPT);
        if (kept == null) {
            return seeOther(request, "/portal/apply");
        }
        model.addAttribute("receipt", kept);
        return "request/portal-receipt";
    }

    private static boolean keptFor(HttpSession session, String token) {
        return token != null && session.getAttribute(RECEIPT) instanceof KeptReceipt kept
                && kept.formTokenHash().equals(IntakeGuard.tokenHash(token));
    }

    private static String seeOther(HttpServletRequest request, String path) {
        request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
        return "redirect:" + path;
    }

    /**
     * The tracking form, and the request this browser tracked (kept in its session). A query code in the URL is
     * ignored: the code is sent by POST only.
     */
    @GetMapping("/portal/track")
    String track(@RequestParam(required = false) String number, HttpSession session, Model model) {
        Optional<PortalTracking.Tracked> tracked = tracking.tracked(session)
                .filter(t -> number == null || number.isBlank() || t.number().equals(RequestDesk.typed(number)));
        model.addAttribute("number", tracked.map(PortalTracking.Tracked::number).orElse(number));
        tracked.flatMap(t -> tracking.current(session)).ifPresent(r -> show(r, model));
        return "request/portal-track";
    }

    /** Number and code by POST (with the CSRF token); found, the request is kept in the session and shown by GET. */
    @PostMapping("/portal/track")
    String trackByCode(@RequestParam(required = false) String number, @RequestParam(required = false) String code,
            HttpSession session, HttpServletRequest request, Model model) {
        if (tracking.track(session, number, code).isPresent()) {
            return seeOther(request, "/portal/track");
        }
        model.addAttribute("number", number);
        model.addAttribute("problem", "request.track.notFound");
        return "request/portal-track";
    }

    private void show(InfoRequest r, Model model) {
        model.addAttribute("request", r);
        model.addAttribute("maskedName", cn.gongkai.platform.Masks.name(r.getName()));
        model.addAttribute("dueOn", desk.dueOn(r));
        model.addAttribute("timeline", desk.timeline(r.getId()).stream().filter(RequestEvent::isPublicStep)
                .toList());
        model.addAttribute("files", attachments.releasedToApplicant(r));
        model.addAttribute("hasLetter", ReplyLetters.hasLetter(r));
    }

    /** A file released to the request tracked in this session, once replied; audited. 404 otherwise. */
    @GetMapping("/portal/track/files/{fileId}")
    ResponseEntity<byte[]> releasedFile(@PathVariable Long fileId, HttpSession session) {
        return tracking.releasedFile(session, fileId).map(RequestFileDownloads::attachment)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
