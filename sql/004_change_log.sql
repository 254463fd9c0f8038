-- Board changes for `GET /v1/stream` (SPEC §4): dispatches, teams, follow-ups and SPC signals,
-- appended by whichever process writes them, in the writing transaction, so a change is
-- announced exactly when it is committed and never when it is rolled back.
--
-- `id` is taken when a row is inserted, but transactions commit in another order: a reader
-- whose cursor were `id` could pass a row that commits later with a smaller id and never see
-- it. So committed rows are numbered again, `seq`, by one sequencer at a time (an advisory
-- lock): it numbers only rows it can see, that is committed ones, in a transaction that commits
-- before the next numbering starts. `seq` therefore only ever grows in the order readers can
-- see, and is the SSE event id a client resumes from with `Last-Event-ID`.
CREATE TABLE change_log (
    id          bigserial PRIMARY KEY,
    seq         bigint UNIQUE,
    kind        text NOT NULL CHECK (kind IN ('dispatch', 'team', 'follow_up', 'signal')),
    body        jsonb NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);

-- The sequencer's work list: rows not numbered yet.
CREATE INDEX change_log_unnumbered ON change_log (id) WHERE seq IS NULL;
-- Pruning by age (changes are kept at least an hour).
CREATE INDEX change_log_recorded_at ON change_log USING brin (recorded_at);

-- Wakes the sequencer of every process when rows are committed (one notification per
-- transaction: PostgreSQL folds identical ones). A statement that inserted no row (a writer
-- batching "these changes, if any") wakes nobody.
CREATE FUNCTION lodestar_change_appended() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM appended) THEN
        PERFORM pg_notify('lodestar_change_appended', '');
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER change_log_appended AFTER INSERT ON change_log
    REFERENCING NEW TABLE AS appended
    FOR EACH STATEMENT EXECUTE FUNCTION lodestar_change_appended();
