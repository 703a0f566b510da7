package cn.gongkai.request;

import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.StaffPrincipal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 依申请公开统计 for any period. */
@Controller
@PreAuthorize("hasAnyRole('OFFICE','LEADER','LEADING_GROUP')")
class StatisticsController {

    private final RequestStatistics statistics;
    private final OrgDirectory org;

    StatisticsController(RequestStatistics statistics, OrgDirectory org) {
        this.statistics = statistics;
        this.org = org;
    }

    @GetMapping("/workbench/requests/statistics")
    String page(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate f = from == null ? today.withDayOfYear(1) : from;
        LocalDate t = to == null ? today : to;
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("total", statistics.agency(me.agencyId(), f, t));
        model.addAttribute("departments", statistics.byDepartment(me.agencyId(), f, t));
        model.addAttribute("departmentNames", org.departmentNames(me.agencyId()));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("categories", Outcome.Category.values());
        return "request/statistics";
    }
}
