package cn.gongkai.org;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 机关: a government body running its own disclosure work. */
@Entity
@EntityListeners(OrgChanges.class)
@Table(name = "agency")
public class Agency {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private AgencyKind kind;
    private String organisationCode;
    /** Work items turn yellow when this many working days or fewer remain. */
    private int yellowDays = 3;
    /** 索引号格式; changing it numbers only what is published afterwards. */
    private String indexPattern = IndexNumberPattern.DEFAULT_TEXT;

    protected Agency() {
    }

    Agency(String code, String name, AgencyKind kind, String organisationCode) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.organisationCode = organisationCode;
    }

    void configure(String name, String organisationCode, int yellowDays, IndexNumberPattern indexPattern) {
        this.name = name;
        this.organisationCode = organisationCode;
        this.yellowDays = yellowDays;
        this.indexPattern = indexPattern.text();
    }

    String describe() {
        return "name=" + name + ", organisationCode=" + organisationCode + ", yellowDays=" + yellowDays
                + ", indexPattern=" + indexPattern;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public AgencyKind getKind() {
        return kind;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public int getYellowDays() {
        return yellowDays;
    }

    public IndexNumberPattern getIndexPattern() {
        return new IndexNumberPattern(indexPattern);
    }
}
