-- Submitting twice creates one request.

-- POST /api/v1/requests with an Idempotency-Key header: the first answer, kept for 24 hours per API client. The row is
-- inserted before the request is received, in the same transaction, so that a concurrent call with the same key waits
-- on the primary key and then replays the committed answer. The answer holds the query code: SM4-encrypted
-- (platform.PersonalDataCipher). The fingerprint is a keyed hash of the body, to refuse the key with another body.
create table idempotency_key (
    agency_id      bigint       not null references agency (id),
    client         varchar(100) not null,
    idem_key       varchar(128) not null,
    fingerprint    char(64)     not null,
    answer_status  smallint,
    answer_cipher  text,
    created_at     timestamptz  not null,
    primary key (agency_id, client, idem_key)
);
create index idempotency_key_created on idempotency_key (created_at);

-- The portal form's one-time token, spent in the transaction that receives the request: a second POST of the same
-- form (a double click, a resent page) finds it spent and creates nothing. Kept a day, as long as a token is valid.
create table spent_form_token (
    token_hash  char(64)    primary key,
    spent_at    timestamptz not null
);
create index spent_form_token_spent on spent_form_token (spent_at);
