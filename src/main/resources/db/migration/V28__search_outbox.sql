-- Issue 10: the search index can never silently disagree with the database. Every change of a catalog entry that the
-- index must follow (publication, new version, filing, withdrawal, repeal) queues the entry's id here in the same
-- transaction; after commit (and at start, and every minute) the queue is applied to the Lucene index, and a row is
-- deleted only once the index write is committed. A crash in between leaves the row, and the next run applies it.
create table search_outbox (
    id        bigserial primary key,
    entry_id  bigint      not null,
    queued_at timestamptz not null default now()
);
