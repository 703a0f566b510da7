package cn.gongkai.request;

import cn.gongkai.org.CreditCode;
import cn.gongkai.platform.ResidentId;
import cn.gongkai.platform.TextRules;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A request as typed, on the portal, at the counter or through the API (Regulations Art. 29): who asks, how to reach
 * them, what they seek and how they want it. Kept as typed when refused; each rule names its field.
 */
class IntakeForm {

    private RequestChannel channel = RequestChannel.ONLINE;
    /** ISO both ways: a date input shows only {@code yyyy-MM-dd}, whatever the locale would print. */
    @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
    private LocalDate receivedOn;
    @NotNull(message = "{request.form.applicantKind.required}")
    private ApplicantKind applicantKind = ApplicantKind.PERSON;
    private OrganisationKind organisationKind;
    @NotBlank(message = "{request.form.name.required}")
    @Size(max = 200, message = "{request.form.name.size}")
    @Pattern(regexp = TextRules.ONE_LINE, message = "{request.form.controlCharacters}")
    private String name = "";
    private IdType idType = IdType.RESIDENT_ID;
    @Pattern(regexp = TextRules.ONE_LINE, message = "{request.form.controlCharacters}")
    private String idNumber = "";
    @NotBlank(message = "{request.form.phone.required}")
    // Empty is left to @NotBlank, so that an empty field says only 请填写.
    @Pattern(regexp = "|(\\+?86)?1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "{request.form.phone.pattern}")
    private String phone = "";
    @Email(message = "{request.form.email.invalid}")
    @Size(max = 200, message = "{request.form.email.size}")
    @Pattern(regexp = TextRules.ONE_LINE, message = "{request.form.controlCharacters}")
    private String email = "";
    @Size(max = 300, message = "{request.form.address.size}")
    @Pattern(regexp = TextRules.ONE_LINE, message = "{request.form.controlCharacters}")
    private String address = "";
    @Pattern(regexp = "|\\d{6}", message = "{request.form.postcode.pattern}")
    private String postcode = "";
    @Pattern(regexp = TextRules.ONE_LINE, message = "{request.form.controlCharacters}")
    private String creditCode = "";
    @Size(max = 100, message = "{request.form.legalRepresentative.size}")
    @Pattern(regexp = TextRules.ONE_LINE, message = "{request.form.controlCharacters}")
    private String legalRepresentative = "";
    @Size(max = 100, message = "{request.form.contactPerson.size}")
    @Pattern(regexp = TextRules.ONE_LINE, message = "{request.form.controlCharacters}")
    private String contactPerson = "";
    @Size(max = 300, message = "{request.form.title.size}")
    @Pattern(regexp = TextRules.ONE_LINE, message = "{request.form.controlCharacters}")
    private String title = "";
    @Size(max = 100, message = "{request.form.documentNumber.size}")
    @Pattern(regexp = TextRules.ONE_LINE, message = "{request.form.controlCharacters}")
    private String documentNumber = "";
    @NotBlank(message = "{request.form.description.required}")
    @Size(max = 4000, message = "{request.form.description.size}")
    @Pattern(regexp = TextRules.MULTI_LINE, message = "{request.form.controlCharacters}")
    private String description = "";
    @Size(max = 1000, message = "{request.form.purpose.size}")
    @Pattern(regexp = TextRules.MULTI_LINE, message = "{request.form.controlCharacters}")
    private String purpose = "";
    @NotNull(message = "{request.form.delivery.required}")
    private Delivery delivery = Delivery.EMAIL;
    /** The identity scan chosen on the form (optional); checked by {@link FileRule#IDENTITY_SCAN}, not kept. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    private org.springframework.web.multipart.MultipartFile identityScan;

    /** A person gives an identity document's number; an organisation does not (its fields are checked instead). */
    @AssertTrue(message = "{request.form.idNumber.required}")
    public boolean isIdNumberGiven() {
        return applicantKind != ApplicantKind.PERSON || (idNumber != null && !idNumber.isBlank());
    }

    /** GB 11643: a resident ID must carry a real birth date and the right check character. */
    @AssertTrue(message = "{request.form.idNumber.invalid}")
    public boolean isIdNumberValid() {
        if (applicantKind != ApplicantKind.PERSON || idNumber == null || idNumber.isBlank()) {
            return true;
        }
        return idType != IdType.RESIDENT_ID || ResidentId.isValid(idNumber.trim());
    }

    @AssertTrue(message = "{request.form.creditCode.required}")
    public boolean isCreditCodeGiven() {
        return applicantKind != ApplicantKind.ORGANISATION || (creditCode != null && !creditCode.isBlank());
    }

    /** GB 32100: an organisation's unified social credit code must pass its check. */
    @AssertTrue(message = "{request.form.creditCode.invalid}")
    public boolean isCreditCodeValid() {
        return applicantKind != ApplicantKind.ORGANISATION || creditCode == null || creditCode.isBlank()
                || CreditCode.isValid(creditCode.trim().toUpperCase(java.util.Locale.ROOT));
    }

    @AssertTrue(message = "{request.form.organisationKind.required}")
    public boolean isOrganisationKindGiven() {
        return applicantKind != ApplicantKind.ORGANISATION || organisationKind != null;
    }

    @AssertTrue(message = "{request.form.email.required}")
    public boolean isEmailGivenForEmailDelivery() {
        return delivery != Delivery.EMAIL || (email != null && !email.isBlank());
    }

    Applicant applicant() {
        return new Applicant(applicantKind, organisationKind, name.trim(), applicantKind == ApplicantKind.PERSON
                ? idType : null, applicantKind == ApplicantKind.PERSON ? idNumber.trim().toUpperCase(
                        java.util.Locale.ROOT) : null, canonicalPhone(phone), email, address, postcode,
                applicantKind == ApplicantKind.ORGANISATION ? creditCode.trim().toUpperCase(java.util.Locale.ROOT)
                        : null, legalRepresentative, contactPerson);
    }

    /** Digits only, without the +86 / 0086 country prefix, so that one phone always hashes the same. */
    static String canonicalPhone(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits;
    }

    Sought sought() {
        return new Sought(title, documentNumber, description.trim(), purpose, delivery);
    }

    /** The API's field names for the cross-field checks. */
    static String fieldName(String field) {
        return switch (field) {
            case "idNumberGiven", "idNumberValid" -> "idNumber";
            case "creditCodeGiven", "creditCodeValid" -> "creditCode";
            case "organisationKindGiven" -> "organisationKind";
            case "emailGivenForEmailDelivery" -> "email";
            default -> field;
        };
    }

    public RequestChannel getChannel() { return channel; }
    public void setChannel(RequestChannel v) { channel = v; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public void setReceivedOn(LocalDate v) { receivedOn = v; }
    public ApplicantKind getApplicantKind() { return applicantKind; }
    public void setApplicantKind(ApplicantKind v) { applicantKind = v; }
    public OrganisationKind getOrganisationKind() { return organisationKind; }
    public void setOrganisationKind(OrganisationKind v) { organisationKind = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v == null ? "" : v; }
    public IdType getIdType() { return idType; }
    public void setIdType(IdType v) { idType = v; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String v) { idNumber = v == null ? "" : v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v == null ? "" : v.trim(); }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v == null ? "" : v.trim(); }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v == null ? "" : v; }
    public String getPostcode() { return postcode; }
    public void setPostcode(String v) { postcode = v == null ? "" : v.trim(); }
    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String v) { creditCode = v == null ? "" : v; }
    public String getLegalRepresentative() { return legalRepresentative; }
    public void setLegalRepresentative(String v) { legalRepresentative = v == null ? "" : v; }
    public String getContactPerson() { return contactPerson; }
    public void setContactPerson(String v) { contactPerson = v == null ? "" : v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v == null ? "" : v; }
    public String getDocumentNumber() { return documentNumber; }
    public void setDocumentNumber(String v) { documentNumber = v == null ? "" : v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v == null ? "" : v; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String v) { purpose = v == null ? "" : v; }
    public Delivery getDelivery() { return delivery; }
    public void setDelivery(Delivery v) { delivery = v; }
    @com.fasterxml.jackson.annotation.JsonIgnore
    public org.springframework.web.multipart.MultipartFile getIdentityScan() { return identityScan; }
    @com.fasterxml.jackson.annotation.JsonIgnore
    public void setIdentityScan(org.springframework.web.multipart.MultipartFile v) { identityScan = v; }

    /**
     * The identity scan as checked, or null when none was chosen; a refusal is added to {@code errors} naming the
     * field.
     */
    FileRule.Upload checkedIdentityScan(org.springframework.validation.Errors errors) {
        try {
            return FileRule.IDENTITY_SCAN.check(identityScan);
        } catch (RequestRuleViolation e) {
            errors.rejectValue(FileRule.IDENTITY_SCAN.field(), e.rule());
            return null;
        }
    }
    /** The JSON API nests the information sought: {"information":{"title","documentNumber","description"}}. */
    public void setInformation(java.util.Map<String, String> info) {
        if (info != null) {
            setTitle(info.get("title"));
            setDocumentNumber(info.get("documentNumber"));
            setDescription(info.get("description"));
        }
    }
}
