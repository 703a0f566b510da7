package cn.gongkai.document;

import cn.gongkai.catalog.DisclosureAttribute;
import cn.gongkai.catalog.Taxonomy;
import cn.gongkai.coordination.CoordinationGate;
import cn.gongkai.catalog.TopicChoice;
import cn.gongkai.catalog.Topics;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.catalog.PublishedEntry;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.PublicAddress;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 信息发布: drafting, the review chain and publication in the workbench. */
@Controller
@RequestMapping("/workbench/items")
class InfoItemController {

    private final InfoItemWorkflow workflow;
    private final ItemAttachments attachments;
    private final OrgDirectory org;
    private final Topics topics;
    private final MessageSource messages;

    private final CoordinationGate coordinationGate;

    InfoItemController(InfoItemWorkflow workflow, ItemAttachments attachments, OrgDirectory org, Topics topics,
            MessageSource messages, CoordinationGate coordinationGate) {
        this.coordinationGate = coordinationGate;
        this.messages = messages;
        this.workflow = workflow;
        this.attachments = attachments;
        this.org = org;
        this.topics = topics;
    }

    @ModelAttribute
    void choices(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("genres", Taxonomy.GENRES);
        model.addAttribute("attributes", DisclosureAttribute.values());
        model.addAttribute("channelChoices", Channel.values());
        model.addAttribute("secrecyLevels", SecrecyLevel.values());
        model.addAttribute("reviewOpinions", ReviewOpinion.values());
        model.addAttribute("interpretationForms", cn.gongkai.interpretation.InterpretationForm.values());
        model.addAttribute("interpretationChannels", cn.gongkai.interpretation.InterpretationChannel.values());
        if (me != null) {
            model.addAttribute("departmentNames", org.departmentNames(me.agencyId()));
            model.addAttribute("topics", topics.choices(me.agencyId()));
        }
    }

