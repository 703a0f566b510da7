package cn.gongkai.report;

import cn.gongkai.catalog.CatalogYearFigures;
import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.platform.ReportRenderer;
import cn.gongkai.request.Outcome;
import cn.gongkai.request.RequestYearFigures;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workbench's annual-report pages: the office compiles, the leader approves, the office publishes. */
@Controller
@RequestMapping("/workbench/reports")
@PreAuthorize("hasAnyRole('OFFICE','LEADER','LEADING_GROUP')")
class AnnualReportController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final AnnualReportDesk desk;
    private final ReportDocuments documents;
    private final OrgDirectory org;
    private final ReportRenderer renderer = new ReportRenderer();

    private final org.springframework.context.MessageSource messages;

    private final cn.gongkai.interpretation.Interpretations interpretations;

    AnnualReportController(AnnualReportDesk desk, ReportDocuments documents, OrgDirectory org,
            org.springframework.context.MessageSource messages,
            cn.gongkai.interpretation.Interpretations interpretations) {
        this.interpretations = interpretations;
        this.messages = messages;
        this.desk = desk;
        this.documents = documents;
        this.org = org;
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        Agency agency = org.agency(me.agencyId()).orElseThrow();
        List<AnnualReport> reports = desk.reports(me.agencyId());
        Map<Integer, LocalDate> deadlines = new LinkedHashMap<>();
        reports.forEach(r -> deadlines.put(r.getYear(), desk.deadline(agency, r.getYear())));
        int lastYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
        model.addAttribute("reports", reports);
        model.addAttribute("deadlines", deadlines);
        model.addAttribute("defaultYear", lastYear);
        model.addAttribute("lastDeadline", desk.deadline(agency, lastYear));
        model.addAttribute("canGenerate", me.has(Role.OFFICE));
        return "report/annual-list";
    }

    @PostMapping("/generate")
    String generate(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) Integer year,
            Model model, RedirectAttributes flash) {
        try {
            AnnualReport r = desk.generate(me, year == null ? 0 : year);
            flash.addFlashAttribute("notice", "report.notice.done");
            flash.addFlashAttribute("noticeText", said("report.notice.generated", r));
            return "redirect:/workbench/reports/" + r.getId();
        } catch (ReportRuleViolation e) {
            model.addAttribute("problem", e.rule());
            return list(me, model);
        }
    }

    @GetMapping("/{id}")
    String view(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model) {
        AnnualReport r = desk.get(me, id);
        Agency agency = org.agency(me.agencyId()).orElseThrow();
        ReportDocuments.Content content = documents.of(r, agency.getName());
        model.addAttribute("report", r);
        model.addAttribute("doc", documents.document(content));
        model.addAttribute("deadline", desk.deadline(agency, r.getYear()));
        List<String> mismatches = new ArrayList<>();
        for (ReportTables.Mismatch m : r.check()) {
            mismatches.add(documents.m("report.view.checkColumn", documents.m("report.t3." + m.column()),
                    m.received().toPlainString(), m.accounted().toPlainString()));
        }
        model.addAttribute("mismatches", mismatches);
        model.addAttribute("missing", !r.missing().isEmpty());
        model.addAttribute("cells", cellLabels());
        model.addAttribute("facts", facts(me.agencyId(), r));
        model.addAttribute("versions", desk.versions(r.getId()));
        model.addAttribute("names", org.names(me.agencyId()));
        model.addAttribute("isOffice", me.has(Role.OFFICE));
        model.addAttribute("isLeader", me.has(Role.LEADER));
        if (!model.containsAttribute("texts")) {
            model.addAttribute("texts", new String[] {r.getSectionOverview(), r.getSectionProblems(),
                    r.getSectionOther()});
        }
        return "report/annual-view";
    }

    @GetMapping("/{id}/versions/{version}")
    String version(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @PathVariable int version,
            Model model) {
        AnnualReport r = desk.get(me, id);
        AnnualReportVersion v = desk.version(r.getId(), version)
                .orElseThrow(AnnualReportDesk.ReportNotFound::new);
        String agencyName = org.agency(me.agencyId()).orElseThrow().getName();
        model.addAttribute("report", r);
        model.addAttribute("version", v);
        model.addAttribute("names", org.names(me.agencyId()));
        model.addAttribute("doc", documents.document(documents.of(r, v, agencyName)));
        return "report/annual-version";
    }

    @GetMapping("/{id}/report.docx")
    ResponseEntity<byte[]> docx(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id) {
        AnnualReport r = desk.get(me, id);
        ReportDocuments.Content c = documents.of(r, org.agency(me.agencyId()).orElseThrow().getName());
        return download(renderer.docx(documents.document(c)), DOCX, documents.title(c) + ".docx");
    }

    @GetMapping("/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id) {
        AnnualReport r = desk.get(me, id);
        ReportDocuments.Content c = documents.of(r, org.agency(me.agencyId()).orElseThrow().getName());
        return download(renderer.pdf(documents.document(c)), MediaType.APPLICATION_PDF, documents.title(c) + ".pdf");
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @PostMapping("/{id}/regenerate")
    String regenerate(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.generate(me, desk.get(me, id).getYear()), "report.notice.generated");
    }

    @PostMapping("/{id}/texts")
    String texts(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id,
            @RequestParam(defaultValue = "") String overview, @RequestParam(defaultValue = "") String problems,
            @RequestParam(defaultValue = "") String other, Model model, RedirectAttributes flash) {
        model.addAttribute("texts", new String[] {overview, problems, other});
        return act(me, id, model, flash, () -> desk.edit(me, id, overview, problems, other), "report.notice.textsSaved");
    }

    @PostMapping("/{id}/figures")
    String figure(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam String cell,
            @RequestParam(defaultValue = "") String value, Model model, RedirectAttributes flash) {
        model.addAttribute("enteredCell", cell);
        model.addAttribute("enteredValue", value);
        return act(me, id, model, flash, () -> desk.enter(me, id, cell, value), "report.notice.figureSaved");
    }

    @PostMapping("/{id}/submit")
    String submit(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.submit(me, id), "report.notice.submitted");
    }

    @PostMapping("/{id}/decision")
    String decide(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, @RequestParam boolean approve,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes flash) {
        model.addAttribute("reason", reason);
        return act(me, id, model, flash, () -> desk.decide(me, id, approve, reason),
                approve ? "report.notice.approved" : "report.notice.returned");
    }

    @PostMapping("/{id}/publish")
    String publish(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id, Model model,
            RedirectAttributes flash) {
        return act(me, id, model, flash, () -> desk.publish(me, id), "report.notice.published");
    }

    /** Runs a step; the notice names the report (year, version) and what happened to it. */
    private String act(StaffPrincipal me, Long id, Model model, RedirectAttributes flash,
            Supplier<AnnualReport> step, String noticeKey) {
        try {
            AnnualReport r = step.get();
            flash.addFlashAttribute("notice", "report.notice.done");
            flash.addFlashAttribute("noticeText", said(noticeKey, r));
            if (r.getStatus() == ReportStatus.PUBLISHED && "report.notice.published".equals(noticeKey)) {
                flash.addFlashAttribute("noticeLink", "/portal/annual-report/" + r.getYear());
                flash.addFlashAttribute("noticeLinkText", messages.getMessage("report.notice.publicPage", null,
                        java.util.Locale.SIMPLIFIED_CHINESE));
            }
            return "redirect:/workbench/reports/" + id;
        } catch (ReportRuleViolation e) {
            model.addAttribute("problem", e.rule());
            model.addAttribute("problemField", e.field());
            return view(me, id, model);
        }
    }

    private String said(String key, AnnualReport r) {
        return messages.getMessage(key, new Object[] {String.valueOf(r.getYear()), r.getVersion()},
                java.util.Locale.SIMPLIFIED_CHINESE);
    }

    /** Every cell that may be entered by hand, with its label: table 二's, then 三's (row：column), then 四's. */
    private Map<String, String> cellLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String cell : ReportTables.TABLE_2) {
            labels.put(cell, documents.m("report.cell." + cell));
        }
        for (String row : ReportTables.ROWS) {
            String rowLabel = rowLabel(row);
            for (String col : ReportTables.COLUMNS) {
                labels.put(ReportTables.t3(row, col), rowLabel + "：" + documents.m("report.t3." + col));
            }
        }
        for (String kind : RequestYearFigures.CHALLENGE_KINDS) {
            for (String result : RequestYearFigures.CHALLENGE_RESULTS) {
                labels.put("t4." + kind + "." + result, documents.m("report.t4." + kind) + "："
                        + documents.m("report.t4." + result));
            }
        }
        return labels;
    }

    private String rowLabel(String row) {
        if (List.of("NEW", "CARRIED_IN", "CARRIED_OUT").contains(row)) {
            return documents.m("report.t3." + row);
        }
        Outcome o = Outcome.valueOf(row);
        String category = documents.m("report.t3.category." + o.category());
        long inCategory = java.util.Arrays.stream(Outcome.values()).filter(x -> x.category() == o.category()).count();
        return inCategory == 1 ? category : category + documents.m("report.t3.outcome." + o.name());
    }

    /** Sentences with what the records know about the year, offered for section 一. */
    private List<String> facts(Long agencyId, AnnualReport r) {
        CatalogYearFigures.YearFacts f = desk.facts(agencyId, r.getYear());
        List<String> facts = new ArrayList<>();
        facts.add(documents.m("report.fact.published", String.valueOf(f.published())));
        if (f.filedNotPublic() > 0) {
            facts.add(documents.m("report.fact.filed", String.valueOf(f.filedNotPublic())));
        }
        if (!f.byChannel().isEmpty()) {
            List<String> channels = new ArrayList<>();
            f.byChannel().forEach((channel, n) -> channels.add(documents.m("document.channel." + channel)
                    + " " + n));
            facts.add(documents.m("report.fact.channels", String.join("、", channels)));
        }
        facts.add(documents.m("report.fact.filings", String.valueOf(f.filings())));
        if (f.withdrawn() + f.repealed() > 0) {
            facts.add(documents.m("report.fact.withdrawn", String.valueOf(f.withdrawn()),
                    String.valueOf(f.repealed())));
        }
        // 政策解读"三同步" (三同步 五): the year's policies and how many had their interpretation within 10 working days.
        cn.gongkai.interpretation.Interpretations.YearFigures policies = interpretations.yearFigures(agencyId,
                r.getYear());
        if (policies.policies() > 0) {
            facts.add(documents.m("report.fact.interpretations", String.valueOf(policies.policies()),
                    String.valueOf(policies.onTime())));
        }
        java.util.function.Function<String, BigDecimal> v = r::value;
        facts.add(documents.m("report.fact.requests",
                ReportTables.table3(v, "NEW", ReportTables.TOTAL).toPlainString(),
                ReportTables.table3(v, "HANDLED", ReportTables.TOTAL).toPlainString(),
                ReportTables.table3(v, "CARRIED_OUT", ReportTables.TOTAL).toPlainString()));
        return facts;
    }
}
