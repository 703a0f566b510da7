-- Overdue work that the rules escalate to the agency's leaders (分管领导), e.g. replies to requests past due.
alter table work_item add column escalate_to_leaders boolean not null default false;
