-- Reply letter (告知书) templates the office can edit, one per reply form; defaults come from the message bundle.
create table letter_template (
    agency_id  bigint      not null,
    reply_form varchar(24) not null,
    body       text        not null,
    updated_by varchar(64) not null,
    updated_at timestamptz not null,
    primary key (agency_id, reply_form)
);
