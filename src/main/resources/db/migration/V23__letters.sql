-- What a reply letter cites beyond its outcome and reply form (Regulations Art. 36, 37; see request.Citations):
-- the law named (不予公开-2 and -8), the responsible agency and its contacts (无法提供-1 under Art. 36 (五)), the
-- article the office states (其他处理-3), and each part withheld from a partial disclosure with its basis (Art. 37).
-- Written with the draft reply; one row per request.
create table reply_citation (
    request_id      bigint       primary key references info_request (id),
    law             varchar(300),
    agency          varchar(200),
    agency_contacts varchar(300),
    article         varchar(300),
    updated_by      varchar(64)  not null,
    updated_at      timestamptz  not null
);

create table reply_withheld_part (
    request_id bigint       not null references reply_citation (request_id) on delete cascade,
    position   int          not null,
    part       varchar(500) not null,
    basis      varchar(24)  not null,
    law        varchar(300),
    primary key (request_id, position)
);
