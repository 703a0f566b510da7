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
    private final ReplyLetters letters;
    private final org.springframework.beans.factory.ObjectProvider<RequestOrigins> origins;

    RequestController(RequestDesk desk, OrgDirectory org, RequestAttachments attachments,
            org.springframework.context.MessageSource messages, ReplyLetters letters,
            org.springframework.beans.factory.ObjectProvider<RequestOrigins> origins) {
        this.letters = letters;
        this.origins = origins;
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

    /**
     * The requests the member may see ({@link RequestDesk#visibleTo}), filtered and in work order: open work first
     * by due date, closed last. A bad filter value answers 400 with the page, the values typed and a message naming
     * the field.
     */
    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute("filter") RequestFilter filter,
            Model model, jakarta.servlet.http.HttpServletResponse response) {
        List<String> problems = new java.util.ArrayList<>();
        RequestFilter.Checked checked = filter.check(org.departmentNames(me.agencyId()), messages, problems);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("filterProblems", problems);
            checked = RequestFilter.Checked.NONE;
        }
        LocalDate today = desk.today();
        java.util.Map<Long, LocalDate> due = new java.util.HashMap<>();
        List<InfoRequest> visible = desk.visibleTo(me);
        visible.forEach(r -> due.put(r.getId(), desk.dueOn(r)));
        RequestFilter.Checked f = checked;
        List<InfoRequest> requests = problems.isEmpty() ? visible.stream()
                .filter(r -> f.matches(r, due.get(r.getId()), today))
                .sorted(RequestFilter.workOrder(r -> due.get(r.getId()))).toList() : List.of();
        model.addAttribute("requests", requests);
        model.addAttribute("dueDates", due);
        model.addAttribute("today", today);
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("maxDays", RequestFilter.MAX_DAYS);
        model.addAttribute("maxText", RequestFilter.MAX_TEXT);
        return "request/list";
    }

    @GetMapping("/new")
    String registerForm(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(required = false) String origin, Model model) {
        IntakeForm form = new IntakeForm();
        form.setChannel(RequestChannel.LETTER);
        form.setReceivedOn(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        if (origin != null && !origin.isBlank()) {
            // A citizen's message or a hotline call that is really a request: filled from it, its received date kept.
            RequestOrigins.Origin o = origin(me, origin);
            form.setChannel(o.channel());
            form.setReceivedOn(o.receivedOn());
            form.setName(o.name());
            form.setPhone(o.phone());
            form.setEmail(o.email());
            form.setDescription(o.description());
            model.addAttribute("origin", o.ref());
        }
        model.addAttribute("form", form);
        return "request/register";
    }

    private RequestOrigins.Origin origin(StaffPrincipal me, String ref) {
        RequestOrigins found = origins.getIfAvailable();
        return found == null ? null : found.find(me, ref.strip())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping
    String register(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute("form") IntakeForm form,
            BindingResult errors, @RequestParam(required = false) String origin, Model model,
            RedirectAttributes flash) {
        if (!me.has(cn.gongkai.org.Role.OFFICE)) {
            model.addAttribute("problem", "request.error.notAllowed");
            return "request/register";
        }
        RequestOrigins.Origin from = origin == null || origin.isBlank() ? null : origin(me, origin);
        if (from != null) {
            // The received date and channel are the origin's, whatever the form says.
            form.setChannel(from.channel());
            form.setReceivedOn(from.receivedOn());
            model.addAttribute("origin", from.ref());
        }
        FileRule.Upload scan = form.checkedIdentityScan(errors);
        if (errors.hasErrors()) {
            return "request/register";
        }
        try {
            Receipt receipt = from != null
                    ? desk.receiveConverted(me, origins.getObject(), from.ref(), form.getChannel(),
                            form.getReceivedOn(), form.applicant(), form.sought(), scan)
                    : desk.receive(me.agencyId(), form.getChannel(), form.getReceivedOn(), form.applicant(),
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
        model.addAttribute("maxOpinion", RequestDesk.MAX_OPINION);
        // The office and the leader read the letter as it will be sent before they decide.
        boolean deciding = r.getStatus() == RequestStatus.REPLY_DRAFTED || r.getStatus() == RequestStatus.AWAITING_LEADER;
        model.addAttribute("letterPreview", deciding ? letters.preview(r, desk.today()).orElse(null) : null);
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
        return act(me, id, model, flash, () -> desk.removeReleasedFile(me, id, fileId),
                r -> text("request.notice.fileRemoved"));
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
        return act(me, id, model, flash, () -> desk.requestAmendment(me, id, text),
                r -> text("request.notice.amendmentRequested", r.getAmendmentDue()));
    }

    @PostMapping("/{id}/amended")
    String amended(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.recordAmendment(me, id, text, receivedOn),
                r -> text("request.notice.amended", desk.dueOn(r)));
    }

    @PostMapping("/{id}/abandon")
    String abandon(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.abandon(me, id), r -> text("request.notice.abandoned"));
    }

    /** 转办: the department must be chosen (the select has no default); a bad choice names the field. */
    @PostMapping("/{id}/assign")
    String assign(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(required = false) String departmentId, Model model, RedirectAttributes flash) {
        Long chosen;
        try {
            chosen = departmentId == null || departmentId.isBlank() ? null : Long.valueOf(departmentId.strip());
        } catch (NumberFormatException e) {
            chosen = -1L;
        }
        Long department = chosen;
        return act(me, id, model, flash, () -> desk.assign(me, id, department),
                r -> text("request.notice.assigned", org.departmentNames(me.agencyId()).get(r.getDepartmentId())));
    }

    @PostMapping("/{id}/consultation")
    String consult(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam String kind,
            @RequestParam String text, Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.startConsultation(me, id, kind, text),
                r -> text("request.notice.consulting", text));
    }

    @PostMapping("/{id}/consultation/end")
    String endConsultation(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(required = false) Long consultationId, @RequestParam(required = false) String text,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate answeredOn,
            Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> consultationId == null ? desk.endConsultation(me, id, text)
                : desk.closeConsultation(me, id, consultationId, text, answeredOn).request(),
                r -> text(r.getStatus() == RequestStatus.CONSULTING ? "request.notice.consultationEndedOthersOpen"
                        : "request.notice.consultationEnded", desk.dueOn(r)));
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
            flash.addFlashAttribute("noticeText", text("request.notice.split", result.created().size() + 1,
                    String.join("、", result.created().stream().map(Receipt::trackingNumber).toList())));
            flash.addFlashAttribute("splitReceipts", result.created());
            return "redirect:/workbench/requests/" + id;
        } catch (RequestRuleViolation e) {
            return problem(me, id, model, e);
        }
    }

    @PostMapping("/{id}/extension/refuse")
    String refuseExtension(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.refuseExtension(me, id),
                r -> text("request.notice.extensionRefused", desk.dueOn(r)));
    }

    @PostMapping("/{id}/extension")
    String extension(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(defaultValue = "15") int days, @RequestParam String text, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.requestExtension(me, id, days, text),
                r -> text("request.notice.extensionRequested", days));
    }

    @PostMapping("/{id}/extension/approve")
    String approveExtension(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.approveExtension(me, id),
                r -> text("request.notice.extended", r.getExtensionDays(), desk.dueOn(r)));
    }

    @PostMapping("/{id}/reply")
    String reply(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(required = false) Outcome outcome, @RequestParam(required = false) ReplyForm replyForm,
            @RequestParam(required = false) String text, @RequestParam(required = false) String links,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.draftReply(me, id, outcome, replyForm, text, links,
                FileRule.RELEASED.checkAll(files)), r -> text("request.notice.replyDrafted",
                        text("request.outcome.applicant." + r.getOutcome().name())));
    }

    /** The office's review of the drafted reply, with its opinion (required to return it). */
    @PostMapping("/{id}/review")
    String review(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam boolean approve,
            @RequestParam(required = false) String opinion, Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.officeReview(me, id, approve, opinion), r -> decided(me, r,
                approve));
    }

    /** The leader's approval of the reply, with an opinion (required to return it). */
    @PostMapping("/{id}/leader")
    String leader(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam boolean approve,
            @RequestParam(required = false) String opinion, Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.leaderDecision(me, id, approve, opinion), r -> decided(me, r,
                approve));
    }

    private String decided(StaffPrincipal me, InfoRequest r, boolean approved) {
        if (!approved) {
            return text("request.notice.returned", org.departmentNames(me.agencyId()).get(r.getDepartmentId()));
        }
        return text(r.getStatus() == RequestStatus.AWAITING_LEADER ? "request.notice.toLeader"
                : "request.notice.replied");
    }

    @PostMapping("/{id}/delivery")
    String delivery(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(required = false) String text, Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.recordDelivery(me, id, null, text),
                r -> text("request.notice.delivered", r.getTrackingNumber()));
    }

    @PostMapping("/{id}/fee")
    String fee(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.notifyFee(me, id),
                r -> text("request.notice.feeNotified", r.getFeeYuan(), r.getFeeDue()));
    }

    @PostMapping("/{id}/fee/paid")
    String feePaid(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.feePaid(me, id),
                r -> text("request.notice.feePaid", desk.dueOn(r)));
    }

    @PostMapping("/{id}/fee/unpaid")
    String feeUnpaid(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.closeUnpaid(me, id), r -> text("request.notice.feeUnpaid"));
    }

    @PostMapping("/{id}/explanation")
    String explanation(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam String text,
            Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.askExplanation(me, id, text),
                r -> text("request.notice.explanationAsked"));
    }

    @PostMapping("/{id}/explanation/answer")
    String explanationAnswer(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam String text, Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.answerExplanation(me, id, text),
                r -> text("request.notice.explanationAnswered"));
    }

    @PostMapping("/{id}/challenges")
    String challenge(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(required = false) Challenge.Kind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedOn,
            @RequestParam(required = false) Challenge.Result result, @RequestParam(required = false) String text,
            Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.recordChallenge(me, id, kind, filedOn, result, text),
                c -> text("request.notice.challengeRecorded", text("request.challenge." + c.getKind().name())));
    }

    @PostMapping("/{id}/challenges/{challengeId}")
    String decideChallenge(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @PathVariable Long challengeId, @RequestParam Challenge.Result result,
            @RequestParam(required = false) String text, Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.decideChallenge(me, id, challengeId, result, text),
                c -> text("request.notice.challengeDecided", text("request.challenge." + c.getKind().name()),
                        text("request.challengeResult." + c.getResult().name())));
    }

    /** Runs a step; the notice says what happened (from the step's result), a refusal re-renders the request. */
    private <T> String act(StaffPrincipal me, Long id, Model model, RedirectAttributes flash, Supplier<T> action,
            java.util.function.Function<T, String> notice) {
        try {
            T result = action.get();
            flash.addFlashAttribute("notice", "request.notice.done");
            flash.addFlashAttribute("noticeText", notice.apply(result));
            return "redirect:/workbench/requests/" + id;
        } catch (RequestRuleViolation e) {
            return problem(me, id, model, e);
        }
    }

    private String text(String key, Object... args) {
        Object[] written = java.util.Arrays.stream(args).map(a -> a instanceof LocalDate d ? RequestDesk.zh(d) : a)
                .toArray();
        return messages.getMessage(key, written, java.util.Locale.SIMPLIFIED_CHINESE);
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
