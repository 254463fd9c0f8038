-- Follow-ups and their attempts (SPEC §6), created by routing decisions or by dispatchers.
--
-- Indicators (SPEC §7) read these columns directly: created in the window by `created_at`;
-- completed when `status = 'completed'`; on time when completed with `closed_at <= due_at`
-- (a completed follow-up closes at the time of the `reached` attempt); first attempt hours from
-- `first_attempt_at - created_at`.
CREATE TABLE follow_ups (
    -- Made by the writer (a random UUID), so a routing decision can name it in the same
    -- pipelined batch that inserts it.
    id                uuid        PRIMARY KEY,
    -- Checked at COMMIT: the ingest transaction that routes a contact may write the contact's
    -- row and its follow-up in either order.
    contact_id        text        NOT NULL REFERENCES contacts (contact_id) DEFERRABLE INITIALLY DEFERRED,
    created_at        timestamptz NOT NULL,
    due_at            timestamptz NOT NULL,
    status            text        NOT NULL DEFAULT 'open'
                                  CHECK (status IN ('open', 'completed', 'declined', 'unable_to_reach')),
    -- The time of the attempt that closed it.
    closed_at         timestamptz,
    attempt_count     integer     NOT NULL DEFAULT 0,
    first_attempt_at  timestamptz,
    -- When a sweep flagged it overdue (and announced it): set once, by one process.
    overdue_at        timestamptz,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (due_at >= created_at),
    CHECK ((status = 'open') = (closed_at IS NULL))
);
CREATE INDEX follow_ups_contact ON follow_ups (contact_id, created_at);
CREATE INDEX follow_ups_created_at ON follow_ups (created_at);
CREATE INDEX follow_ups_due ON follow_ups (due_at, created_at, id);
-- The open list, the overdue list and the overdue gauge.
CREATE INDEX follow_ups_open_due ON follow_ups (due_at) WHERE status = 'open';
-- The sweep's work: open follow-ups not flagged yet, so a sweep costs what it flags.
CREATE INDEX follow_ups_unflagged_due ON follow_ups (due_at) WHERE status = 'open' AND overdue_at IS NULL;

-- Attempts in the order they were made (`n` from 1); each at or after the one before, which the
-- writer checks under the follow-up's row lock.
CREATE TABLE follow_up_attempts (
    follow_up_id  uuid        NOT NULL REFERENCES follow_ups (id),
    n             integer     NOT NULL CHECK (n > 0),
    at            timestamptz NOT NULL,
    outcome       text        NOT NULL
                              CHECK (outcome IN ('reached', 'no_answer', 'left_message', 'declined', 'wrong_number')),
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (follow_up_id, n)
);
