-- Results the rules fix once met are kept, not derived again on every calendar change (issue 9).

-- 主动公开制度 五: a catalog entry keeps whether its first publication came within 20 working days of formation, and
-- the due date it was measured against, as worked out on the calendar of that day. Entries published before this
-- migration are filled in once at start-up (catalog.TimelinessBackfill: the working-day count needs the calendar).
alter table catalog_entry add column publish_due_on date;
alter table catalog_entry add column published_on_time boolean;

-- 科室 / 局属单位: a department is an office inside the agency (科室) or a unit under it (局属单位).
alter table department add column kind varchar(16) not null default 'OFFICE_UNIT'
    check (kind in ('OFFICE_UNIT', 'AFFILIATED_UNIT'));
