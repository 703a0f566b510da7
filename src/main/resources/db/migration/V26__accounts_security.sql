-- Accounts and sessions (issue 10, part 3): forced password change, second factor (TOTP) and its recovery codes.

-- Set for an account created by an administrator and after an administrator's reset: after signing in, the user
-- reaches only the change-password page until the password is changed.
alter table user_account add column password_change_required boolean not null default false;

-- The TOTP (RFC 6238) secret of an account, encrypted with SM4-GCM under the personal-data key (never in clear).
create table second_factor (
    user_id      bigint       primary key references user_account (id) on delete cascade,
    secret       varchar(200) not null,
    enrolled_at  timestamptz  not null,
    last_step    bigint       not null default 0
);

-- Ten one-time recovery codes per enrolment, stored as bcrypt hashes; a used code keeps its row with used_at.
create table recovery_code (
    id         bigserial    primary key,
    user_id    bigint       not null references user_account (id) on delete cascade,
    code_hash  varchar(200) not null,
    used_at    timestamptz
);
create index recovery_code_user_idx on recovery_code (user_id);
