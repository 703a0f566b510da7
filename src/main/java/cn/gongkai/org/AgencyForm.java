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

    static AgencyForm of(Agency agency) {
        AgencyForm form = new AgencyForm();
        form.name = agency.getName();
        form.organisationCode = agency.getOrganisationCode();
        form.yellowDays = agency.getYellowDays();
        form.indexPattern = agency.getIndexPattern().text();
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
