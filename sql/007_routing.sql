-- Routing rules (SPEC §5): versioned rulesets, exactly one active, and every decision with the
-- ruleset version, rule and experiment arm that made it.

CREATE TABLE rulesets (
    version      integer     PRIMARY KEY CHECK (version >= 1),
    document     jsonb       NOT NULL,
    warnings     jsonb       NOT NULL DEFAULT '[]',
    active       boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    activated_at timestamptz
);
-- At most one active version, whatever number of processes activate at once.
CREATE UNIQUE INDEX rulesets_one_active ON rulesets ((true)) WHERE active;

-- One decision per routed assessment, keyed by the assessment's event key: a retried
-- assessment finds its decision here and gets it back instead of being routed twice.
CREATE TABLE decisions (
    source          text        NOT NULL,
    event_id        text        NOT NULL,
    contact_id      text        NOT NULL,
    -- The assessment's occurred_at: the latest assessment's decision is the one that stands.
    assessed_at     timestamptz NOT NULL,
    decided_at      timestamptz NOT NULL DEFAULT now(),
    ruleset_version integer     NOT NULL REFERENCES rulesets (version),
    rule_id         text        NOT NULL,
    action          text        NOT NULL,
    priority        text        NOT NULL,
    requires        text[]      NOT NULL DEFAULT '{}',
    follow_up       text,
    experiment_id   text,
    experiment_arm  text,
    dispatch_id     bigint      REFERENCES dispatches (id),
    follow_up_id    uuid        REFERENCES follow_ups (id) DEFERRABLE INITIALLY DEFERRED,
    -- The facts decided on, for replay (as `POST /v1/routing/simulate` takes a contact).
    facts           jsonb       NOT NULL,
    PRIMARY KEY (source, event_id)
);
CREATE INDEX decisions_contact ON decisions (contact_id, assessed_at);
-- Replay windows: every contact whose latest assessment falls in [from, to).
CREATE INDEX decisions_assessed_at ON decisions (assessed_at);

-- The contact's standing decision, for reports grouped by ruleset version and experiment arm.
ALTER TABLE contacts
    ADD COLUMN ruleset_version integer,
    ADD COLUMN experiment_id text,
    ADD COLUMN experiment_arm text;
