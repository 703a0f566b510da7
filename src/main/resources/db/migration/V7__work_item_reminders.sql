-- Reminders at chosen working days before due (e.g. 5 and 1 for replies to requests), besides the yellow window.
alter table work_item add column reminder_days varchar(40);
alter table work_item add column reminders_sent varchar(40);
