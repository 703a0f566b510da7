-- Publishing government information: drafts with self-review (同步自审), the review chain, gates, and the catalog.

create table info_item (
    id                        bigserial primary key,
    agency_id                 bigint       not null,
    department_id             bigint       not null,
    drafter_id                bigint       not null,
    drafter_name              varchar(100) not null,
    status                    varchar(32)  not null,
    version                   int          not null default 1,
    current_step              int          not null default 0,
    round                     int          not null default 0,
    clock_start               date         not null,
    title                     varchar(300) not null,
    document_number           varchar(100),
    summary                   text         not null,
    body                      text         not null,
    created_on                date         not null,
    topic                     varchar(64)  not null,
    genre                     varchar(32)  not null,
    keywords                  varchar(300),
    attribute                 varchar(16)  not null,
    attribute_basis           varchar(500),
    scope                     varchar(200),
    channels                  varchar(300) not null,
    secrecy_level             varchar(16)  not null,
    secrecy_term              varchar(50),
    third_party_involved      boolean      not null default false,
    other_agencies_involved   boolean      not null default false,
    other_agencies            varchar(300),
    third_party_consent       varchar(500),
    public_interest_decision  varchar(500),
    public_interest_by        varchar(64),
    other_agency_confirmation varchar(500),
    declassified_by           varchar(64),
    declassified_on           date,
    declassification_basis    varchar(500),
    review_opinion            varchar(16),
    submitted_at              timestamptz,
    updated_at                timestamptz  not null,
    index_number              varchar(64),
    published_version         int
);
create index info_item_agency_status_idx on info_item (agency_id, status);
create index info_item_department_idx on info_item (department_id);

create table info_item_co_producer (
    item_id       bigint      not null references info_item (id) on delete cascade,
    department_id bigint      not null,
    consent       varchar(500),
    consent_by    varchar(64),
    consent_at    timestamptz,
    primary key (item_id, department_id)
);

create table review_decision (
    id             bigserial primary key,
    item_id        bigint       not null references info_item (id),
    version        int          not null,
    round          int          not null,
    step           int          not null,
    role           varchar(32)  not null,
    reviewer       varchar(64)  not null,
    reviewer_name  varchar(100) not null,
    decision       varchar(16)  not null,
    opinion        text,
    review_opinion varchar(16),
    decided_at     timestamptz  not null
);
create index review_decision_item_idx on review_decision (item_id, id);

create table secrecy_determination (
    id            bigserial primary key,
    item_id       bigint       not null references info_item (id),
    requested_by  varchar(64)  not null,
    requested_on  date         not null,
    reason        text         not null,
    materials     text         not null,
    extended      boolean      not null default false,
    extension_days int         not null default 0,
    extension_note varchar(500),
    answer        text,
    answer_level  varchar(16),
    answered_on   date,
    recorded_by   varchar(64)
);

create table scan_finding (
    id              bigserial primary key,
    item_id         bigint       not null references info_item (id),
    version         int          not null,
    type            varchar(32)  not null,
    location        varchar(300) not null,
    line            int          not null,
    start_offset    int          not null,
    end_offset      int          not null,
    masked_value    varchar(100) not null,
    acknowledged_by varchar(64),
    ack_reason      varchar(500),
    acknowledged_at timestamptz
);
create index scan_finding_item_idx on scan_finding (item_id, version);

create table attachment (
    id           bigserial primary key,
    item_id      bigint       not null references info_item (id),
    filename     varchar(300) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    data         bytea        not null,
    text         text,
    uploaded_at  timestamptz  not null
);
create index attachment_item_idx on attachment (item_id);

create table review_chain (
    agency_id bigint primary key,
    steps     varchar(200) not null
);

-- Catalog (公开目录): one entry per item, with an index number that is never reused.
create table index_serial (
    agency_id   bigint not null,
    year        int    not null,
    last_serial int    not null,
    primary key (agency_id, year)
);

create table catalog_entry (
    id               bigserial primary key,
    agency_id        bigint       not null,
    item_id          bigint       not null unique,
    index_number     varchar(64)  not null unique,
    version          int          not null,
    title            varchar(300) not null,
    document_number  varchar(100),
    summary          text         not null,
    body             text         not null,
    attachment_text  text,
    created_on       date         not null,
    topic            varchar(64)  not null,
    genre            varchar(32)  not null,
    keywords         varchar(300),
    agency_name      varchar(200) not null,
    department_id    bigint       not null,
    department_name  varchar(100) not null,
    attribute        varchar(16)  not null,
    channels         varchar(300) not null,
    drafter_name     varchar(100) not null,
    reviewers        text         not null,
    state            varchar(16)  not null,
    validity         varchar(16)  not null,
    published_at     timestamptz  not null,
    published_year   int          not null,
    state_changed_at timestamptz,
    state_reason     varchar(500)
);
create index catalog_entry_public_idx on catalog_entry (agency_id, state, attribute, published_at desc);

create table catalog_version (
    id           bigserial primary key,
    entry_id     bigint       not null references catalog_entry (id),
    version      int          not null,
    title        varchar(300) not null,
    summary      text         not null,
    published_at timestamptz  not null,
    unique (entry_id, version)
);

create table catalog_attachment (
    id            bigserial primary key,
    entry_id      bigint       not null references catalog_entry (id),
    attachment_id bigint       not null,
    filename      varchar(300) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    data          bytea        not null
);
create index catalog_attachment_entry_idx on catalog_attachment (entry_id);
