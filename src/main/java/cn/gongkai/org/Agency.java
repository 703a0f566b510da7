package cn.gongkai.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Generated;

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
    /** 受理机构's contacts, shown in the 政府信息公开指南. */
    private String contactAddress;
    private String contactOfficeHours;
    private String contactTelephone;
    private String contactFax;
    private String contactEmail;
    private String contactPostcode;
    /** The authority this agency answers to (the city's 政务公开主管部门); null for the authority itself. */
    private Long parentId;
    /** When it was created (by the platform administrator, or at the first start); the database's clock. */
    @Generated
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    protected Agency() {
    }

    Agency(String code, String name, AgencyKind kind, String organisationCode) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.organisationCode = organisationCode;
    }

    /** A new agency on a city's platform, under its authority ({@code parentId}, may be null). */
    Agency(String code, String name, AgencyKind kind, String organisationCode, String indexPattern, Long parentId) {
        this(code, name, kind, organisationCode);
        this.indexPattern = indexPattern;
        this.parentId = parentId;
    }

    void configure(String name, String organisationCode, int yellowDays, IndexNumberPattern indexPattern) {
        this.name = name;
        this.organisationCode = organisationCode;
        this.yellowDays = yellowDays;
        this.indexPattern = indexPattern.text();
    }

    /** Puts the agency under an authority of the platform. */
    void answerTo(Long parentId) {
        this.parentId = parentId;
    }

    void contacts(Contacts c) {
        contactAddress = c.address();
        contactOfficeHours = c.officeHours();
        contactTelephone = c.telephone();
        contactFax = c.fax();
        contactEmail = c.email();
        contactPostcode = c.postcode();
    }

    String describe() {
        return "name=" + name + ", organisationCode=" + organisationCode + ", yellowDays=" + yellowDays
                + ", indexPattern=" + indexPattern + ", " + getContacts().describe();
    }

    /** 受理机构: address, office hours, telephone, fax, e-mail, postcode (blank when not set). */
    public Contacts getContacts() {
        return new Contacts(contactAddress, contactOfficeHours, contactTelephone, contactFax, contactEmail,
                contactPostcode);
    }

    /** The agency's contacts as the guide shows them. */
    public record Contacts(String address, String officeHours, String telephone, String fax, String email,
            String postcode) {

        public Contacts {
            address = address == null ? "" : address;
            officeHours = officeHours == null ? "" : officeHours;
            telephone = telephone == null ? "" : telephone;
            fax = fax == null ? "" : fax;
            email = email == null ? "" : email;
            postcode = postcode == null ? "" : postcode;
        }

        public String describe() {
            return "address=" + address + ", officeHours=" + officeHours + ", telephone=" + telephone + ", fax=" + fax
                    + ", email=" + email + ", postcode=" + postcode;
        }
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

    public Long getParentId() {
        return parentId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
