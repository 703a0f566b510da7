package cn.gongkai.request;

import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.Masks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Intake for staff and other systems (the 12345 hotline platform, a government-service portal), never anonymous, and
 * public tracking with the query code.
 */
@RestController
@RequestMapping(path = "/api/v1/requests", produces = MediaType.APPLICATION_JSON_VALUE)
class RequestApiController {

    /** The header that carries the query code, so that it stays out of URLs. */
    static final String QUERY_CODE = "X-Query-Code";

    private final RequestDesk desk;
    private final RequestAttachments attachments;
    private final MessageSource messages;
    private final IdempotencyKeys idempotency;

    RequestApiController(RequestDesk desk, RequestAttachments attachments, MessageSource messages,
            IdempotencyKeys idempotency) {
        this.desk = desk;
        this.attachments = attachments;
        this.messages = messages;
        this.idempotency = idempotency;
    }

    /**
     * Receives a request (OFFICE or an API client). With an {@code Idempotency-Key} header (1 to 128 visible ASCII
     * characters), the same key from the same client within 24 hours answers the first answer again (201, the same
     * tracking number and query code) and receives nothing; the key with another body is refused with 422.
     */
    @Operation(summary = "Receive a request; Idempotency-Key makes a retry answer the first 201 instead of a second "
            + "request (24 hours per client; another body → 422; a malformed key → 400)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(@AuthenticationPrincipal StaffPrincipal me,
            @Valid @RequestBody IntakeForm form, BindingResult errors,
            @Parameter(description = "1 to 128 visible ASCII characters; the same key within 24 hours replays the "
                    + "first answer") @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
            String idempotencyKey) {
        if (!me.has(Role.OFFICE)) {
            throw new RequestRuleViolation("request.error.notAllowed");
        }
        if (idempotencyKey != null && !IdempotencyKeys.wellFormed(idempotencyKey)) {
            String message = message("request.idempotency.keyInvalid");
            return ResponseEntity.badRequest().body(Map.of("status", 400, "message", message, "errors",
                    List.of(Map.of("field", IdempotencyKeys.HEADER, "message", message))));
        }
        if (errors.hasErrors()) {
            return ResponseEntity.badRequest().body(Map.of("status", 400, "message", message("common.fixErrors"),
                    "errors", errors.getAllErrors().stream().map(e -> Map.of("field", e instanceof FieldError fe
                            ? IntakeForm.fieldName(fe.getField()) : e.getObjectName(), "message",
                            e.getDefaultMessage() == null ? "" : e.getDefaultMessage())).toList()));
        }
        RequestChannel channel = form.getChannel() == null ? RequestChannel.ONLINE : form.getChannel();
        if (idempotencyKey == null) {
            return answer(receive(me, form, channel));
        }
        String fingerprint = idempotency.fingerprint(List.of(channel, String.valueOf(form.getReceivedOn()),
                form.applicant(), form.sought()));
        return answer(idempotency.once(me.agencyId(), me.getUsername(), idempotencyKey, fingerprint,
                () -> receive(me, form, channel)));
    }

    private IdempotencyKeys.Answer receive(StaffPrincipal me, IntakeForm form, RequestChannel channel) {
        Receipt receipt = desk.receive(me.agencyId(), channel, form.getReceivedOn(), form.applicant(), form.sought(),
                me.getUsername());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trackingNumber", receipt.trackingNumber());
        body.put("queryCode", receipt.queryCode());
        body.put("receivedOn", receipt.receivedOn().toString());
        body.put("dueOn", receipt.dueOn().toString());
        return new IdempotencyKeys.Answer(HttpStatus.CREATED.value(), body);
    }

    private static ResponseEntity<Map<String, Object>> answer(IdempotencyKeys.Answer answer) {
        return ResponseEntity.status(answer.status()).body(answer.body());
    }

