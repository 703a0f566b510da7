package cn.gongkai.report;

import cn.gongkai.org.StaffPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 统计分析: the statistics dashboard for the office, the leaders and the leading group (考评 三.5, 三.6), over the
 * signed-in member's agency only. The period is a year or a range of months; the default is the current year.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICE','LEADER','LEADING_GROUP')")
class DashboardController {

    private final DashboardFigures figures;
    private final cn.gongkai.interpretation.Interpretations interpretations;
    private final cn.gongkai.readingroom.ReadingRoom readingRoom;
    private final CityFigures city;
    private final cn.gongkai.opinion.OpinionFigures opinion;

    DashboardController(DashboardFigures figures, cn.gongkai.interpretation.Interpretations interpretations,
            cn.gongkai.readingroom.ReadingRoom readingRoom, CityFigures city,
            cn.gongkai.opinion.OpinionFigures opinion) {
        this.figures = figures;
        this.opinion = opinion;
        this.city = city;
        this.interpretations = interpretations;
        this.readingRoom = readingRoom;
    }

    @GetMapping("/workbench/dashboard")
    String page(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String year,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        model.addAttribute("yearInput", year);
        model.addAttribute("fromInput", from);
        model.addAttribute("toInput", to);
        // The city's disclosure authority also reads the agencies that answer to it.
        model.addAttribute("cityLink", city.isAuthority(me.agencyId()));
        DashboardPeriod period;
        try {
            period = DashboardPeriod.parse(year, from, to, figures.today());
        } catch (DashboardPeriod.Invalid e) {
            model.addAttribute("problem", e.getMessage());
            return "report/dashboard";
        }
        if (year == null && from == null && to == null) {
            model.addAttribute("yearInput", String.valueOf(period.from().getYear()));
        }
        model.addAttribute("dashboard", figures.of(me.agencyId(), period));
        // 政策解读"三同步" (三同步 五) and the reading room (工作职责 五.3), as sentences under the charts.
        model.addAttribute("interpretation", interpretations.figures(me.agencyId(), period.firstDay(),
                period.lastDay()));
        model.addAttribute("readingRoom", readingRoom.figures(me.agencyId(), period.firstDay(), period.lastDay()));
        // 政务舆情回应: events by level and source, reports and answers in time, calls and messages, month by month.
        model.addAttribute("opinion", opinion.of(me.agencyId(), period.firstDay(), period.lastDay()));
        return "report/dashboard";
    }
}
