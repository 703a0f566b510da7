-- 备案: a frozen copy of the catalog at a date; later edits never change it.
create table filing (
    id          bigserial primary key,
    agency_id   bigint       not null,
    filed_on    date         not null,
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null,
    entry_count int          not null
);
create index filing_agency_idx on filing (agency_id, filed_on desc);

create table filing_row (
    id              bigserial primary key,
    filing_id       bigint       not null references filing (id),
    index_number    varchar(64)  not null,
    title           varchar(300) not null,
    summary         text         not null,
    created_on      date         not null,
    document_number varchar(100),
    department_name varchar(100) not null,
    topic           varchar(64)  not null,
    genre           varchar(32)  not null,
    attribute       varchar(16)  not null,
    state           varchar(16)  not null,
    validity        varchar(16)  not null,
    published_at    timestamptz  not null
);
create index filing_row_filing_idx on filing_row (filing_id);
