package cn.gongkai.catalog;

import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.StaffPrincipal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 备案 and 台账 for the office. */
@Controller
@RequestMapping("/workbench/catalog")
@PreAuthorize("hasAnyRole('OFFICE','LEADER','LEADING_GROUP')")
class RecordsController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Records records;
    private final OrgDirectory org;

    RecordsController(Records records, OrgDirectory org) {
        this.records = records;
        this.org = org;
    }

    @GetMapping("/records")
    String page(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        model.addAttribute("filings", records.filings(me.agencyId()));
        model.addAttribute("departments", org.departmentNames(me.agencyId()));
        model.addAttribute("names", org.names(me.agencyId()));
        model.addAttribute("from", today.withDayOfYear(1));
        model.addAttribute("to", today);
        return "catalog/records";
    }

    @PostMapping("/filings")
    @PreAuthorize("hasRole('OFFICE')")
    String file(@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes flash) {
        records.file(me.agencyId(), me.getUsername());
        flash.addFlashAttribute("notice", "catalog.notice.filed");
        return "redirect:/workbench/catalog/records";
    }

    @GetMapping("/filings/{id}.xlsx")
    ResponseEntity<byte[]> filing(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id) {
        return download("备案-" + id + ".xlsx", records.filingXlsx(me.agencyId(), id));
    }

    @GetMapping("/ledger.xlsx")
    ResponseEntity<byte[]> ledger(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long department) {
        return download("台账-" + from + "-" + to + ".xlsx", records.ledgerXlsx(me.agencyId(), from, to, department));
    }

    /** Another agency's filing, or none: 404, never an error page (Records scopes every lookup by agency). */
    @ExceptionHandler(CatalogRuleViolation.class)
    ResponseEntity<Void> refused(CatalogRuleViolation e) {
        return ResponseEntity.status("catalog.error.notFound".equals(e.getMessage()) ? HttpStatus.NOT_FOUND
                : HttpStatus.CONFLICT).build();
    }

    private static ResponseEntity<byte[]> download(String name, byte[] data) {
        return ResponseEntity.ok().contentType(XLSX).header("Content-Disposition",
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString()).body(data);
    }
}
