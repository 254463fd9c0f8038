-- The naive way to the figures ops/bench/reports.sh times through the API: each contact's
-- state derived from its raw events at query time (the earliest receipt and answer, whether it
-- was abandoned, the region of the latest event that states one), then the same figures as the
-- report. psql variables: from, to, and mode: `region` (the report by region), `week` (by region
-- and ISO week in America/Chicago) or `spc` (the weekly answer rate over the window).
\set ON_ERROR_STOP on
SET jit = off;
SET work_mem = '64MB';
\timing on
\if :{?mode}
\else
\set mode region
\endif
SELECT :'mode' = 'spc' AS spc \gset

\if :spc
WITH state AS (
    SELECT contact_id,
           min(occurred_at) FILTER (WHERE type = 'contact.received') AS received_at,
           bool_or(type = 'contact.answered') AS answered
    FROM contact_events GROUP BY contact_id
)
SELECT date_trunc('week', received_at AT TIME ZONE 'UTC')::date AS week, count(*) AS offered, count(*) FILTER (WHERE answered) AS answered
FROM state WHERE received_at >= :'from' AND received_at < :'to'
GROUP BY 1 \g /dev/null
\else
WITH state AS (
    SELECT contact_id,
           min(occurred_at) FILTER (WHERE type = 'contact.received') AS received_at,
           min(occurred_at) FILTER (WHERE type = 'contact.answered') AS answered_at,
           bool_or(type = 'contact.abandoned') AS abandoned,
           (array_agg(body->'data'->>'region' ORDER BY occurred_at DESC)
                FILTER (WHERE type IN ('contact.received', 'contact.assessed') AND body->'data' ? 'region'))[1] AS region
    FROM contact_events GROUP BY contact_id
), contact_rows AS (
    SELECT s.region, CASE WHEN :'mode' = 'week' THEN date_trunc('week', s.received_at AT TIME ZONE 'America/Chicago')::date END AS bucket,
           s.answered_at IS NOT NULL AS answered, s.abandoned AND s.answered_at IS NULL AS abandoned,
           extract(epoch FROM s.answered_at - s.received_at)::float8 AS speed,
           extract(epoch FROM (SELECT min(d.on_scene_at) FROM dispatches d WHERE d.contact_id = s.contact_id) - s.received_at)::float8 / 60 AS to_scene
    FROM state s WHERE s.received_at >= :'from' AND s.received_at < :'to'
), dispatch_rows AS (
    SELECT s.region, CASE WHEN :'mode' = 'week' THEN date_trunc('week', d.requested_at AT TIME ZONE 'America/Chicago')::date END AS bucket,
           d.status, d.outcome, d.law_enforcement_involved, d.on_scene_at IS NOT NULL AS on_scene,
           d.on_scene_at - d.requested_at <= make_interval(mins => coalesce(r.response_target_minutes, 60)) AS within_target,
           extract(epoch FROM d.on_scene_at - d.requested_at)::float8 / 60 AS response
    FROM dispatches d LEFT JOIN state s ON s.contact_id = d.contact_id LEFT JOIN regions r ON r.code = s.region
    WHERE d.requested_at >= :'from' AND d.requested_at < :'to'
), follow_up_rows AS (
    SELECT s.region, CASE WHEN :'mode' = 'week' THEN date_trunc('week', f.created_at AT TIME ZONE 'America/Chicago')::date END AS bucket,
           f.status, f.status = 'completed' AND f.closed_at <= f.due_at AS on_time,
           extract(epoch FROM f.first_attempt_at - f.created_at)::float8 / 3600 AS first_attempt
    FROM follow_ups f LEFT JOIN state s ON s.contact_id = f.contact_id
    WHERE f.created_at >= :'from' AND f.created_at < :'to'
)
SELECT 'contacts', region, bucket, count(*), count(*) FILTER (WHERE answered), count(*) FILTER (WHERE abandoned),
       count(*) FILTER (WHERE speed <= 20), avg(speed), percentile_cont(0.5) WITHIN GROUP (ORDER BY speed),
       percentile_cont(0.9) WITHIN GROUP (ORDER BY speed), avg(to_scene), percentile_cont(0.5) WITHIN GROUP (ORDER BY to_scene),
       percentile_cont(0.9) WITHIN GROUP (ORDER BY to_scene)
FROM contact_rows GROUP BY region, bucket
UNION ALL
SELECT 'dispatches', region, bucket, count(*), count(*) FILTER (WHERE on_scene), count(*) FILTER (WHERE within_target),
       count(*) FILTER (WHERE status = 'completed'), count(*) FILTER (WHERE status = 'completed' AND outcome = 'stabilized_in_community'),
       count(*) FILTER (WHERE status = 'completed' AND law_enforcement_involved), avg(response),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY response), percentile_cont(0.9) WITHIN GROUP (ORDER BY response), NULL
FROM dispatch_rows GROUP BY region, bucket
UNION ALL
SELECT 'follow_ups', region, bucket, count(*), count(*) FILTER (WHERE status = 'completed'), count(*) FILTER (WHERE on_time), NULL,
       avg(first_attempt), percentile_cont(0.5) WITHIN GROUP (ORDER BY first_attempt),
       percentile_cont(0.9) WITHIN GROUP (ORDER BY first_attempt), NULL, NULL, NULL
FROM follow_up_rows GROUP BY region, bucket \g /dev/null
\endif
