package cn.gongkai.org;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

class AgencyForm {

    @NotBlank(message = "{org.agency.name.required}")
    @Size(max = 200, message = "{org.agency.name.size}")
    private String name = "";

    /** 机构代码: the 9-character organisation code, or the 18-character unified social credit code. */
    @Pattern(regexp = "[0-9A-Z]{9}|[0-9A-HJ-NPQRTUWXY]{18}", message = "{org.agency.organisationCode.pattern}")
    private String organisationCode = "";

    @Min(value = 1, message = "{org.agency.yellowDays.range}")
    @Max(value = 10, message = "{org.agency.yellowDays.range}")
    private int yellowDays = 3;

    /** 索引号格式, checked against the 机构代码 by {@link IndexNumberPattern#problem}. */
    private String indexPattern = IndexNumberPattern.DEFAULT_TEXT;

    @Size(max = 200, message = "{org.agency.contactAddress.size}")
    private String contactAddress = "";
    @Size(max = 200, message = "{org.agency.contactOfficeHours.size}")
    private String contactOfficeHours = "";
    @Pattern(regexp = "|[0-9()（）+\\- ,，/]{5,50}", message = "{org.agency.contactTelephone.pattern}")
    private String contactTelephone = "";
    @Pattern(regexp = "|[0-9()（）+\\- ,，/]{5,50}", message = "{org.agency.contactFax.pattern}")
    private String contactFax = "";
    @Pattern(regexp = "|[^@\\s]{1,64}@[^@\\s]{1,35}", message = "{org.agency.contactEmail.pattern}")
    private String contactEmail = "";
    @Pattern(regexp = "|[0-9]{6}", message = "{org.agency.contactPostcode.pattern}")
    private String contactPostcode = "";

    Agency.Contacts contacts() {
        return new Agency.Contacts(contactAddress, contactOfficeHours, contactTelephone, contactFax, contactEmail,
                contactPostcode);
    }

    public String getContactAddress() { return contactAddress; }
    public void setContactAddress(String v) { contactAddress = v == null ? "" : v.strip(); }
    public String getContactOfficeHours() { return contactOfficeHours; }
    public void setContactOfficeHours(String v) { contactOfficeHours = v == null ? "" : v.strip(); }
    public String getContactTelephone() { return contactTelephone; }
    public void setContactTelephone(String v) { contactTelephone = v == null ? "" : v.strip(); }
    public String getContactFax() { return contactFax; }
    public void setContactFax(String v) { contactFax = v == null ? "" : v.strip(); }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String v) { contactEmail = v == null ? "" : v.strip(); }
    public String getContactPostcode() { return contactPostcode; }
    public void setContactPostcode(String v) { contactPostcode = v == null ? "" : v.strip(); }

    static AgencyForm of(Agency agency) {
        AgencyForm form = new AgencyForm();
        form.name = agency.getName();
        form.organisationCode = agency.getOrganisationCode();
        form.yellowDays = agency.getYellowDays();
        form.indexPattern = agency.getIndexPattern().text();
        Agency.Contacts c = agency.getContacts();
        form.contactAddress = c.address();
        form.contactOfficeHours = c.officeHours();
        form.contactTelephone = c.telephone();
        form.contactFax = c.fax();
        form.contactEmail = c.email();
        form.contactPostcode = c.postcode();
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name.trim();
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public void setOrganisationCode(String organisationCode) {
        this.organisationCode = organisationCode == null ? "" : organisationCode.trim().replace("-", "")
                .toUpperCase(java.util.Locale.ROOT);
    }

    public int getYellowDays() {
        return yellowDays;
    }

    public void setYellowDays(int yellowDays) {
        this.yellowDays = yellowDays;
    }

    public String getIndexPattern() {
        return indexPattern;
    }

    public void setIndexPattern(String indexPattern) {
        this.indexPattern = indexPattern == null ? "" : indexPattern.trim();
    }
}
