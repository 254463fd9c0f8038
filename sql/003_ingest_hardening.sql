-- Ingest that costs what its new events cost, retries that must repeat themselves, and sources
-- bound to tokens (issue #8; SPEC §3).

-- The digest of an event's `data`, absent or null read as {}: computed only here, so stored
-- and posted data are always digested alike.
CREATE FUNCTION lodestar_data_digest(data jsonb) RETURNS bytea
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN sha256(convert_to(CASE WHEN data IS NULL OR jsonb_typeof(data) = 'null' THEN '{}'::jsonb ELSE data END::text, 'UTF8'));

-- A digest of each event's `data` as PostgreSQL canonicalises jsonb (keys sorted, whitespace
-- dropped): a retried (source, event_id) must carry the same contact, type, time and data, and
-- comparing 32 bytes per key keeps that check cheap whatever the size of the body.
ALTER TABLE contact_events ADD COLUMN data_digest bytea;
UPDATE contact_events SET data_digest = lodestar_data_digest(body->'data');
ALTER TABLE contact_events ALTER COLUMN data_digest SET NOT NULL;

-- The contact's fold state (every attribute with the position of the event that stated it), so
-- that a new event is folded into it instead of re-reading every event of the contact. NULL for
-- contacts written before this migration: the next write derives it once from their events.
ALTER TABLE contacts ADD COLUMN fold jsonb;

-- Sources a token may post for besides its own name (`lodestar token create --source S`).
ALTER TABLE api_tokens ADD COLUMN sources text[] NOT NULL DEFAULT '{}';
