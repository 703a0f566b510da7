-- Disclosure on request (依申请公开).
create sequence info_request_seq;

create table info_request (
    id                      bigserial primary key,
    agency_id               bigint       not null,
    tracking_number         varchar(32)  not null unique,
    query_code_hash         varchar(64)  not null,
    channel                 varchar(16)  not null,
    received_on             date         not null,
    applicant_kind          varchar(16)  not null,
    organisation_kind       varchar(40),
    name                    varchar(200) not null,
    id_type                 varchar(16),
    id_number_cipher        text,
    id_number_hash          varchar(64),
    phone_cipher            text,
    phone_hash              varchar(64),
    email                   varchar(200),
    address                 varchar(300),
    postcode                varchar(10),
    credit_code             varchar(18),
    legal_representative    varchar(100),
    contact_person          varchar(100),
    info_title              varchar(300),
    info_document_number    varchar(100),
    info_description        text         not null,
    purpose                 text,
    delivery                varchar(16)  not null,
    status                  varchar(32)  not null,
    department_id           bigint,
    allowance               int          not null,
    clock_start             date         not null,
    extension_days          int          not null default 0,
    paused_days             int          not null default 0,
    paused_since            date,
    consultation_kind       varchar(16),
    consultation_party      varchar(300),
    amendment_requested_on  date,
    amendment_text          text,
    amendment_due           date,
    amended_on              date,
    extension_requested_days int,
    extension_reason        text,
    extension_approved_by   varchar(64),
    outcome                 varchar(40),
    reply_form              varchar(24),
    reply_text              text,
    linked_index_numbers    varchar(500),
    reply_drafted_by        varchar(64),
    office_reviewed_by      varchar(64),
    leader_approved_by      varchar(64),
    replied_on              date,
    delivered_on            date,
    delivery_note           varchar(300),
    applicant_key           varchar(64)  not null,
    duplicate_of            varchar(32),
    fee_yuan                int,
    fee_due                 date,
    fee_paid_on             date,
    explanation_asked_on    date,
    explanation_question    text,
    explanation_answer      text,
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null
);
create index info_request_agency_idx on info_request (agency_id, status);
create index info_request_department_idx on info_request (department_id, status);
create index info_request_id_hash_idx on info_request (id_number_hash);
create index info_request_applicant_idx on info_request (agency_id, applicant_key, received_on);

-- 行政复议 and 行政诉讼 about a request, for the annual report's table 四.
create table request_challenge (
    id          bigserial primary key,
    request_id  bigint       not null references info_request (id),
    kind        varchar(32)  not null,
    filed_on    date         not null,
    result      varchar(16)  not null,
    note        varchar(500),
    recorded_by varchar(64)  not null,
    recorded_at timestamptz  not null
);
create index request_challenge_request_idx on request_challenge (request_id);

create table request_event (
    id          bigserial primary key,
    request_id  bigint       not null references info_request (id),
    at          timestamptz  not null,
    actor       varchar(64)  not null,
    kind        varchar(40)  not null,
    public_step boolean      not null,
    text        text
);
create index request_event_request_idx on request_event (request_id, id);
