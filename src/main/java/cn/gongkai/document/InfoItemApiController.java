package cn.gongkai.document;

import cn.gongkai.catalog.PublishedEntry;
import cn.gongkai.catalog.Taxonomy;
import cn.gongkai.catalog.TopicChoice;
import cn.gongkai.catalog.Topics;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.StaffPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import cn.gongkai.interpretation.PlanForm;
import tools.jackson.core.JacksonException;

/**
 * The publishing workflow as JSON, so that an agency's OA or document system can push information in and drive it.
 * A refused gate or transition answers 409 with the rule; bad input answers 400 with a message per field.
 */
@RestController
@RequestMapping(path = "/api/v1/items", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "信息发布", description = "Drafting, review chain and publication of government information")
class InfoItemApiController {

    private final InfoItemWorkflow workflow;
    private final ItemAttachments attachments;
    private final MessageSource messages;
    private final Topics topics;
    private final OrgDirectory org;

    InfoItemApiController(InfoItemWorkflow workflow, ItemAttachments attachments, MessageSource messages,
            Topics topics, OrgDirectory org) {
        this.workflow = workflow;
        this.attachments = attachments;
        this.messages = messages;
        this.topics = topics;
        this.org = org;
    }

    record DecisionRequest(Decision decision, String opinion, ReviewOpinion reviewOpinion, String materials) {
    }

    record TextRequest(String text, Long departmentId) {
    }

    /** {@code acknowledgeScanWarning}: the drafter confirms the self-review although the scan contradicts it. */
    record SubmitRequest(Boolean acknowledgeScanWarning) {
    }

    record ExtensionRequest(int days, String note) {
    }

