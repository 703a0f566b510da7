package cn.gongkai.org;

/** What a department is to its agency: 科室 (an office inside it) or 局属单位 (a unit under it). */
public enum DepartmentKind {
    /** 科室. */
    OFFICE_UNIT,
    /** 局属单位. */
    AFFILIATED_UNIT
}
