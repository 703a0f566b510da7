-- HMAC-SM3 of each audit entry's hash under the audit key (gongkai.crypto.audit-key), which is not in the database.
-- Entries written before this migration keep mac null: they are checked by their SM3 chain only, and the verifier
-- reports up to which entry the log is unsigned. An unsigned entry after a signed one is a break.
alter table audit_entry add column mac varchar(64);
