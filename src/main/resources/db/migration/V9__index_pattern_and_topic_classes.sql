-- 索引号格式 per agency; existing numbers are never rewritten.
alter table agency add column index_pattern varchar(60) not null default '{code}/{year}-{serial:5}';

-- An index number is unique in its agency's catalog (a pattern need not carry the organisation code).
alter table catalog_entry drop constraint catalog_entry_index_number_key;
alter table catalog_entry add constraint catalog_entry_agency_index_number_key unique (agency_id, index_number);

-- 主题分类: an agency's own sub-classes under the 22 classes (statutes.md).
create table topic_subclass (
    id         bigserial primary key,
    agency_id  bigint      not null references agency (id),
    topic      varchar(64) not null,
    name       varchar(50) not null,
    created_at timestamptz not null default now(),
    constraint topic_subclass_name_key unique (agency_id, topic, name)
);

-- A sub-class in use (by a draft or a catalog entry) cannot be deleted.
alter table info_item add column subtopic_id bigint references topic_subclass (id);
alter table catalog_entry add column subtopic_id bigint references topic_subclass (id);
alter table catalog_entry add column subtopic_name varchar(50);
create index info_item_subtopic_idx on info_item (subtopic_id) where subtopic_id is not null;
create index catalog_entry_subtopic_idx on catalog_entry (subtopic_id) where subtopic_id is not null;

-- A filing keeps the topic as it stood, sub-class included ("工业、交通 › 道路运输").
alter table filing_row alter column topic type varchar(120);
