-- Issue 14: many agencies on one platform. An agency answers to a parent authority (the city's 政务公开主管部门).
alter table agency add column parent_id bigint references agency (id);
