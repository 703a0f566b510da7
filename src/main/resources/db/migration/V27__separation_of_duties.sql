-- 等保 2.0 三权分立: the system administrator (ADMIN), the security administrator (SECURITY_ADMIN) and the audit
-- administrator (AUDITOR) are three accounts, and none of them holds a content role. Before this version an ADMIN
-- could also hold content roles (e.g. ADMIN + OFFICE on a small install).
--
-- Such an account keeps its content roles and loses ADMIN: its disclosure work (requests with statutory clocks,
-- publication) goes on unchanged, and nothing is granted to anybody. An agency left without a system administrator,
-- and every agency without a security or an audit administrator, gets a NEW account for the missing one at the next
-- start (OrgSetup: 'admin' / 'secadmin' / 'auditor', one-time password printed once, creation audited).
delete from user_role r
where r.role = 'ADMIN'
  and exists (select 1 from user_role c where c.user_id = r.user_id and c.role <> 'ADMIN');
