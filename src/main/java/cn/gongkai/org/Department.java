package cn.gongkai.org;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 科室 / 局属单位: a unit inside an agency. */
@Entity
@EntityListeners(OrgChanges.class)
@Table(name = "department")
public class Department {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agencyId;
    private String name;
    private int sortOrder;
    private boolean active = true;
    @Enumerated(EnumType.STRING)
    private DepartmentKind kind = DepartmentKind.OFFICE_UNIT;

    protected Department() {
    }

    Department(Long agencyId, String name, int sortOrder) {
        this(agencyId, name, sortOrder, DepartmentKind.OFFICE_UNIT);
    }

    Department(Long agencyId, String name, int sortOrder, DepartmentKind kind) {
        this.agencyId = agencyId;
        this.name = name;
        this.sortOrder = sortOrder;
        this.kind = kind;
    }

    void rename(String name, int sortOrder, boolean active, DepartmentKind kind) {
        this.name = name;
        this.sortOrder = sortOrder;
        this.active = active;
        this.kind = kind;
    }

    String describe() {
        return "name=" + name + ", kind=" + kind + ", sortOrder=" + sortOrder + ", active=" + active;
    }

    public Long getId() {
        return id;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public String getName() {
        return name;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public boolean isActive() {
        return active;
    }

    public DepartmentKind getKind() {
        return kind;
    }
}
