package cn.gongkai.org;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

/** What the system administrator types to create or edit an account; kept as typed when it is refused. */
class UserForm {

    @NotBlank(message = "{org.user.username.required}")
    @Pattern(regexp = "[A-Za-z0-9_.-]{2,64}", message = "{org.user.username.pattern}")
    private String username = "";

    @NotBlank(message = "{org.user.displayName.required}")
    @Size(max = 100, message = "{org.user.displayName.size}")
    private String displayName = "";

    @Email(message = "{org.user.email.invalid}")
    private String email = "";

    @NotNull(message = "{org.user.department.required}")
    private Long departmentId;

    /** Never set by the system administrator's forms: posted anyway, it is refused (roles are the security
     *  administrator's, see {@link Administration#assignRoles}). */
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    /** Only for a new account. */
    private String password = "";

    static UserForm of(UserAccount account) {
        UserForm form = new UserForm();
        form.username = account.getUsername();
        form.displayName = account.getDisplayName();
        form.email = account.getEmail() == null ? "" : account.getEmail();
        form.departmentId = account.getDepartmentId();
        return form;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? "" : username.trim();
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName == null ? "" : displayName.trim();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? "" : email.trim();
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(Long departmentId) {
        this.departmentId = departmentId;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }
}