    record AnswerRequest(SecrecyLevel level, String answer) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a draft from JSON (content and self-review)")
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal StaffPrincipal me,
            @Valid @RequestBody ItemForm form, BindingResult errors) {
        InfoItem item = workflow.create(me, form.toDraft(validate(me, form, errors)));
        return ResponseEntity.status(HttpStatus.CREATED).body(state(item));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Create a draft with attachments: part 'item' (JSON) and parts 'files'")
    ResponseEntity<Map<String, Object>> createWithFiles(@AuthenticationPrincipal StaffPrincipal me,
            @Valid @RequestPart("item") ItemForm form, BindingResult errors,
            @RequestPart(name = "files", required = false) List<MultipartFile> files)
            throws IOException {
        TopicChoice topic = validate(me, form, errors);
        List<MultipartFile> chosen = files == null ? List.of() : files;
        for (MultipartFile f : chosen) {
            // Every file is checked before the item exists, so that a refused file leaves no half-made draft.
            attachments.check(f.getOriginalFilename(), f.getBytes(), "files");
        }
        InfoItem item = workflow.create(me, form.toDraft(topic));
        for (MultipartFile f : chosen) {
            attachments.add(me, item.getId(), f.getOriginalFilename(), f.getBytes(), "files");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(state(workflow.get(me, item.getId())));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Edit a draft, a returned item, or start the next version of a published one")
    Map<String, Object> edit(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @Valid @RequestBody ItemForm form, BindingResult errors) {
        return state(workflow.edit(me, id, form.toDraft(validate(me, form, errors))));
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> attach(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestPart("file") MultipartFile file) throws IOException {
        Attachment a = attachments.add(me, id, file.getOriginalFilename(), file.getBytes());
        return Map.of("id", a.getId(), "filename", a.getFilename(), "contentType", a.getContentType());
    }

    @DeleteMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Remove an attachment of a draft or returned item: the drafter's side only (reviewers return "
            + "the item instead)")
    ResponseEntity<Void> detach(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @PathVariable Long attachmentId) {
        attachments.remove(me, id, attachmentId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}")
    @Operation(summary = "An item's state, review history, scan findings and what still blocks publication")
    Map<String, Object> get(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id) {
        return state(workflow.get(me, id));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit into the review chain; 409 document.gate.scanContradictsSelfReview unless "
            + "acknowledgeScanWarning is true when the scan contradicts the self-review")
    Map<String, Object> submit(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestBody(required = false) SubmitRequest request) {
        boolean acknowledged = request != null && Boolean.TRUE.equals(request.acknowledgeScanWarning());
        return state(workflow.submit(me, id, attachments.scan(workflow.forDrafter(me, id)), acknowledged));
    }

    /**
     * 解读方案 (三同步 四) of a policy item, written while the item is with its drafter; 400 naming every missing
     * field. Submitting a policy that needs one without it is refused with 409 {@code interpretation.rule.planRequired}.
     */
    @PutMapping(path = "/{id}/interpretation-plan", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Write the interpretation plan (解读方案) that travels with the policy through the review chain")
    ResponseEntity<Map<String, Object>> savePlan(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestBody PlanForm plan) {
        List<PlanForm.Problem> problems = plan.problems();
        if (!problems.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("status", 400, "message", message("common.fixErrors"),
                    "errors", problems.stream().map(p -> Map.of("field", p.field(), "message", message(p.key())))
                            .toList()));
        }
        workflow.savePlan(me, id, plan);
        return ResponseEntity.ok(state(workflow.get(me, id)));
    }

    @PostMapping("/{id}/scan")
    @Operation(summary = "隐私与保密扫描 before submitting: the findings, without storing or submitting anything")
    Map<String, Object> scan(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id) {
        InfoItem item = workflow.forDrafter(me, id);
        List<ScanFinding> scanned = attachments.scan(item);
        boolean contradicts = PublicationPolicy.scanContradictsSelfReview(item, scanned);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", item.getId());
        body.put("findings", scanned.stream().map(f -> Map.of("type", f.getType(), "location", f.getLocation(),
                "line", f.getLine(), "value", f.getMaskedValue())).toList());
        body.put("scanContradictsSelfReview", contradicts);
        body.put("warning", contradicts ? Map.of("rule", PublicationPolicy.SCAN_CONTRADICTS_SELF_REVIEW, "message",
                message(PublicationPolicy.SCAN_CONTRADICTS_SELF_REVIEW)) : null);
        return body;
    }

    @PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve or return at the current step; the confidentiality reviewer gives reviewOpinion")
    Map<String, Object> decide(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestBody DecisionRequest request) {
        if (request.decision() == null) {
            throw new DocumentRuleViolation("document.api.decisionRequired", "decision");
        }
        return state(workflow.decide(me, id, request.decision(), request.opinion(), request.reviewOpinion(),
                request.materials()));
    }

    @PostMapping(path = "/{id}/records/{kind}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a consent or confirmation: third-party-consent, public-interest, "
            + "other-agency-confirmation, declassification, co-producer-consent")
    Map<String, Object> record(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @PathVariable String kind, @RequestBody TextRequest request) {
        InfoItem item = workflow.record(me, id, kind, request.text(), request.departmentId());
        return state(item);
    }

    @PostMapping(path = "/{id}/findings/{findingId}/acknowledge", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> acknowledge(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @PathVariable Long findingId, @RequestBody TextRequest request) {
        workflow.acknowledgeFinding(me, id, findingId, request.text());
        return state(workflow.get(me, id));
    }

    @PostMapping("/{id}/findings/{findingId}/redact")
    @Operation(summary = "区分处理: remove a finding from the public version")
    Map<String, Object> redact(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @PathVariable Long findingId) {
        workflow.redactFinding(me, id, findingId);
        return state(workflow.get(me, id));
    }

    @PostMapping(path = "/{id}/redactions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "区分处理: remove a phrase wherever it appears in the public version")
    Map<String, Object> redactPhrase(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestBody TextRequest request) {
        workflow.addRedactionPhrase(me, id, request.text());
        return state(workflow.get(me, id));
    }

    @PostMapping(path = "/{id}/determination/extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> extend(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestBody ExtensionRequest request) {
        workflow.extendDetermination(me, id, request.days(), request.note());
        return state(workflow.get(me, id));
    }

    @PostMapping(path = "/{id}/determination/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> answer(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestBody AnswerRequest request) {
        if (request.level() == null) {
            throw new DocumentRuleViolation("document.api.levelRequired", "level");
        }
        return state(workflow.answerDetermination(me, id, request.level(), request.answer()));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish (proactive) or file (on-request, exempt) an approved item; 409 names the gate")
    Map<String, Object> publish(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id) {
        PublishedEntry entry = workflow.publish(me, id, attachments.forPublication(workflow.get(me, id)));
        Map<String, Object> body = state(workflow.get(me, id));
        body.put("catalogState", entry.state().name());
        return body;
    }

    private Map<String, Object> state(InfoItem item) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", item.getId());
        body.put("title", item.getTitle());
        body.put("status", item.getStatus().name());
        body.put("version", item.getVersion());
        body.put("attribute", item.getAttribute().name());
        body.put("currentStep", item.getStatus() == ItemStatus.IN_REVIEW
                ? workflow.chainOf(item).roleAt(item.getCurrentStep()).name() : null);
        body.put("indexNumber", item.getIndexNumber());
        body.put("history", workflow.history(item.getId()).stream().map(d -> Map.of("step", d.getRole().name(),
                "reviewer", d.getReviewer(), "decision", d.getDecision().name(), "opinion",
                d.getOpinion() == null ? "" : d.getOpinion(), "at", d.getDecidedAt().toString())).toList());
        body.put("findings", workflow.findings(item).stream().map(f -> Map.of("id", f.getId(), "type", f.getType(),
                "location", f.getLocation(), "line", f.getLine(), "value", f.getMaskedValue(), "acknowledged",
                f.getAckReason() != null, "redacted", f.isRedacted())).toList());
        body.put("stepBlockedBy", workflow.stepRefusals(item).stream()
                .map(r -> Map.of("rule", r, "message", message(r))).toList());
        Map<String, Object> publicVersion = new LinkedHashMap<>();
        publicVersion.put("title", workflow.publicText(item, "title", item.getTitle()));
        publicVersion.put("summary", workflow.publicText(item, "summary", item.getSummary()));
        publicVersion.put("body", workflow.publicText(item, "body", item.getBody()));
        body.put("publicVersion", publicVersion);
        body.put("blockedBy", item.getStatus() == ItemStatus.APPROVED ? workflow.refusals(item).stream()
                .map(r -> Map.of("rule", r, "message", message(r))).toList() : List.of());
        // 政策解读"三同步"
        body.put("genre", item.getGenre());
        body.put("importantPolicy", item.isImportantPolicy());
        body.put("needsInterpretationPlan", workflow.needsPlan(item));
        body.put("interpretationPlan", workflow.planOf(item).map(InfoItemApiController::plan).orElse(null));
        body.put("interprets", item.getInterpretsItemId());
        body.put("interpretationForm", item.getInterpretationForm() == null ? null
                : item.getInterpretationForm().name());
        body.put("mediaUrl", item.getMediaUrl());
        body.put("interpretationClock", workflow.interpretationClock(item).map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("publishedOn", c.publishedOn().toString());
            m.put("dueOn", c.dueOn().toString());
            m.put("interpretedOn", c.interpretedOn() == null ? null : c.interpretedOn().toString());
            m.put("onTime", c.onTime());
            return m;
        }).orElse(null));
        return body;
    }

    private static Map<String, Object> plan(PlanForm p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outline", p.outline());
        m.put("forms", p.forms().stream().map(Enum::name).toList());
        m.put("channels", p.channels().stream().map(Enum::name).toList());
        m.put("departmentId", p.departmentId());
        m.put("responsiblePerson", p.responsiblePerson());
        m.put("timing", p.timing());
        return m;
    }

    /** The topic the form names ("class" or "class › sub-class") in the caller's agency; 400 for any bad field. */
    private TopicChoice validate(StaffPrincipal me, ItemForm form, BindingResult errors) {
        TopicChoice topic = topics.resolve(me.agencyId(), form.getTopic()).orElse(null);
        if (!form.getTopic().isBlank() && topic == null) {
            errors.rejectValue("topic", "document.form.topic.unknown", message("document.form.topic.unknown"));
        }
        if (!form.getGenre().isBlank() && !Taxonomy.GENRES.contains(form.getGenre())) {
            errors.rejectValue("genre", "document.form.genre.unknown", message("document.form.genre.unknown"));
        }
        form.checkAgainst(org.departmentNames(me.agencyId()).keySet(),
                (field, key) -> errors.rejectValue(field, key, message(key)));
        if (errors.hasErrors()) {
            throw new InvalidItem(errors);
        }
        return topic;
    }

    @ExceptionHandler(DocumentRuleViolation.class)
    ResponseEntity<Map<String, Object>> refused(DocumentRuleViolation e) {
        boolean badInput = e.field() != null && (e.rule().startsWith("document.error.textRequired")
                || e.rule().startsWith("document.api.") || e.rule().startsWith("document.attachment.")
                || e.rule().startsWith("document.form.") || e.rule().equals("document.error.notCoProducer")
                || e.rule().equals("document.error.textTooLong"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", badInput ? 400 : 409);
        body.put("rule", e.rule());
        body.put("message", message(e.rule()));
        if (e.field() != null) {
            body.put("errors", List.of(Map.of("field", e.field(), "message", message(e.rule()))));
        }
        return ResponseEntity.status(badInput ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT).body(body);
    }

    /** Bad input, with every field that is wrong. */
    static class InvalidItem extends RuntimeException {
        private final transient BindingResult errors;

        InvalidItem(BindingResult errors) {
            super("invalid item");
            this.errors = errors;
        }
    }

    @ExceptionHandler(InvalidItem.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidItem e) {
        List<Map<String, String>> errors = e.errors.getAllErrors().stream().map(err -> Map.of(
                "field", err instanceof FieldError fe ? fieldName(fe.getField()) : err.getObjectName(),
                "message", err.getDefaultMessage() == null ? "" : err.getDefaultMessage())).toList();
        return ResponseEntity.badRequest().body(Map.of("status", 400, "message", message("common.fixErrors"),
                "errors", errors));
    }

    /** Unreadable JSON (a date that is no date, a choice that is none of the names): 400 naming the field. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String field = null;
        for (Throwable t = e.getCause(); t != null && field == null; t = t.getCause()) {
            if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
                field = j.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                        : "[" + r.getIndex() + "]").reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                        .orElse(null);
            }
        }
        String text = field == null ? message("document.api.unreadable")
                : messages.getMessage("document.api.badField", new Object[] {field}, LocaleContextHolder.getLocale());
        return ResponseEntity.badRequest().body(Map.of("status", 400, "message", text, "errors",
                List.of(Map.of("field", field == null ? "body" : field, "message", text))));
    }

    @ExceptionHandler(InfoItemWorkflow.ItemNotFound.class)
    ResponseEntity<Map<String, Object>> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404, "message",
                message("document.api.notFound")));
    }

    /** The cross-field checks are named after the field they are about. */
    private static String fieldName(String field) {
        return switch (field) {
            case "attributeBasisGivenWhenNotProactive" -> "attributeBasis";
            case "secrecyTermGivenWhenMarked" -> "secrecyTerm";
            case "otherAgenciesNamedWhenInvolved" -> "otherAgencies";
            case "interpretationFormGivenForInterpretation" -> "interpretationForm";
            default -> field;
        };
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
