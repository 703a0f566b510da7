package cn.gongkai.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * 新建机关: what the platform administrator gives for a new agency and its first system administrator (the page's
 * form and the API's JSON body alike).
 */
class NewAgencyForm {

    /** The agency's short code on the platform: its portal address {@code /agencies/{code}/} and the API's filter. */
    @NotBlank(message = "{org.platform.code.required}")
    @Pattern(regexp = "|[A-Z][A-Z0-9]{1,15}", message = "{org.platform.code.pattern}")
    private String code = "";

    @NotBlank(message = "{org.agency.name.required}")
    @Size(max = 200, message = "{org.agency.name.size}")
    private String name = "";

    @NotNull(message = "{org.platform.kind.required}")
    private AgencyKind kind = AgencyKind.AGENCY;

    /** 机构代码 or 统一社会信用代码, as in 机关设置. */
    @NotBlank(message = "{org.platform.organisationCode.required}")
    @Pattern(regexp = "|[0-9A-Z]{9}|[0-9A-HJ-NPQRTUWXY]{18}", message = "{org.agency.organisationCode.pattern}")
    private String organisationCode = "";

    /** 索引号格式; blank for the default. */
    @Size(max = 100, message = "{org.platform.indexPattern.size}")
    private String indexPattern = "";

    /** The code of the authority the agency answers to; blank for none. */
    @Size(max = 16, message = "{org.platform.parent.unknown}")
    private String parentCode = "";

    @NotBlank(message = "{org.platform.adminUsername.required}")
    @Pattern(regexp = "|[a-z][a-z0-9._-]{2,31}", message = "{org.platform.adminUsername.pattern}")
    private String adminUsername = "";

    @NotBlank(message = "{org.platform.adminDisplayName.required}")
    @Size(max = 50, message = "{org.platform.adminDisplayName.size}")
    private String adminDisplayName = "";

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? "" : code.trim();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name.trim();
    }

    public AgencyKind getKind() {
        return kind;
    }

    public void setKind(AgencyKind kind) {
        this.kind = kind;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public void setOrganisationCode(String organisationCode) {
        this.organisationCode = organisationCode == null ? "" : organisationCode.trim();
    }

    public String getIndexPattern() {
        return indexPattern;
    }

    public void setIndexPattern(String indexPattern) {
        this.indexPattern = indexPattern == null ? "" : indexPattern.trim();
    }

    public String getParentCode() {
        return parentCode;
    }

    public void setParentCode(String parentCode) {
        this.parentCode = parentCode == null ? "" : parentCode.trim();
    }

    public String getAdminUsername() {
        return adminUsername;
    }

    public void setAdminUsername(String adminUsername) {
        this.adminUsername = adminUsername == null ? "" : adminUsername.trim();
    }

    public String getAdminDisplayName() {
        return adminDisplayName;
    }

    public void setAdminDisplayName(String adminDisplayName) {
        this.adminDisplayName = adminDisplayName == null ? "" : adminDisplayName.trim();
    }
}
