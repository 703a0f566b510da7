-- 政府信息公开工作年度报告: one per agency and year; figures computed from the records or entered by hand.
create table annual_report (
    id               bigserial primary key,
    agency_id        bigint       not null,
    year             int          not null,
    status           varchar(16)  not null,
    section_overview text         not null,
    section_problems text         not null,
    section_other    text         not null,
    version          int          not null,
    generated_at     timestamptz  not null,
    created_by       varchar(64)  not null,
    submitted_by     varchar(64),
    submitted_at     timestamptz,
    decided_by       varchar(64),
    decided_at       timestamptz,
    return_reason    varchar(1000),
    published_by     varchar(64),
    published_at     timestamptz,
    unique (agency_id, year)
);

create table annual_report_figure (
    id          bigserial     primary key,
    report_id   bigint        not null references annual_report (id),
    cell        varchar(80)   not null,
    computed    numeric(16,2),
    manual      numeric(16,2),
    entered_by  varchar(64),
    entered_at  timestamptz,
    unique (report_id, cell)
);

-- Every saved state is kept: the texts and every figure as shown (value, and * with who entered it by hand).
create table annual_report_version (
    id               bigserial primary key,
    report_id        bigint       not null references annual_report (id),
    version          int          not null,
    status           varchar(16)  not null,
    action           varchar(32)  not null,
    saved_by         varchar(64)  not null,
    saved_at         timestamptz  not null,
    section_overview text         not null,
    section_problems text         not null,
    section_other    text         not null,
    figures          text         not null,
    unique (report_id, version)
);

-- The report's request aggregates read the year's requests by receipt date.
create index info_request_received_idx on info_request (agency_id, received_on);
create index catalog_entry_genre_idx on catalog_entry (agency_id, genre, created_on);
