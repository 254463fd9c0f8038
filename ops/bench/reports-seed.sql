-- A year of a large county's crisis line for ops/bench/reports.sh, written straight into the
-- tables Lodestar keeps (psql variables: contacts, start). Rows are what Lodestar itself would
-- hold after ingesting the events: the raw events, each contact's derived columns, dispatches
-- through their lifecycle and follow-ups with their attempts.
\set ON_ERROR_STOP on
SET synchronous_commit = off;

INSERT INTO regions (code, name, type, timezone, response_target_minutes)
SELECT 'r' || i, 'Region ' || i, (ARRAY['urban', 'urban', 'urban', 'rural', 'rural', 'frontier'])[1 + i % 6],
       'America/Chicago', CASE WHEN i % 6 < 3 THEN 60 ELSE 120 END
FROM generate_series(0, 9) AS i;

INSERT INTO teams (team_id, name, capabilities, regions, base_lat, base_lon, status, status_at, available_since)
SELECT 'team-' || i, 'Team ' || i, ARRAY['clinician', 'peer'], ARRAY['r' || (i % 10)], 41 + random(), -88 + random(),
       'available', now(), now()
FROM generate_series(0, 59) AS i;

-- Each contact's draws, fixed once (random() is evaluated once per row of a CTE).
CREATE UNLOGGED TABLE bench_draws AS
SELECT i,
       :'start'::timestamptz + (i - 1 + random()) * (interval '365 days' / :contacts) AS received_at,
       random() AS channel, random() AS line, random() AS region, random() AS language, random() AS age,
       random() AS race, random() AS answered, -ln(1 - random()) AS speed, random() AS abandoned,
       random() AS risk, random() AS arm, random() AS dispatched, random() AS response, random() AS outcome,
       random() AS followed, random() AS reached, random() AS attempt
FROM generate_series(1, :contacts) AS i;

INSERT INTO contacts (contact_id, channel, line, region, language, caller_age, caller_race_ethnicity, received_at,
                      answered_at, abandoned_at, abandoned, risk_level, assessed_at, closed_at, disposition, event_count,
                      ruleset_version, experiment_id, experiment_arm, fold)
