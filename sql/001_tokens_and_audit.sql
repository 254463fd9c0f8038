-- API tokens and the audit log (SPEC §8).

-- Only a SHA-256 hash of each token is kept; the token itself is shown once, at creation.
-- Names are unique among live tokens; a revoked token keeps its row for the audit trail.
CREATE TABLE api_tokens (
    id          bigserial   PRIMARY KEY,
    name        text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('ingest', 'dispatcher', 'manager', 'admin')),
    token_hash  bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);
CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens (name) WHERE revoked_at IS NULL;

-- Every write and every read of contact-level data: who, what, which resource, when.
-- `detail` holds identifiers and counts only, never a caller's personal data.
CREATE TABLE audit_log (
    id        bigserial   PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor     text        NOT NULL,
    action    text        NOT NULL,
    resource  text        NOT NULL,
    detail    jsonb
);
-- Rows arrive in time order, so a BRIN index serves `at` windows at a fraction of a B-tree's
-- cost per insert (every ingest writes audit rows).
CREATE INDEX audit_log_at ON audit_log USING brin (at);
