package cn.gongkai.request;

import cn.gongkai.org.StaffPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every step of a request as JSON, for the agency's OA and for scripts (HTTP Basic or session; roles as in the
 * workbench). Each step answers the request's state; 400 names each bad field, 409 names the rule, 403 a step the
 * member's role may not take, 404 a request the member may not see.
 */
@RestController
@RequestMapping(path = "/api/v1/requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "依申请公开办理", description = "Handling a request for government information, step by step")
class RequestStepsApiController {

    static final int MAX_PAGE_SIZE = 100;

    private final RequestDesk desk;
    private final RequestAttachments attachments;

    RequestStepsApiController(RequestDesk desk, RequestAttachments attachments) {
        this.desk = desk;
        this.attachments = attachments;
    }

    record AssignBody(Long departmentId) {
    }

    record AmendmentNoticeBody(List<String> items, Integer days) {
    }

    record AmendmentBody(LocalDate receivedOn, String description) {
    }

    record ConsultationBody(String party, Consultation.Kind kind) {
    }

    record CloseConsultationBody(String answer, LocalDate answeredOn) {
    }

    record ExtensionBody(Integer days, String reason) {
    }

    record ReplyBody(Outcome outcome, ReplyForm replyForm, String text, String links,
            List<ReplyParticulars.WithheldPart> withheld, String law, String agency, String agencyContacts,
            String article) {

        ReplyParticulars particulars() {
            boolean none = (withheld == null || withheld.isEmpty()) && law == null && agency == null
                    && agencyContacts == null && article == null;
            return none ? null : new ReplyParticulars(withheld, law, agency, agencyContacts, article);
        }
    }

    /** {@code opinion} (optional here, at most 500 characters) goes to the internal timeline as 意见：…. */
    record DecisionBody(Boolean approve, String opinion) {

        boolean hasOpinion() {
            return opinion != null && !opinion.isBlank();
        }

        boolean approved() {
            return approve == null || approve;
        }
    }

    record DeliverBody(LocalDate deliveredOn, String note) {
    }

    record SplitBody(List<RequestDesk.Part> parts) {
    }

    @GetMapping
    @Operation(summary = "Requests the member may see (the office and leaders: the agency's; a department: its own), "
            + "newest first, filtered by status, department and overdue; 20 a page (size up to 100)")
    Map<String, Object> list(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(required = false) String status, @RequestParam(required = false) String department,
            @RequestParam(required = false) String overdue, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        RequestStatus s = parse("status", status, RequestStatus.class);
        Long departmentId = number("department", department, 1, Long.MAX_VALUE);
        Boolean late = overdue == null || overdue.isBlank() ? null : switch (overdue.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new RequestRuleViolation("request.api.badBoolean", "overdue");
        };
        long p = page == null ? 0 : number("page", page, 0, 100_000);
        long n = size == null ? 20 : number("size", size, 1, MAX_PAGE_SIZE);
        RequestDesk.Page result = desk.search(me, s, departmentId, late, (int) p, (int) n);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", result.total());
        body.put("page", p);
        body.put("size", n);
        body.put("items", result.items().stream().map(this::summary).toList());
        return body;
    }

    @GetMapping("/{trackingNumber}/record")
    @Operation(summary = "The full record for staff: applicant (personal data masked), information sought, clock, "
            + "consultations, amendment, extension, reply, files and the whole timeline")
    Map<String, Object> record(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String trackingNumber) {
        InfoRequest r = desk.get(me, desk.idOf(me, trackingNumber));
        Map<String, Object> body = state(r);
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("kind", r.getApplicantKind().name());
        applicant.put("organisationKind", r.getOrganisationKind() == null ? null : r.getOrganisationKind().name());
        applicant.put("name", r.getName());
        applicant.put("idType", r.getIdType() == null ? null : r.getIdType().name());
        applicant.put("idNumber", desk.maskedIdNumber(r));
        applicant.put("phone", desk.maskedPhone(r));
        applicant.put("email", r.getEmail());
        applicant.put("address", r.getAddress());
        applicant.put("creditCode", r.getCreditCode());
        body.put("applicant", applicant);
        Map<String, Object> information = new LinkedHashMap<>();
        information.put("title", r.getInfoTitle());
        information.put("documentNumber", r.getInfoDocumentNumber());
        information.put("description", r.getInfoDescription());
        information.put("purpose", r.getPurpose());
        body.put("information", information);
        body.put("delivery", r.getDelivery().name());
        Map<String, Object> amendment = new LinkedHashMap<>();
        amendment.put("requestedOn", str(r.getAmendmentRequestedOn()));
        amendment.put("items", r.getAmendmentText());
        amendment.put("dueOn", str(r.getAmendmentDue()));
        amendment.put("receivedOn", str(r.getAmendedOn()));
        body.put("amendment", amendment);
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("requestedDays", r.getExtensionRequestedDays());
        extension.put("reason", r.getExtensionReason());
        extension.put("approvedBy", r.getExtensionApprovedBy());
        extension.put("approvedOn", str(r.getExtensionApprovedOn()));
        extension.put("originalDueOn", str(r.getExtensionOriginalDue()));
        body.put("extension", extension);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("outcome", r.getOutcome() == null ? null : r.getOutcome().name());
        reply.put("replyForm", r.getReplyForm() == null ? null : r.getReplyForm().name());
        reply.put("text", r.getReplyText());
        reply.put("links", r.getLinkedIndexNumbers());
        reply.put("draftedBy", r.getReplyDraftedBy());
        reply.put("reviewedBy", r.getOfficeReviewedBy());
        reply.put("approvedBy", r.getLeaderApprovedBy());
        reply.put("repliedOn", str(r.getRepliedOn()));
        reply.put("onTime", r.getOnTime());
        reply.put("deliveredOn", str(r.getDeliveredOn()));
        body.put("reply", reply);
        body.put("files", attachments.released(r).stream().map(f -> Map.of("id", f.id(), "name", f.name(),
                "contentType", f.contentType(), "size", f.size())).toList());
        body.put("timeline", desk.timeline(r.getId()).stream().map(e -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("at", e.getAt().toString());
            step.put("step", e.getKind());
            step.put("actor", e.getActor());
            step.put("public", e.isPublicStep());
            step.put("text", e.getText());
            step.put("publicText", e.getPublicText());
            return step;
        }).toList());
        return body;
    }

    @PostMapping("/{trackingNumber}/assign")
    @Operation(summary = "转办: the office assigns the request to the department that holds the information")
    Map<String, Object> assign(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String trackingNumber,
            @RequestBody AssignBody body) {
        if (body.departmentId() == null) {
            throw new RequestRuleViolation("request.api.departmentRequired", "departmentId");
        }
        return state(desk.assign(me, desk.idOf(me, trackingNumber), body.departmentId()));
    }

    @PostMapping("/{trackingNumber}/amendment-notice")
    @Operation(summary = "补正通知 (Art. 30): every item at once, within 7 working days of receipt; days to amend "
            + "(default the agency's, at most 30)")
    Map<String, Object> amendmentNotice(@AuthenticationPrincipal StaffPrincipal me,
            @PathVariable String trackingNumber, @RequestBody AmendmentNoticeBody body) {
        return state(desk.requestAmendment(me, desk.idOf(me, trackingNumber), body.items(), body.days()));
    }

    @PostMapping("/{trackingNumber}/amendment")
    @Operation(summary = "The amended request arrived on receivedOn (not in the future, not before the notice): "
            + "the clock restarts")
    Map<String, Object> amendment(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String trackingNumber,
            @RequestBody AmendmentBody body) {
        if (body.receivedOn() == null) {
            throw new RequestRuleViolation("request.api.dateRequired", "receivedOn");
        }
        return state(desk.recordAmendment(me, desk.idOf(me, trackingNumber), body.description(),
                body.receivedOn()));
    }

    @PostMapping("/{trackingNumber}/consultations")
    @Operation(summary = "征求意见: THIRD_PARTY answers within 15 working days (Art. 32), OTHER_AGENCY within 10; "
            + "the reply clock stops while any runs; answers 201 with the consultation")
    ResponseEntity<Map<String, Object>> consult(@AuthenticationPrincipal StaffPrincipal me,
            @PathVariable String trackingNumber, @RequestBody ConsultationBody body) {
        RequestDesk.Consulted c = desk.consult(me, desk.idOf(me, trackingNumber), body.kind(), body.party());
        Map<String, Object> state = state(c.request());
        state.put("consultation", consultation(c.consultation()));
        return ResponseEntity.status(HttpStatus.CREATED).body(state);
    }

    @PostMapping("/{trackingNumber}/consultations/{consultationId}/close")
    @Operation(summary = "The consulted party's answer (or its silence, recorded) on answeredOn: the clock runs again")
    Map<String, Object> closeConsultation(@AuthenticationPrincipal StaffPrincipal me,
            @PathVariable String trackingNumber, @PathVariable Long consultationId,
            @RequestBody CloseConsultationBody body) {
        RequestDesk.Consulted c = desk.closeConsultation(me, desk.idOf(me, trackingNumber), consultationId,
                body.answer(), body.answeredOn());
        Map<String, Object> state = state(c.request());
        state.put("consultation", consultation(c.consultation()));
        return state;
    }

    @PostMapping("/{trackingNumber}/extension")
    @Operation(summary = "延期: the department asks for days (at most gongkai.requests.max-extension) with a reason")
    Map<String, Object> extension(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String trackingNumber,
            @RequestBody ExtensionBody body) {
        if (body.days() == null) {
            throw new RequestRuleViolation("request.error.extensionDays", "days", desk.maxExtension());
        }
        return state(desk.requestExtension(me, desk.idOf(me, trackingNumber), body.days(), body.reason()));
    }

    @PostMapping("/{trackingNumber}/extension/approve")
    @Operation(summary = "The leader approves the extension before the original due date (the extension notice goes "
            + "to the applicant), or with {\"approve\":false} refuses it")
    Map<String, Object> approveExtension(@AuthenticationPrincipal StaffPrincipal me,
            @PathVariable String trackingNumber, @RequestBody(required = false) DecisionBody body) {
        Long id = desk.idOf(me, trackingNumber);
        return state(body == null || body.approved() ? desk.approveExtension(me, id) : desk.refuseExtension(me, id));
    }

    @PostMapping("/{trackingNumber}/reply")
    @Operation(summary = "The department drafts the reply: outcome, reply form (as the outcome allows), text, linked "
            + "index numbers, and what the letter cites beyond them: withheld [{part, basis, law}] for 部分公开, law for "
            + "不予公开-2/-8, agency and agencyContacts for 无法提供-1 under Art. 36 (五), article for 其他处理-3")
    Map<String, Object> reply(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String trackingNumber,
            @RequestBody ReplyBody body) {
        return state(desk.draftReply(me, desk.idOf(me, trackingNumber), body.outcome(), body.replyForm(), body.text(),
                body.links(), List.of(), body.particulars()));
    }

    @PostMapping("/{trackingNumber}/reply/review")
    @Operation(summary = "The office reviews the draft: on to the leader (不予公开, 部分公开) or replied; "
            + "{\"approve\":false} returns it to the department")
    Map<String, Object> review(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String trackingNumber,
            @RequestBody(required = false) DecisionBody body) {
        Long id = desk.idOf(me, trackingNumber);
        boolean approve = body == null || body.approved();
        return state(body != null && body.hasOpinion() ? desk.officeReview(me, id, approve, body.opinion())
                : desk.officeReview(me, id, approve));
    }

    @PostMapping("/{trackingNumber}/reply/approve")
    @Operation(summary = "The leader approves the reply (replied), or with {\"approve\":false} returns it")
    Map<String, Object> approve(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String trackingNumber,
            @RequestBody(required = false) DecisionBody body) {
        Long id = desk.idOf(me, trackingNumber);
        boolean approve = body == null || body.approved();
        return state(body != null && body.hasOpinion() ? desk.leaderDecision(me, id, approve, body.opinion())
                : desk.leaderDecision(me, id, approve));
    }

    @PostMapping("/{trackingNumber}/deliver")
    @Operation(summary = "The office records the reply's delivery (送达): the request is closed")
    Map<String, Object> deliver(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String trackingNumber,
            @RequestBody(required = false) DeliverBody body) {
        DeliverBody b = body == null ? new DeliverBody(null, null) : body;
        if (b.deliveredOn() != null && b.deliveredOn().isAfter(desk.today())) {
            throw new RequestRuleViolation("request.error.receivedInFuture", "deliveredOn");
        }
        return state(desk.recordDelivery(me, desk.idOf(me, trackingNumber), b.deliveredOn(), b.note()));
    }

    @PostMapping("/{trackingNumber}/split")
    @Operation(summary = "一事一申请: the office splits the request; the first part stays, each other part becomes a "
            + "request with its own number, query code and clock from the same received date (answered in created)")
    ResponseEntity<Map<String, Object>> split(@AuthenticationPrincipal StaffPrincipal me,
            @PathVariable String trackingNumber, @RequestBody SplitBody body) {
        RequestDesk.Split split = desk.split(me, desk.idOf(me, trackingNumber), body.parts());
        Map<String, Object> state = state(split.request());
        state.put("created", split.created().stream().map(c -> Map.of("trackingNumber", c.trackingNumber(),
                "queryCode", c.queryCode(), "receivedOn", c.receivedOn().toString(), "dueOn", c.dueOn().toString()))
                .toList());
        return ResponseEntity.status(HttpStatus.CREATED).body(state);
    }

    private Map<String, Object> summary(InfoRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trackingNumber", r.getTrackingNumber());
        m.put("status", r.getStatus().name());
        m.put("receivedOn", r.getReceivedOn().toString());
        m.put("dueOn", desk.dueOn(r).toString());
        m.put("overdue", r.isOpen() && desk.dueOn(r).isBefore(desk.today()));
        m.put("departmentId", r.getDepartmentId());
        m.put("applicantKind", r.getApplicantKind().name());
        m.put("title", r.getInfoTitle() != null ? r.getInfoTitle() : r.getInfoDescription());
        m.put("outcome", r.getOutcome() == null ? null : r.getOutcome().name());
        return m;
    }

    /** The state every step answers with. */
    private Map<String, Object> state(InfoRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trackingNumber", r.getTrackingNumber());
        m.put("status", r.getStatus().name());
        m.put("channel", r.getChannel().name());
        m.put("submittedOn", r.getSubmittedOn().toString());
        m.put("receivedOn", r.getReceivedOn().toString());
        m.put("dueOn", desk.dueOn(r).toString());
        m.put("overdue", r.isOpen() && desk.dueOn(r).isBefore(desk.today()));
        m.put("departmentId", r.getDepartmentId());
        m.put("outcome", r.getOutcome() == null ? null : r.getOutcome().name());
        m.put("replyForm", r.getReplyForm() == null ? null : r.getReplyForm().name());
        m.put("extensionDays", r.getExtensionDays());
        m.put("consultations", r.getConsultations().stream().map(this::consultation).toList());
        m.put("splitFrom", r.getSplitFrom());
        return m;
    }

    private Map<String, Object> consultation(Consultation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.getId());
        m.put("kind", c.getKind().name());
        m.put("party", c.getParty());
        m.put("startedOn", c.getStartedOn().toString());
        m.put("dueOn", c.getDueOn().toString());
        m.put("answeredOn", str(c.getAnsweredOn()));
        m.put("answer", c.getAnswer());
        return m;
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new RequestRuleViolation("request.api.badValue", field, field);
        }
    }

    private static Long number(String field, String value, long min, long max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < min || n > max) {
                throw new RequestRuleViolation("request.api.badNumber", field, min, max, field);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new RequestRuleViolation("request.api.badNumber", field, min, max, field);
        }
    }
}
