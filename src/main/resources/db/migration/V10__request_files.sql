-- Files exchanged with one applicant (依申请公开): the identity scan sent with the request (IDENTITY_SCAN) and the
-- files released to this applicant with the reply (RELEASED). Never in the public catalog. The name and the content
-- are SM4-GCM cipher text (platform.PersonalDataCipher, key from configuration); type and size are from the checked
-- content.
create table request_file (
    id              bigserial primary key,
    request_id      bigint       not null references info_request (id),
    kind            varchar(16)  not null,
    filename_cipher text         not null,
    content_type    varchar(100) not null,
    size_bytes      bigint       not null,
    data_cipher     bytea        not null,
    uploaded_by     varchar(64)  not null,
    uploaded_at     timestamptz  not null
);
create index request_file_request_idx on request_file (request_id, kind);
