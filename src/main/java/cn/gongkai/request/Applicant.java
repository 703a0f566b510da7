package cn.gongkai.request;

/**
 * What the applicant gave (Regulations Art. 29), in clear, as typed; the request stores the ID number and phone
 * encrypted and never keeps this object.
 */
record Applicant(ApplicantKind kind, OrganisationKind organisationKind, String name, IdType idType, String idNumber,
        String phone, String email, String address, String postcode, String creditCode, String legalRepresentative,
        String contactPerson) {
}
