package cn.gongkai.report;

import cn.gongkai.org.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 全市情况 ({@code /workbench/city}): the city's disclosure authority reads, for the period, each agency's figures
 * ({@link CityFigures}). Only the office, leaders and leading group of an agency of kind DISCLOSURE_AUTHORITY; anyone
 * else gets 403, whatever their role.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICE','LEADER','LEADING_GROUP')")
class CityController {

    private final CityFigures city;

    CityController(CityFigures city) {
        this.city = city;
    }

    @GetMapping("/workbench/city")
    String page(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String year,
            Model model) {
        if (!city.isAuthority(me.agencyId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("yearInput", year);
        model.addAttribute("reportYear", city.today().getYear() - 1);
        DashboardPeriod period;
        try {
            period = DashboardPeriod.parse(year, null, null, city.today());
        } catch (DashboardPeriod.Invalid e) {
            model.addAttribute("problem", e.getMessage());
            return "report/city";
        }
        if (year == null) {
            model.addAttribute("yearInput", String.valueOf(period.from().getYear()));
        }
        model.addAttribute("period", period);
        model.addAttribute("rows", city.of(me.agencyId(), period));
        return "report/city";
    }
}
