package cn.gongkai.org;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organisation as the signed-in member's own agency sees it. */
@RestController
@RequestMapping(path = "/api/v1/org", produces = "application/json")
@Tag(name = "机构", description = "The member's own agency: its departments (科室 and 局属单位)")
class OrgApiController {

    private final Administration admin;

    OrgApiController(Administration admin) {
        this.admin = admin;
    }

    /** One department as the API shows it: {@code kind} is OFFICE_UNIT (科室) or AFFILIATED_UNIT (局属单位). */
    record DepartmentView(Long id, String name, DepartmentKind kind) {

        static DepartmentView of(Department d) {
            return new DepartmentView(d.getId(), d.getName(), d.getKind());
        }
    }

    @GetMapping("/departments")
    @Operation(summary = "The departments of the signed-in member's own agency in display order, active ones only "
            + "(a deactivated department takes no new work); kind is OFFICE_UNIT (科室) or AFFILIATED_UNIT (局属单位)",
            responses = {@ApiResponse(responseCode = "200", description = "[{id, name, kind}]"),
                @ApiResponse(responseCode = "401", description = "not signed in")})
    List<DepartmentView> departments(@AuthenticationPrincipal StaffPrincipal me) {
        return admin.departments(me.agencyId()).stream().filter(Department::isActive).map(DepartmentView::of)
                .toList();
    }
}
