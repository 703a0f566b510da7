package cn.gongkai.org;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class DepartmentForm {

    @NotBlank(message = "{org.department.name.required}")
    @Size(max = 100, message = "{org.department.name.size}")
    private String name = "";

    @Min(value = 0, message = "{org.department.sortOrder.range}")
    @Max(value = 9999, message = "{org.department.sortOrder.range}")
    private int sortOrder;

    private boolean active = true;

    private DepartmentKind kind = DepartmentKind.OFFICE_UNIT;

    static DepartmentForm of(Department d) {
        DepartmentForm form = new DepartmentForm();
        form.name = d.getName();
        form.sortOrder = d.getSortOrder();
        form.active = d.isActive();
        form.kind = d.getKind();
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name.trim();
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public DepartmentKind getKind() {
        return kind;
    }

    public void setKind(DepartmentKind kind) {
        this.kind = kind == null ? DepartmentKind.OFFICE_UNIT : kind;
    }
}
