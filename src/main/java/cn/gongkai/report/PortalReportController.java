package cn.gongkai.report;

import cn.gongkai.org.Agency;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.platform.ReportRenderer;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** 年度报告 on the portal: published reports only, as accessible HTML and as DOCX and PDF downloads. */
@Controller
class PortalReportController {

    private static final List<String> SECTIONS = List.of("guide", "catalog", "apply", "interpretation",
            "annual-report");

    private final AnnualReportDesk desk;
    private final ReportDocuments documents;
    private final OrgDirectory org;
    private final ReportRenderer renderer = new ReportRenderer();

    PortalReportController(AnnualReportDesk desk, ReportDocuments documents, OrgDirectory org) {
        this.desk = desk;
        this.documents = documents;
        this.org = org;
    }

    private Agency agency() {
        return org.portalAgency().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/portal/annual-report")
    String list(Model model) {
        Agency agency = agency();
        model.addAttribute("reports", desk.published(agency.getId()));
        model.addAttribute("agencyName", agency.getName());
        model.addAttribute("section", "annual-report");
        model.addAttribute("sections", SECTIONS);
        return "report/portal-list";
    }

    @GetMapping("/portal/annual-report/{year}")
    String view(@PathVariable int year, Model model) {
        Agency agency = agency();
        AnnualReport r = published(agency, year);
        model.addAttribute("report", r);
        model.addAttribute("doc", documents.document(documents.of(r, agency.getName())));
        model.addAttribute("reports", desk.published(agency.getId()));
        model.addAttribute("section", "annual-report");
        model.addAttribute("sections", SECTIONS);
        return "report/portal-view";
    }

    @GetMapping("/portal/annual-report/{year}/report.docx")
    ResponseEntity<byte[]> docx(@PathVariable int year) {
        Agency agency = agency();
        ReportDocuments.Content c = documents.of(published(agency, year), agency.getName());
        return AnnualReportController.download(renderer.docx(documents.document(c)), AnnualReportController.DOCX,
                documents.title(c) + ".docx");
    }

    @GetMapping("/portal/annual-report/{year}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable int year) {
        Agency agency = agency();
        ReportDocuments.Content c = documents.of(published(agency, year), agency.getName());
        return AnnualReportController.download(renderer.pdf(documents.document(c)), MediaType.APPLICATION_PDF,
                documents.title(c) + ".pdf");
    }

    private AnnualReport published(Agency agency, int year) {
        return desk.published(agency.getId(), year)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
