package cn.gongkai.request;

import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.StaffPrincipal;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 依申请公开 in the workbench: registration, assignment, handling, review, approval, delivery. */
@Controller
@RequestMapping("/workbench/requests")
class RequestController {

    private final RequestDesk desk;
    private final OrgDirectory org;
    private final RequestAttachments attachments;
    private final org.springframework.context.MessageSource messages;

    RequestController(RequestDesk desk, OrgDirectory org, RequestAttachments attachments,
            org.springframework.context.MessageSource messages) {
        this.desk = desk;
        this.org = org;
        this.attachments = attachments;
        this.messages = messages;
    }

    @ModelAttribute
    void choices(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("applicantKinds", ApplicantKind.values());
        model.addAttribute("organisationKinds", OrganisationKind.values());
        model.addAttribute("idTypes", IdType.values());
        model.addAttribute("deliveries", Delivery.values());
        model.addAttribute("channels", RequestChannel.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("replyForms", ReplyForms.draftableForms());
        if (me != null) {
            model.addAttribute("departmentNames", org.departmentNames(me.agencyId()));
        }
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        var requests = desk.visibleTo(me);
        java.util.Map<Long, LocalDate> due = new java.util.HashMap<>();
        requests.forEach(r -> due.put(r.getId(), desk.dueOn(r)));
        model.addAttribute("requests", requests);
        model.addAttribute("dueDates", due);
        return "request/list";
    }

    @GetMapping("/new")
    String registerForm(Model model) {
        IntakeForm form = new IntakeForm();
        form.setChannel(RequestChannel.LETTER);
        form.setReceivedOn(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        model.addAttribute("form", form);
        return "request/register";
    }

    @PostMapping
    String register(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute("form") IntakeForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        if (!me.has(cn.gongkai.org.Role.OFFICE)) {
            model.addAttribute("problem", "request.error.notAllowed");
            return "request/register";
        }
        FileRule.Upload scan = form.checkedIdentityScan(errors);
        if (errors.hasErrors()) {
            return "request/register";
        }
        try {
            Receipt receipt = desk.receive(me.agencyId(), form.getChannel(), form.getReceivedOn(), form.applicant(),
                    form.sought(), scan, me.getUsername());
            flash.addFlashAttribute("receipt", receipt);
            flash.addFlashAttribute("notice", "request.notice.registered");
            return "redirect:/workbench/requests";
        } catch (RequestRuleViolation e) {
            if (e.field() != null) {
                errors.rejectValue(e.field(), e.rule());
            } else {
                model.addAttribute("problem", e.rule());
            }
            return "request/register";
        }
    }

    @GetMapping("/{id}")
    String view(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model) {
        InfoRequest r = desk.get(me, id);
        model.addAttribute("r", r);
        model.addAttribute("dueOn", desk.dueOn(r));
        model.addAttribute("maskedId", desk.maskedIdNumber(r));
        model.addAttribute("maskedPhone", desk.maskedPhone(r));
        model.addAttribute("timeline", desk.timeline(id));
        model.addAttribute("names", org.names(me.agencyId()));
        model.addAttribute("challenges", desk.challenges(id));
        model.addAttribute("challengeKinds", Challenge.Kind.values());
        model.addAttribute("challengeResults", Challenge.Result.values());
        model.addAttribute("nthThisMonth", desk.nthThisMonth(r));
        model.addAttribute("chargeableFee", desk.chargeableFee(r));
        model.addAttribute("handler", me.departmentId().equals(r.getDepartmentId())
                && (me.has(cn.gongkai.org.Role.STAFF) || me.has(cn.gongkai.org.Role.DEPT_HEAD)));
        model.addAttribute("identityScan", attachments.identityScan(r).orElse(null));
        model.addAttribute("mayOpenPersonalData", RequestDesk.mayOpenPersonalData(me, r));
        model.addAttribute("releasedFiles", attachments.released(r));
        model.addAttribute("consultations", r.getConsultations());
        model.addAttribute("hasLetter", ReplyLetters.hasLetter(r));
        model.addAttribute("maxExtension", desk.maxExtension());
        return "request/view";
    }

    /** The applicant's identity scan: the handling department and the office only; every view is audited. */
    @GetMapping("/{id}/identity-scan")
    ResponseEntity<byte[]> identityScan(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id) {
        try {
            return RequestFileDownloads.attachment(attachments.openIdentityScan(me, id));
        } catch (RequestRuleViolation e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<byte[]> releasedFile(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @PathVariable Long fileId) {
        return RequestFileDownloads.attachment(attachments.openReleased(me, id, fileId));
    }

    @PostMapping("/{id}/files/{fileId}/remove")
    String removeFile(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @PathVariable Long fileId,
            Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.removeReleasedFile(me, id, fileId));
    }

    @PostMapping("/{id}/personal-data")
    String reveal(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model) {
        try {
            model.addAttribute("personal", desk.personalData(me, id));
        } catch (RequestRuleViolation e) {
            model.addAttribute("problem", e.rule());
        }
        return view(me, id, model);
    }

    @PostMapping("/{id}/amendment")
    String amendment(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam String text,
            Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.requestAmendment(me, id, text));
    }

    @PostMapping("/{id}/amended")
    String amended(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.recordAmendment(me, id, text, receivedOn));
    }

    @PostMapping("/{id}/abandon")
    String abandon(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.abandon(me, id));
    }

