-- Foundation schema: organisation, calendar, audit, worklist, notification,
-- plus the tables Spring Modulith (event publication registry) and db-scheduler need.

create table agency (
    id                 bigserial primary key,
    code               varchar(32)  not null unique,
    name               varchar(200) not null,
    kind               varchar(32)  not null,
    organisation_code  varchar(18)  not null,
    yellow_days        int          not null default 3,
    created_at         timestamptz  not null default now()
);

create table department (
    id          bigserial primary key,
    agency_id   bigint       not null references agency (id),
    name        varchar(100) not null,
    sort_order  int          not null default 0,
    active      boolean      not null default true,
    unique (agency_id, name)
);

create table user_account (
    id               bigserial primary key,
    agency_id        bigint       not null references agency (id),
    department_id    bigint       not null references department (id),
    username         varchar(64)  not null unique,
    display_name     varchar(100) not null,
    password_hash    varchar(200) not null,
    email            varchar(200),
    enabled          boolean      not null default true,
    failed_attempts  int          not null default 0,
    locked_until     timestamptz,
    created_at       timestamptz  not null default now()
);
create index user_account_agency_idx on user_account (agency_id);

create table user_role (
    user_id  bigint      not null references user_account (id) on delete cascade,
    role     varchar(32) not null,
    primary key (user_id, role)
);

-- Only the days that differ from the Monday-to-Friday rule are stored.
create table calendar_day (
    day   date         primary key,
    kind  varchar(32)  not null check (kind in ('HOLIDAY', 'ADJUSTED_WORKING_DAY')),
    name  varchar(100) not null
);

create table audit_entry (
    id           bigserial primary key,
    occurred_at  timestamptz  not null,
    agency_id    bigint,
    actor        varchar(64)  not null,
    address      varchar(64),
    action       varchar(64)  not null,
    object_type  varchar(64),
    object_id    varchar(100),
    detail       text,
    before_value text,
    after_value  text,
    prev_hash    varchar(64)  not null,
    hash         varchar(64)  not null
);
create index audit_entry_agency_idx on audit_entry (agency_id, occurred_at desc);
create index audit_entry_actor_idx on audit_entry (actor);
create index audit_entry_object_idx on audit_entry (object_type, object_id);

-- The audit log is append-only for the application.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_no_change before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create table work_item (
    id                  bigserial primary key,
    agency_id           bigint       not null,
    subject_type        varchar(64)  not null,
    subject_id          varchar(100) not null,
    kind                varchar(64)  not null,
    title               varchar(300) not null,
    link                varchar(300),
    owner_department_id bigint,
    owner_role          varchar(32),
    owner_user_id       bigint,
    deadline_unit       varchar(32)  not null,
    deadline_start      date,
    deadline_amount     int          not null default 0,
    deadline_start_at   timestamptz,
    due_on              date         not null,
    due_at              timestamptz,
    state               varchar(16)  not null,
    reminded            boolean      not null default false,
    escalated           boolean      not null default false,
    opened_at           timestamptz  not null,
    closed_at           timestamptz,
    unique (subject_type, subject_id, kind)
);
create index work_item_open_idx on work_item (agency_id, state, due_on);

create table notification (
    id          bigserial primary key,
    user_id     bigint       not null,
    title       varchar(300) not null,
    body        text,
    link        varchar(300),
    created_at  timestamptz  not null,
    read_at     timestamptz
);
create index notification_user_idx on notification (user_id, read_at);

create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

create table scheduled_tasks (
    task_name            text        not null,
    task_instance        text        not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean     not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint      not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

