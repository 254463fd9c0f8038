-- Contact events as received, and the contact state derived from them (SPEC §3).

-- The raw record of every accepted event, for replay and audit. (source, event_id) is the
-- idempotency key: a retried event hits the primary key and is reported as a duplicate.
CREATE TABLE contact_events (
    source       text        NOT NULL,
    event_id     text        NOT NULL,
    contact_id   text        NOT NULL,
    type         text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    arrived_at   timestamptz NOT NULL DEFAULT now(),
    body         jsonb       NOT NULL,
    PRIMARY KEY (source, event_id)
);
CREATE INDEX contact_events_contact ON contact_events (contact_id, occurred_at);

-- Derived state, rewritten from the contact's events whenever one arrives, in whatever order.
-- Typed columns so that indicator queries (received_at windows, region, channel...) are plain SQL.
CREATE TABLE contacts (
    contact_id             text        PRIMARY KEY,
    channel                text,
    line                   text,
    region                 text,
    language               text,
    caller_age             integer,
    caller_gender          text,
    caller_race_ethnicity  text,
    caller_zip             text,
    location_lat           double precision,
    location_lon           double precision,
    received_at            timestamptz,
    answered_at            timestamptz,
    abandoned_at           timestamptz,
    abandoned              boolean     NOT NULL DEFAULT false,
    transferred_to         text,
    transferred_at         timestamptz,
    risk_level             text,
    flags                  text[]      NOT NULL DEFAULT '{}',
    consent_follow_up      boolean     NOT NULL DEFAULT true,
    assessed_at            timestamptz,
    closed_at              timestamptz,
    disposition            text,
    event_count            integer     NOT NULL DEFAULT 0,
    updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contacts_received_at ON contacts (received_at);