    @PostMapping("/{id}/assign")
    String assign(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam Long departmentId,
            Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.assign(me, id, departmentId));
    }

    @PostMapping("/{id}/consultation")
    String consult(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam String kind,
            @RequestParam String text, Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.startConsultation(me, id, kind, text));
    }

    @PostMapping("/{id}/consultation/end")
    String endConsultation(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(required = false) Long consultationId, @RequestParam(required = false) String text,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate answeredOn,
            Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> consultationId == null ? desk.endConsultation(me, id, text)
                : desk.closeConsultation(me, id, consultationId, text, answeredOn));
    }

    /** 一事一申请: one part per non-empty line of {@code parts}; the first stays with this request. */
    @PostMapping("/{id}/split")
    String split(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam String parts,
            Model model, RedirectAttributes flash) {
        List<RequestDesk.Part> list = parts.lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> new RequestDesk.Part(null, l)).toList();
        try {
            RequestDesk.Split result = desk.split(me, id, list);
            flash.addFlashAttribute("notice", "request.notice.done");
            flash.addFlashAttribute("splitReceipts", result.created());
            return "redirect:/workbench/requests/" + id;
        } catch (RequestRuleViolation e) {
            return problem(me, id, model, e);
        }
    }

    @PostMapping("/{id}/extension/refuse")
    String refuseExtension(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.refuseExtension(me, id));
    }

    @PostMapping("/{id}/extension")
    String extension(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(defaultValue = "15") int days, @RequestParam String text, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.requestExtension(me, id, days, text));
    }

    @PostMapping("/{id}/extension/approve")
    String approveExtension(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.approveExtension(me, id));
    }

    @PostMapping("/{id}/reply")
    String reply(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(required = false) Outcome outcome, @RequestParam(required = false) ReplyForm replyForm,
            @RequestParam(required = false) String text, @RequestParam(required = false) String links,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.draftReply(me, id, outcome, replyForm, text, links,
                FileRule.RELEASED.checkAll(files)));
    }

    @PostMapping("/{id}/review")
    String review(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam boolean approve,
            Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.officeReview(me, id, approve));
    }

    @PostMapping("/{id}/leader")
    String leader(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam boolean approve,
            Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.leaderDecision(me, id, approve));
    }

    @PostMapping("/{id}/delivery")
    String delivery(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(required = false) String text, Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.recordDelivery(me, id, null, text));
    }

    @PostMapping("/{id}/fee")
    String fee(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.notifyFee(me, id));
    }

    @PostMapping("/{id}/fee/paid")
    String feePaid(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.feePaid(me, id));
    }

    @PostMapping("/{id}/fee/unpaid")
    String feeUnpaid(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.closeUnpaid(me, id));
    }

    @PostMapping("/{id}/explanation")
    String explanation(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam String text,
            Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.askExplanation(me, id, text));
    }

    @PostMapping("/{id}/explanation/answer")
    String explanationAnswer(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam String text, Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.answerExplanation(me, id, text));
    }

    @PostMapping("/{id}/challenges")
    String challenge(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(required = false) Challenge.Kind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedOn,
            @RequestParam(required = false) Challenge.Result result, @RequestParam(required = false) String text,
            Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.recordChallenge(me, id, kind, filedOn, result, text));
    }

    @PostMapping("/{id}/challenges/{challengeId}")
    String decideChallenge(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @PathVariable Long challengeId, @RequestParam Challenge.Result result,
            @RequestParam(required = false) String text, Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.decideChallenge(me, id, challengeId, result, text));
    }

    private String act(StaffPrincipal me, Long id, Model model, RedirectAttributes flash, Supplier<?> action) {
        try {
            action.get();
            flash.addFlashAttribute("notice", "request.notice.done");
            return "redirect:/workbench/requests/" + id;
        } catch (RequestRuleViolation e) {
            return problem(me, id, model, e);
        }
    }

    private String problem(StaffPrincipal me, Long id, Model model, RequestRuleViolation e) {
        model.addAttribute("problem", e.rule());
        model.addAttribute("problemField", e.field());
        if (e.args().length > 0) {
            model.addAttribute("problemText", messages.getMessage(e.rule(), e.args(), e.rule(),
                    java.util.Locale.SIMPLIFIED_CHINESE));
        }
        return view(me, id, model);
    }
}