    @ExceptionHandler(IdempotencyKeys.KeyReused.class)
    ResponseEntity<Map<String, Object>> keyReused() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 422);
        body.put("rule", "request.idempotency.differentBody");
        body.put("message", message("request.idempotency.differentBody"));
        return ResponseEntity.status(422).body(body);
    }

    /**
     * Public: status and public steps, no personal data beyond a masked name; 404 for a wrong number or code. Once
     * replied, the files released to the applicant, each with a download URL that takes the same code in the
     * {@code X-Query-Code} header (or by POST). The code goes in the {@code X-Query-Code} header, or use
     * {@code POST /{trackingNumber}/tracking}.
     *
     * <p>Deprecated: the {@code ?code=} query parameter, which puts the code in URLs (server logs, browser history,
     * referrers). It is a published contract and still works; new callers send the header or POST.
     */
    @Operation(summary = "Track a request: the query code in the X-Query-Code header (?code= is deprecated)")
    @GetMapping("/{trackingNumber}")
    ResponseEntity<Map<String, Object>> track(@PathVariable String trackingNumber,
            @Parameter(description = "the query code") @RequestHeader(name = QUERY_CODE, required = false)
            String codeHeader,
            @Parameter(deprecated = true, description = "deprecated: use the X-Query-Code header or POST …/tracking")
            @RequestParam(name = "code", required = false) String code) {
        return tracked(trackingNumber, codeHeader != null ? codeHeader : code);
    }

    record CodeRequest(String code) {
    }

    /** Public: the same answer as {@link #track}, with the query code in the JSON body {@code {"code":"…"}}. */
    @Operation(summary = "Track a request with the query code in the body: {\"code\":\"…\"}")
    @PostMapping(path = "/{trackingNumber}/tracking", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> trackByPost(@PathVariable String trackingNumber,
            @RequestBody(required = false) CodeRequest request) {
        return tracked(trackingNumber, request == null ? null : request.code());
    }

    private ResponseEntity<Map<String, Object>> tracked(String trackingNumber, String code) {
        return desk.track(trackingNumber, code).map(r -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("trackingNumber", r.getTrackingNumber());
            body.put("applicant", Masks.name(r.getName()));
            body.put("status", r.getStatus().name());
            body.put("receivedOn", r.getReceivedOn().toString());
            body.put("dueOn", desk.dueOn(r).toString());
            body.put("timeline", desk.timeline(r.getId()).stream().filter(RequestEvent::isPublicStep)
                    .map(e -> Map.of("at", e.getAt().toString(), "step", e.getKind())).toList());
            if (r.getRepliedOn() != null && r.getOutcome() != null) {
                body.put("repliedOn", r.getRepliedOn().toString());
                body.put("outcome", r.getOutcome().name());
            }
            if (r.isReplied()) {
                body.put("files", attachments.releasedToApplicant(r).stream().map(f -> Map.of("name", f.name(),
                        "contentType", f.contentType(), "size", f.size(), "url", "/api/v1/requests/"
                                + r.getTrackingNumber() + "/files/" + f.id())).toList());
            }
            return ResponseEntity.ok(body);
        }).orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404, "message",
                message("request.track.notFound"))));
    }

    /**
     * Public: a file released to the applicant, once replied, with the query code in the {@code X-Query-Code} header;
     * 404 otherwise. Audited.
     *
     * <p>Deprecated: the {@code ?code=} query parameter; it still works, new callers send the header or POST.
     */
    @Operation(summary = "Download a released file: the query code in the X-Query-Code header (?code= is deprecated)")
    @GetMapping(path = "/{trackingNumber}/files/{fileId}", produces = MediaType.ALL_VALUE)
    ResponseEntity<byte[]> releasedFile(@PathVariable String trackingNumber, @PathVariable Long fileId,
            @RequestHeader(name = QUERY_CODE, required = false) String codeHeader,
            @Parameter(deprecated = true, description = "deprecated: use the X-Query-Code header")
            @RequestParam(name = "code", required = false) String code) {
        return download(trackingNumber, fileId, codeHeader != null ? codeHeader : code);
    }

    /** Public: the same download with the query code in the JSON body {@code {"code":"…"}}. */
    @Operation(summary = "Download a released file with the query code in the body: {\"code\":\"…\"}")
    @PostMapping(path = "/{trackingNumber}/files/{fileId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.ALL_VALUE)
    ResponseEntity<byte[]> releasedFileByPost(@PathVariable String trackingNumber, @PathVariable Long fileId,
            @RequestBody(required = false) CodeRequest request) {
        return download(trackingNumber, fileId, request == null ? null : request.code());
    }

    private ResponseEntity<byte[]> download(String trackingNumber, Long fileId, String code) {
        return attachments.applicantDownload(trackingNumber, code, fileId).map(RequestFileDownloads::attachment)
                .orElseThrow(RequestDesk.RequestNotFound::new);
    }

    record ActionRequest(String action, Long departmentId, String text, Integer days, Outcome outcome,
            ReplyForm replyForm, String links, Boolean approve, java.time.LocalDate date, Long fileId) {
    }

    /**
     * The same actions as multipart/form-data: the part {@code action} (JSON, as above) and, with {@code reply}, the
     * parts {@code files} released to this applicant (PDF, DOC/DOCX, XLS/XLSX, OFD, JPG/PNG, each at most 50 MB, type
     * from the content). They are never public; the applicant sees them with the query code once replied.
     */
    @PostMapping(path = "/{trackingNumber}/actions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> actWithFiles(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String trackingNumber,
            @RequestPart("action") ActionRequest a,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        return perform(me, trackingNumber, a, files);
    }

    /**
     * Every workbench action on a request, for scripts and other systems: amendment, amended, abandon, assign,
     * consult, end-consultation, extension, approve-extension, reply, office-review, leader-decision, fee, fee-paid,
     * fee-unpaid, explanation, explanation-answer, delivery, remove-file (a released file, {@code fileId}, while the
     * department holds the request). Answers the request's state and its released files.
     */
    @PostMapping(path = "/{trackingNumber}/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> act(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String trackingNumber,
            @RequestBody ActionRequest a) {
        return perform(me, trackingNumber, a, null);
    }

    private Map<String, Object> perform(StaffPrincipal me, String trackingNumber, ActionRequest a,
            List<MultipartFile> files) {
        Long id = desk.idOf(me, trackingNumber);
        String action = a.action() == null ? "" : a.action();
        List<FileRule.Upload> released = FileRule.RELEASED.checkAll(files);
        if (!released.isEmpty() && !"reply".equals(action)) {
            throw new RequestRuleViolation("request.file.files.onlyWithReply", "files");
        }
        InfoRequest r = switch (action) {
            case "amendment" -> desk.requestAmendment(me, id, a.text());
            case "amended" -> desk.recordAmendment(me, id, a.text(), a.date());
            case "abandon" -> desk.abandon(me, id);
            case "assign" -> desk.assign(me, id, a.departmentId());
            case "consult" -> desk.startConsultation(me, id, "THIRD_PARTY", a.text());
            case "end-consultation" -> desk.endConsultation(me, id, a.text());
            case "extension" -> desk.requestExtension(me, id, a.days() == null ? 15 : a.days(), a.text());
            case "approve-extension" -> desk.approveExtension(me, id);
            case "reply" -> desk.draftReply(me, id, a.outcome(), a.replyForm(), a.text(), a.links(), released);
            case "remove-file" -> desk.removeReleasedFile(me, id, a.fileId());
            case "office-review" -> desk.officeReview(me, id, Boolean.TRUE.equals(a.approve()));
            case "leader-decision" -> desk.leaderDecision(me, id, Boolean.TRUE.equals(a.approve()));
            case "fee" -> desk.notifyFee(me, id);
            case "fee-paid" -> desk.feePaid(me, id);
            case "fee-unpaid" -> desk.closeUnpaid(me, id);
            case "explanation" -> desk.askExplanation(me, id, a.text());
            case "explanation-answer" -> desk.answerExplanation(me, id, a.text());
            case "delivery" -> desk.recordDelivery(me, id, a.date(), a.text());
            default -> throw new RequestRuleViolation("request.error.unknownAction", "action");
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trackingNumber", r.getTrackingNumber());
        body.put("status", r.getStatus().name());
        body.put("dueOn", desk.dueOn(r).toString());
        body.put("outcome", r.getOutcome() == null ? null : r.getOutcome().name());
        body.put("departmentId", r.getDepartmentId());
        body.put("files", attachments.released(r).stream().map(f -> Map.of("id", f.id(), "name", f.name(),
                "contentType", f.contentType(), "size", f.size())).toList());
        return body;
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