    /**
     * The items the member may see ({@link InfoItemWorkflow#visibleTo}), filtered and in work order: open work first by
     * publication due date, published last. A bad filter value answers 400 with the page, the values typed and a
     * message naming the field.
     */
    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute("filter") ItemFilter filter, Model model,
            HttpServletResponse response) {
        List<String> problems = new ArrayList<>();
        ItemFilter.Checked checked = filter.check(org.departmentNames(me.agencyId()), messages, problems);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("filterProblems", problems);
        }
        LocalDate today = workflow.today();
        Map<Long, LocalDate> due = new HashMap<>();
        List<InfoItem> visible = workflow.visibleTo(me);
        visible.forEach(i -> due.put(i.getId(), workflow.dueOn(i)));
        List<InfoItem> shown = problems.isEmpty() ? visible.stream()
                .filter(i -> checked.matches(i, due.get(i.getId()), today))
                .sorted(ItemFilter.workOrder(i -> due.get(i.getId()))).toList() : List.of();
        model.addAttribute("items", shown);
        model.addAttribute("dueDates", due);
        model.addAttribute("today", today);
        model.addAttribute("statuses", ItemStatus.values());
        model.addAttribute("maxDays", ItemFilter.MAX_DAYS);
        model.addAttribute("maxText", ItemFilter.MAX_TEXT);
        return "document/list";
    }

    /** A new item; {@code interprets}: an interpretation material of that published policy (三同步 五). */
    @GetMapping("/new")
    String newItem(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) Long interprets,
            Model model) {
        ItemForm form = new ItemForm();
        form.setCreatedOn(LocalDate.now(Deadlines.ZONE));
        if (interprets != null) {
            InfoItem policy = workflow.get(me, interprets);
            form.setInterprets(policy.getId());
            form.setGenre(cn.gongkai.interpretation.Interpretations.GENRE);
            form.setTitle("《" + policy.getTitle() + "》政策解读");
            form.setTopic(topics.label(policy.getAgencyId(), policy.getTopic(), policy.getSubtopicId()));
        }
        model.addAttribute("form", form);
        return "document/form";
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute("form") ItemForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        TopicChoice topic = validateTaxonomy(me, form, errors);
        if (errors.hasErrors()) {
            return "document/form";
        }
        try {
            InfoItem item = workflow.create(me, form.toDraft(topic));
            flash.addFlashAttribute("notice", "document.notice.created");
            flash.addFlashAttribute("noticeText", text("document.notice.createdTitle", item.getTitle()));
            return "redirect:/workbench/items/" + item.getId();
        } catch (DocumentRuleViolation e) {
            model.addAttribute("problem", e.rule());
            return "document/form";
        }
    }

    @GetMapping("/{id}")
    String view(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model) {
        InfoItem item = workflow.get(me, id);
        ReviewChain chain = workflow.chainOf(item);
        model.addAttribute("item", item);
        model.addAttribute("topicLabel", topics.label(item.getAgencyId(), item.getTopic(), item.getSubtopicId()));
        model.addAttribute("chain", chain.steps());
        model.addAttribute("history", workflow.history(id));
        model.addAttribute("names", org.names(me.agencyId()));
        model.addAttribute("determinations", workflow.determinations(id));
        model.addAttribute("findings", workflow.findings(item));
        model.addAttribute("files", attachments.of(id));
        model.addAttribute("phrases", workflow.redactionPhrases(item));
        model.addAttribute("publicBody", workflow.publicText(item, "body", item.getBody()));
        model.addAttribute("refusals", item.getStatus() == ItemStatus.APPROVED ? workflow.refusals(item) : List.of());
        model.addAttribute("passRefusals", workflow.passRefusals(item));
        model.addAttribute("coordinations", coordinationGate.forItem(item.getAgencyId(), item.getId()));
        boolean canDecide = workflow.canDecide(me, item);
        model.addAttribute("canDecide", canDecide);
        model.addAttribute("stepRefusals", canDecide ? workflow.stepRefusals(item) : List.of());
        model.addAttribute("canReturnApproved", workflow.canReturnApproved(me, item));
        model.addAttribute("canClearFindings", workflow.canClearFindings(me, item));
        // The deciding last step (分管领导 by default) approves what the public will see: the redacted version.
        boolean showPublicVersion = canDecide && chain.isLast(item.getCurrentStep());
        model.addAttribute("showPublicVersion", showPublicVersion);
        if (showPublicVersion) {
            model.addAttribute("publicTitle", workflow.publicText(item, "title", item.getTitle()));
            model.addAttribute("publicSummary", workflow.publicText(item, "summary", item.getSummary()));
        }
        if (!model.containsAttribute("scanPreview")) {
            model.addAttribute("scanPreview", null);
            model.addAttribute("scanWarning", false);
        }
        model.addAttribute("currentRole", item.getStatus() == ItemStatus.IN_REVIEW
                ? chain.roleAt(item.getCurrentStep()).name() : null);
        model.addAttribute("editable", item.getStatus() == ItemStatus.DRAFT || item.getStatus() == ItemStatus.RETURNED
                || item.getStatus() == ItemStatus.PUBLISHED);
        model.addAttribute("mine", item.getDrafterId().equals(me.id())
                || item.getDepartmentId().equals(me.departmentId()));
        // 政策解读"三同步": the plan travels with its policy and is approved with it; the reviewers see it here.
        model.addAttribute("needsPlan", workflow.needsPlan(item));
        model.addAttribute("plan", workflow.planOf(item).orElse(null));
        model.addAttribute("interpretationClock", workflow.interpretationClock(item).orElse(null));
        model.addAttribute("today", LocalDate.now(Deadlines.ZONE));
        if (item.getInterpretsItemId() != null) {
            model.addAttribute("policyTitle", workflow.titleOf(item.getAgencyId(), item.getInterpretsItemId()));
        }
        return "document/view";
    }

    /** 解读方案 (三同步 四): the drafter writes it with the policy, before submitting. */
    @GetMapping("/{id}/plan")
    String plan(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        InfoItem item;
        try {
            item = workflow.forDrafter(me, id);
        } catch (DocumentRuleViolation e) {
            return refusedOnView(me, id, model, response, e);
        }
        model.addAttribute("item", item);
        model.addAttribute("plan", workflow.planOf(item).orElse(new cn.gongkai.interpretation.PlanForm("", null, null,
                item.getDepartmentId(), "", "政策印发后10个工作日内")));
        model.addAttribute("problems", List.of());
        return "document/plan";
    }

    @PostMapping("/{id}/plan")
    String savePlan(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(required = false) String outline,
            @RequestParam(required = false) java.util.Set<cn.gongkai.interpretation.InterpretationForm> forms,
            @RequestParam(required = false) java.util.Set<cn.gongkai.interpretation.InterpretationChannel> channels,
            @RequestParam(required = false) Long departmentId, @RequestParam(required = false) String responsiblePerson,
            @RequestParam(required = false) String timing, Model model, RedirectAttributes flash,
            jakarta.servlet.http.HttpServletResponse response) {
        InfoItem item;
        try {
            item = workflow.forDrafter(me, id);
        } catch (DocumentRuleViolation e) {
            return refusedOnView(me, id, model, response, e);
        }
        cn.gongkai.interpretation.PlanForm plan = new cn.gongkai.interpretation.PlanForm(outline, forms, channels,
                departmentId, responsiblePerson, timing);
        List<cn.gongkai.interpretation.PlanForm.Problem> problems = plan.problems();
        if (problems.isEmpty()) {
            try {
                workflow.savePlan(me, id, plan);
                flash.addFlashAttribute("notice", "interpretation.plan.saved");
                return "redirect:/workbench/items/" + id + "#plan";
            } catch (DocumentRuleViolation e) {
                problems = List.of(new cn.gongkai.interpretation.PlanForm.Problem(
                        e.field() == null ? "outline" : e.field(), e.rule()));
            }
        }
        // Kept as typed, every problem named; 400 as for any bad input.
        response.setStatus(400);
        model.addAttribute("item", item);
        model.addAttribute("plan", plan);
        model.addAttribute("problems", problems);
        return "document/plan";
    }

    /** A step the rules refuse to this member: the item's page with the rule, 409. */
    private String refusedOnView(StaffPrincipal me, Long id, Model model,
            jakarta.servlet.http.HttpServletResponse response, DocumentRuleViolation e) {
        response.setStatus(409);
        model.addAttribute("problem", e.rule());
        return view(me, id, model);
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model) {
        InfoItem item = workflow.get(me, id);
        model.addAttribute("item", item);
        model.addAttribute("form", ItemForm.of(item.toDraft(),
                topics.label(item.getAgencyId(), item.getTopic(), item.getSubtopicId())));
        return "document/form";
    }

    @PostMapping("/{id}")
    String save(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @Valid @ModelAttribute("form") ItemForm form, BindingResult errors, Model model, RedirectAttributes flash) {
        InfoItem item = workflow.get(me, id);
        TopicChoice topic = validateTaxonomy(me, form, errors);
        if (!errors.hasErrors()) {
            try {
                InfoItem saved = workflow.edit(me, id, form.toDraft(topic));
                flash.addFlashAttribute("notice", "document.notice.saved");
                flash.addFlashAttribute("noticeText", text("document.notice.savedTitle", saved.getTitle(),
                        saved.getVersion()));
                return "redirect:/workbench/items/" + id;
            } catch (DocumentRuleViolation e) {
                model.addAttribute("problem", e.rule());
            }
        }
        model.addAttribute("item", item);
        return "document/form";
    }

    /**
     * 提交审核. When the scan contradicts the self-review, the page shows what was found and asks the drafter to
     * acknowledge the warning (the checkbox {@code acknowledgeScanWarning}) before submitting.
     */
    @PostMapping("/{id}/submit")
    String submit(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(defaultValue = "false") boolean acknowledgeScanWarning, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, "document.notice.submitted", () -> {
            InfoItem item = workflow.forDrafter(me, id);
            List<ScanFinding> scanned = attachments.scan(item);
            model.addAttribute("scanPreview", scanned);
            model.addAttribute("scanWarning", PublicationPolicy.scanContradictsSelfReview(item, scanned));
            return nextStep("document.notice.submittedTo", workflow.submit(me, id, scanned, acknowledgeScanWarning));
        });
    }

    /** 隐私与保密扫描 before submitting: the drafter sees what the scan finds; nothing is stored or submitted. */
    @PostMapping("/{id}/scan")
    String scan(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model) {
        try {
            InfoItem item = workflow.forDrafter(me, id);
            List<ScanFinding> scanned = attachments.scan(item);
            model.addAttribute("scanPreview", scanned);
            model.addAttribute("scanWarning", PublicationPolicy.scanContradictsSelfReview(item, scanned));
        } catch (DocumentRuleViolation e) {
            model.addAttribute("problem", e.rule());
        }
        return view(me, id, model);
    }

    @PostMapping("/{id}/decision")
    String decide(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam Decision decision,
            @RequestParam(required = false) String opinion,
            @RequestParam(required = false) ReviewOpinion reviewOpinion,
            @RequestParam(required = false) String materials, Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, decision == Decision.APPROVED ? "document.notice.approved"
                : "document.notice.returned", () -> {
                    InfoItem item = workflow.decide(me, id, decision, opinion, reviewOpinion, materials);
                    return decision == Decision.APPROVED ? nextStep("document.notice.approvedTo", item)
                            : text("document.notice.returnedTo", item.getDrafterName());
                });
    }

    /** 审核所需记录: third-party consent, public-interest decision, other agencies' confirmation, 解密, co-producers. */
    @PostMapping("/{id}/records/{kind}")
    String record(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @PathVariable String kind,
            @RequestParam String text, @RequestParam(required = false) Long departmentId, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, "document.notice.recorded", () -> {
            workflow.record(me, id, kind, text, departmentId);
            return text("document.notice.recordedKind." + kind);
        });
    }

    @PostMapping("/{id}/findings/{findingId}/acknowledge")
    String acknowledge(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @PathVariable Long findingId, @RequestParam String text, Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, "document.notice.acknowledged", () -> text(
                "document.notice.acknowledgedFinding", workflow.acknowledgeFinding(me, id, findingId, text)
                        .getMaskedValue()));
    }

    @PostMapping("/{id}/findings/{findingId}/redact")
    String redact(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @PathVariable Long findingId,
            Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, "document.notice.redacted", () -> text("document.notice.redactedFinding",
                workflow.redactFinding(me, id, findingId).getMaskedValue()));
    }

    @PostMapping("/{id}/redactions")
    String redactPhrase(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam String text,
            Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, "document.notice.redacted", () -> text("document.notice.redactedPhrase",
                workflow.addRedactionPhrase(me, id, text).getPhrase()));
    }

    @PostMapping("/{id}/determination/extension")
    String extend(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam int days,
            @RequestParam String text, Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, "document.notice.extended", () -> text("document.notice.extendedDays",
                workflow.extendDetermination(me, id, days, text).getExtensionDays()));
    }

    @PostMapping("/{id}/determination/answer")
    String answer(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam SecrecyLevel level,
            @RequestParam String text, Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, "document.notice.answered", () -> text("document.notice.answeredLevel",
                text("document.secrecy." + workflow.answerDetermination(me, id, level, text).getSecrecyLevel().name())));
    }

    /**
     * 发布 / 备案 asks for confirmation: the checkbox {@code confirm} (确认发布) must be ticked, so that one click cannot
     * put an item on the portal. The notice names the index number and links the public page.
     */
    @PostMapping("/{id}/publish")
    String publish(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(defaultValue = "false") boolean confirm, Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, "document.notice.published", () -> {
            if (!confirm) {
                throw new DocumentRuleViolation("document.error.publishNotConfirmed", "confirm");
            }
            InfoItem item = workflow.get(me, id);
            PublishedEntry entry = workflow.publish(me, id, attachments.forPublication(item));
            boolean proactive = item.getAttribute() == DisclosureAttribute.PROACTIVE;
            if (proactive) {
                flash.addFlashAttribute("noticeLink", PublicAddress.entryPath(entry.indexNumber()));
                flash.addFlashAttribute("noticeLinkText", text("document.notice.publicPage"));
            }
            return text(proactive ? "document.notice.publishedIndex" : "document.notice.filedIndex",
                    entry.indexNumber());
        });
    }

    /** "… 现由{role}审核" after a step, or where the item went when no reviewer is next. */
    private String nextStep(String key, InfoItem item) {
        return switch (item.getStatus()) {
            case IN_REVIEW -> text(key, text("role." + workflow.chainOf(item).roleAt(item.getCurrentStep()).name()));
            case AWAITING_DETERMINATION -> text("document.notice.escalated");
            case APPROVED -> text(item.getAttribute() == DisclosureAttribute.PROACTIVE
                    ? "document.notice.readyToPublish" : "document.notice.readyToFile");
            default -> text("document.status." + item.getStatus().name());
        };
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    /** Runs a transition; a refusal re-renders the item with the rule and what was typed. */
    private String act(StaffPrincipal me, Long id, Model model, RedirectAttributes flash, String notice,
            Runnable action) {
        return act(me, id, model, flash, notice, () -> {
            action.run();
            return null;
        });
    }

    /** Runs a transition whose notice says what happened ({@code action} returns it; null: the generic one). */
    private String act(StaffPrincipal me, Long id, Model model, RedirectAttributes flash, String notice,
            java.util.function.Supplier<String> action) {
        try {
            String said = action.get();
            flash.addFlashAttribute("notice", notice);
            if (said != null) {
                flash.addFlashAttribute("noticeText", said);
            }
            return "redirect:/workbench/items/" + id;
        } catch (DocumentRuleViolation e) {
            model.addAttribute("problem", e.rule());
            model.addAttribute("problemField", e.field());
            return view(me, id, model);
        }
    }

    /** The topic the form's label names in the drafter's agency (null, with a field error, when none). */
    private TopicChoice validateTaxonomy(StaffPrincipal me, ItemForm form, BindingResult errors) {
        TopicChoice topic = topics.resolve(me.agencyId(), form.getTopic()).orElse(null);
        if (!form.getTopic().isBlank() && topic == null) {
            errors.rejectValue("topic", "document.form.topic.unknown");
        }
        if (!form.getGenre().isBlank() && !Taxonomy.GENRES.contains(form.getGenre())) {
            errors.rejectValue("genre", "document.form.genre.unknown");
        }
        form.checkAgainst(org.departmentNames(me.agencyId()).keySet(), errors::rejectValue);
        return topic;
    }

    @PostMapping("/{id}/attachments")
    String upload(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam("file") MultipartFile file, Model model,
            RedirectAttributes flash) throws java.io.IOException {
        byte[] data = file.getBytes();
        return act(me, id, model, flash, "document.notice.attached", () -> text("document.notice.attachedName",
                attachments.add(me, id, file.getOriginalFilename(), data).getFilename()));
    }

    @PostMapping("/{id}/attachments/{attachmentId}/delete")
    String removeAttachment(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @PathVariable Long attachmentId, Model model, RedirectAttributes flash) {
        return act(me, id, model, flash, "document.notice.detached",
                () -> attachments.remove(me, id, attachmentId));
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal StaffPrincipal me,
            @PathVariable Long id, @PathVariable Long attachmentId) {
        Attachment a = attachments.download(me, id, attachmentId);
        return ResponseEntity.ok()
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(a.getFilename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(a.getContentType()))
                .body(a.getData());
    }
}
