-- The request clock as the Regulations read (Art. 30–33): the day the applicant handed in or posted the request,
-- the due date and on-time result frozen when the request closes, the extension notice's dates, several
-- consultations each with its own due date, and requests split off another (一事一申请).
alter table info_request add column submitted_on date;
update info_request set submitted_on = received_on;
alter table info_request alter column submitted_on set not null;

alter table info_request add column final_due_on date;
alter table info_request add column on_time boolean;
alter table info_request add column extension_approved_on date;
alter table info_request add column extension_original_due date;
alter table info_request add column split_from varchar(32);

create table request_consultation (
    id          bigserial primary key,
    request_id  bigint       not null references info_request (id),
    kind        varchar(16)  not null,
    party       varchar(300) not null,
    started_on  date         not null,
    due_on      date         not null,
    answered_on date,
    answer      text,
    started_by  varchar(64)  not null,
    closed_by   varchar(64)
);
create index request_consultation_request_idx on request_consultation (request_id);

-- A consultation running under the old single-consultation columns becomes a row; its own due date is taken as
-- three weeks (about 15 working days) from its start, as nothing better is known without the calendar.
insert into request_consultation (request_id, kind, party, started_on, due_on, started_by)
select id, coalesce(consultation_kind, 'THIRD_PARTY'), coalesce(consultation_party, '-'), paused_since,
       paused_since + 21, 'migration'
from info_request where status = 'CONSULTING' and paused_since is not null;
update info_request set paused_since = null where status = 'CONSULTING';

-- What the applicant reads on the public timeline for a step (e.g. the received date by channel).
alter table request_event add column public_text text;
