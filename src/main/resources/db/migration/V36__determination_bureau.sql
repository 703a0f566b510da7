-- 保密审查制度 九、十二: a secrecy determination (报审) sent to the city's secrecy bureau as an agency on the platform;
-- its reviewer answers in the workbench. Null: the paper route (the agency enters the bureau's written answer).
alter table secrecy_determination add column bureau_agency_id bigint references agency (id);
create index secrecy_determination_bureau_idx on secrecy_determination (bureau_agency_id, answered_on);
