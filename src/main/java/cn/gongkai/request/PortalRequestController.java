package cn.gongkai.request;

import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
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

/** 依申请公开 on the portal: the online request form and tracking, no login. */
@Controller
class PortalRequestController {

    static final List<String> SECTIONS = List.of("guide", "catalog", "apply", "interpretation", "annual-report");

    private final RequestDesk desk;
    private final OrgDirectory org;
    private final IntakeGuard guard;
    private final RequestAttachments attachments;

    PortalRequestController(RequestDesk desk, OrgDirectory org, IntakeGuard guard, RequestAttachments attachments) {
        this.desk = desk;
        this.org = org;
        this.guard = guard;
        this.attachments = attachments;
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

    @PostMapping("/portal/apply")
    String submit(@Valid @ModelAttribute("form") IntakeForm form, BindingResult errors,
            @RequestParam(name = "formToken", required = false) String token,
            @RequestParam(name = "website", required = false) String honeypot, HttpServletRequest request,
            Model model) {
        String refusal = guard.check(request.getRemoteAddr(), token, honeypot);
        FileRule.Upload scan = refusal == null ? form.checkedIdentityScan(errors) : null;
        if (refusal != null) {
            model.addAttribute("problem", refusal);
        } else if (!errors.hasErrors()) {
            form.setChannel(RequestChannel.ONLINE);
            Receipt receipt = desk.receive(agency().getId(), RequestChannel.ONLINE, LocalDate.now(
                    java.time.ZoneId.of("Asia/Shanghai")), form.applicant(), form.sought(), scan, "applicant");
            model.addAttribute("receipt", receipt);
            return "request/portal-receipt";
        }
        model.addAttribute("formToken", guard.issue());
        return "request/portal-form";
    }

    @GetMapping("/portal/track")
    String track(@RequestParam(required = false) String number, @RequestParam(required = false) String code,
            Model model) {
        model.addAttribute("number", number);
        if (number != null && code != null) {
            desk.track(number, code).ifPresentOrElse(r -> {
                model.addAttribute("request", r);
                model.addAttribute("maskedName", cn.gongkai.platform.Masks.name(r.getName()));
                model.addAttribute("dueOn", desk.dueOn(r));
                model.addAttribute("timeline", desk.timeline(r.getId()).stream().filter(RequestEvent::isPublicStep)
                        .toList());
                model.addAttribute("files", attachments.releasedToApplicant(r));
            }, () -> model.addAttribute("problem", "request.track.notFound"));
        }
        return "request/portal-track";
    }

    /** A file released to the applicant, once replied, with the tracking number and query code; audited. */
    @GetMapping("/portal/track/files/{fileId}")
    ResponseEntity<byte[]> releasedFile(@PathVariable Long fileId, @RequestParam String number,
            @RequestParam String code) {
        return attachments.applicantDownload(number, code, fileId).map(RequestFileDownloads::attachment)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
