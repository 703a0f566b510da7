-- 区分处理 (保密审查制度 十三): parts removed from the public version.
alter table scan_finding add column redacted boolean not null default false;

create table redaction_phrase (
    id         bigserial primary key,
    item_id    bigint       not null references info_item (id),
    version    int          not null,
    phrase     varchar(300) not null,
    added_by   varchar(64)  not null,
    added_at   timestamptz  not null
);
create index redaction_phrase_item_idx on redaction_phrase (item_id, version);