SELECT 'b' || i,
       CASE WHEN channel < 0.65 THEN 'call' WHEN channel < 0.9 THEN 'text' ELSE 'chat' END,
       CASE WHEN line < 0.7 THEN '988' WHEN line < 0.82 THEN 'veterans' WHEN line < 0.9 THEN 'spanish' WHEN line < 0.95 THEN 'youth' END,
       -- Skewed: the first regions hold most contacts, as a county's city does.
       'r' || floor(10 * region * region)::int,
       CASE WHEN language < 0.85 THEN 'en' WHEN language < 0.95 THEN 'es' ELSE 'vi' END,
       CASE WHEN age >= 0.25 THEN 12 + floor(70 * (age - 0.25) / 0.75)::int END,
       CASE WHEN race < 0.2 THEN NULL WHEN race < 0.55 THEN 'white' WHEN race < 0.7 THEN 'black' WHEN race < 0.85 THEN 'hispanic'
            WHEN race < 0.93 THEN 'asian' ELSE 'other' END,
       received_at,
       CASE WHEN answered < 0.88 THEN received_at + speed * interval '25 seconds' END,
       CASE WHEN answered >= 0.88 AND abandoned < 0.7 THEN received_at + abandoned * interval '3 minutes' END,
       answered >= 0.88 AND abandoned < 0.7,
       CASE WHEN answered < 0.88 THEN (ARRAY['none', 'low', 'moderate', 'high', 'imminent'])[1 + floor(5 * risk * risk)::int] END,
       CASE WHEN answered < 0.88 THEN received_at + speed * interval '25 seconds' + interval '6 minutes' END,
       received_at + interval '20 minutes', 'resolved', 4,
       1 + floor(3 * (i - 1)::float8 / :contacts)::int,
       CASE WHEN arm < 0.2 THEN 'fu-timing' END,
       CASE WHEN arm < 0.1 THEN '24h' WHEN arm < 0.2 THEN '72h' END,
       -- The fold snapshot ingest keeps beside the columns (about its real size: rows as wide
       -- as Lodestar's own, so that reading them costs what it would).
       jsonb_build_array(4, floor(extract(epoch FROM received_at) * 1e6)::bigint, NULL, NULL, 4,
                         jsonb_build_array('call', 0), jsonb_build_array('988', 0), jsonb_build_array('r1', 0),
                         jsonb_build_array('en', 0), jsonb_build_array(jsonb_build_array(34, NULL, 'white', NULL), 0), NULL, NULL,
                         jsonb_build_array('low', 1), jsonb_build_array(jsonb_build_array(), 1), NULL, jsonb_build_array('resolved', 2),
                         jsonb_build_array(
                             jsonb_build_array(floor(extract(epoch FROM received_at) * 1e6)::bigint, 'contact.received', 'center-a', 'b' || i || '-1'),
                             jsonb_build_array(floor(extract(epoch FROM received_at) * 1e6)::bigint + 60000000, 'contact.assessed', 'center-a', 'b' || i || '-4'),
                             jsonb_build_array(floor(extract(epoch FROM received_at) * 1e6)::bigint + 1200000000, 'contact.closed', 'center-a', 'b' || i || '-5')))
FROM bench_draws;

-- The events the columns were derived from.
INSERT INTO contact_events (source, event_id, contact_id, type, occurred_at, body, data_digest)
SELECT 'center-a', e.event_id, e.contact_id, e.type, e.occurred_at, e.body, lodestar_data_digest(e.body->'data')
FROM (
    SELECT c.contact_id || '-' || k.n AS event_id, c.contact_id, k.type, k.at AS occurred_at,
           jsonb_build_object('event_id', c.contact_id || '-' || k.n, 'source', 'center-a', 'type', k.type,
                              'contact_id', c.contact_id, 'occurred_at', k.at, 'data', k.data) AS body
    FROM contacts c
    CROSS JOIN LATERAL (VALUES
        (1, 'contact.received', c.received_at, jsonb_strip_nulls(jsonb_build_object(
             'channel', c.channel, 'line', c.line, 'region', c.region, 'language', c.language,
             'caller', jsonb_build_object('age', c.caller_age, 'race_ethnicity', c.caller_race_ethnicity)))),
        (2, 'contact.answered', c.answered_at, '{}'::jsonb),
        (3, 'contact.abandoned', c.abandoned_at, '{}'::jsonb),
        (4, 'contact.assessed', c.assessed_at, jsonb_build_object('risk_level', c.risk_level)),
        (5, 'contact.closed', c.closed_at, jsonb_build_object('disposition', c.disposition))
    ) AS k(n, type, at, data)
    WHERE k.at IS NOT NULL
) AS e;

-- Mobile teams for one contact in twelve; every dispatch closed (a team holds one open at most).
INSERT INTO dispatches (contact_id, status, priority, requires, team_id, eta_minutes, requested_at, assigned_at, en_route_at,
                        on_scene_at, completed_at, cancelled_at, outcome, law_enforcement_involved, auto_assign)
SELECT 'b' || i, CASE WHEN response < 0.9 THEN 'completed' ELSE 'cancelled' END,
       (ARRAY['emergent', 'urgent', 'urgent', 'routine'])[1 + i % 4], ARRAY['clinician'], 'team-' || (i % 60), 20,
       received_at + interval '4 minutes', received_at + interval '4 minutes', received_at + interval '7 minutes',
       CASE WHEN response < 0.93 THEN received_at + interval '4 minutes' + (15 + 150 * response * response) * interval '1 minute' END,
       CASE WHEN response < 0.9 THEN received_at + (60 + 200 * response) * interval '1 minute' END,
       CASE WHEN response >= 0.9 THEN received_at + (60 + 200 * response) * interval '1 minute' END,
       CASE WHEN response < 0.9 THEN (ARRAY['stabilized_in_community', 'stabilized_in_community', 'stabilized_in_community',
            'transported_voluntary', 'transported_involuntary', 'referred', 'law_enforcement_custody', 'other'])[1 + floor(8 * outcome)::int] END,
       CASE WHEN response < 0.9 THEN outcome < 0.12 END,
       true
FROM bench_draws WHERE dispatched < 1.0 / 12;

-- Follow-ups for three contacts in ten: reached, declined, unreachable after three attempts, or
-- still open, each attempt an hour after the one before.
INSERT INTO follow_ups (id, contact_id, created_at, due_at, status, closed_at, attempt_count, first_attempt_at)
SELECT gen_random_uuid(), contact_id, created_at, due_at, status,
       CASE WHEN status <> 'open' THEN first_attempt_at + (attempt_count - 1) * interval '1 hour' END,
       attempt_count, first_attempt_at
FROM (
    SELECT 'b' || i AS contact_id, received_at + interval '30 minutes' AS created_at,
           received_at + interval '30 minutes' + CASE WHEN followed < 0.1 THEN interval '24 hours' ELSE interval '72 hours' END AS due_at,
           s.status, s.attempt_count,
           CASE WHEN s.attempt_count > 0 THEN received_at + interval '30 minutes' + (1 + 40 * attempt) * interval '1 hour' END AS first_attempt_at
    FROM bench_draws
    CROSS JOIN LATERAL (SELECT CASE WHEN reached < 0.62 THEN 'completed' WHEN reached < 0.67 THEN 'declined'
                                    WHEN reached < 0.85 THEN 'unable_to_reach' ELSE 'open' END AS status) AS k
    CROSS JOIN LATERAL (SELECT k.status, CASE k.status WHEN 'unable_to_reach' THEN 3 WHEN 'open' THEN floor(2 * attempt)::int
                                             ELSE 1 + floor(3 * attempt)::int END AS attempt_count) AS s
    WHERE followed < 0.3
) AS f;

INSERT INTO follow_up_attempts (follow_up_id, n, at, outcome)
SELECT f.id, n, f.first_attempt_at + (n - 1) * interval '1 hour',
       CASE WHEN n < f.attempt_count OR f.status IN ('open', 'unable_to_reach') THEN 'no_answer'
            WHEN f.status = 'completed' THEN 'reached' ELSE 'declined' END
FROM follow_ups f CROSS JOIN LATERAL generate_series(1, f.attempt_count) AS n;

DROP TABLE bench_draws;
VACUUM ANALYZE;
