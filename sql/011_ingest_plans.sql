-- Ingest's statements cheaper for PostgreSQL (issues #8 and #11): plans that stay right as
-- the tables grow, and no statistics gathered where no query looks.
--
-- `lodestar_record_routing` (007) also updated the routed contacts' standing decision, with
-- one UPDATE joined to a recordset: a second write of a row the transaction had just written,
-- and a generic plan, made while `contacts` was small, that hashed a sequential scan of the
-- whole table (1,776 scans of `contacts` in eight seconds of the routing benchmark, in
-- `pg_stat_user_tables`). The standing decision is now written with the contact's row by
-- ingest's upsert; this function writes the follow-ups, the decisions and the changes.
DROP FUNCTION lodestar_record_routing(jsonb, jsonb, jsonb, jsonb);
CREATE FUNCTION lodestar_record_routing(new_follow_ups jsonb, new_decisions jsonb, changes jsonb)
    RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    IF jsonb_array_length(new_follow_ups) > 0 THEN
        INSERT INTO follow_ups (id, contact_id, created_at, due_at)
        SELECT f.id, f.contact_id, f.created_at, f.due_at FROM jsonb_to_recordset(new_follow_ups)
            AS f(id uuid, contact_id text, created_at timestamptz, due_at timestamptz);
    END IF;
    INSERT INTO decisions (source, event_id, contact_id, assessed_at, ruleset_version, rule_id, action, priority,
                           requires, follow_up, experiment_id, experiment_arm, dispatch_id, follow_up_id, facts)
    SELECT r.source, r.event_id, r.contact_id, r.assessed_at, r.ruleset_version, r.rule_id, r.action, r.priority,
           ARRAY(SELECT jsonb_array_elements_text(r.requires)), r.follow_up, r.experiment_id, r.experiment_arm,
           r.dispatch_id, r.follow_up_id, r.facts
    FROM jsonb_to_recordset(new_decisions) AS r(source text, event_id text, contact_id text, assessed_at timestamptz,
         ruleset_version integer, rule_id text, action text, priority text, requires jsonb, follow_up text,
         experiment_id text, experiment_arm text, dispatch_id bigint, follow_up_id uuid, facts jsonb);
    IF jsonb_array_length(changes) > 0 THEN
        INSERT INTO change_log (kind, body)
        SELECT e.value->>'kind', e.value->'body' FROM jsonb_array_elements(changes) WITH ORDINALITY AS e(value, n)
        ORDER BY e.n;
    END IF;
END
$$;

-- The arrival check (010) runs once per statement that inserts contacts, that is once per
-- ingest transaction. Written as `EXISTS (... WHERE region_pending)`, a plan made before
-- `dispatches` is first analyzed (autovacuum's first pass comes a minute or more after a
-- table fills) scanned every dispatch, 120 µs a transaction at a few hundred dispatches under
-- the routing benchmark. Ordered by the partial index's key with a limit, the index is chosen
-- with statistics or without them.
CREATE OR REPLACE FUNCTION lodestar_contacts_arrived() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM dispatches WHERE region_pending ORDER BY contact_id LIMIT 1;
    IF FOUND THEN
        UPDATE dispatches d SET region = c.region, region_pending = false
        FROM contacts c WHERE d.region_pending AND c.contact_id = d.contact_id;
    END IF;
    RETURN NULL;
END $$;

-- JSON documents that no query filters, joins or sorts by. ANALYZE sorted samples of each to
-- build statistics nobody reads: comparing jsonb values was a twentieth of PostgreSQL's CPU
-- under the routing benchmark (perf), as autovacuum analyzes the growing tables.
ALTER TABLE contact_events ALTER COLUMN body SET STATISTICS 0;
ALTER TABLE contacts ALTER COLUMN fold SET STATISTICS 0;

-- The fold as text: only Lodestar reads it, whole, and parses it itself. As jsonb it took 411
-- bytes of a 571-byte contact row (the build before the fold: 160), and the rows grew past
-- what the buffer cache kept: ingest on a database that had taken a million events ran at
-- 0.7x the speed of a fresh one. As text it is 258 bytes, and nobody converts it on the way
-- out. (The ingest recordset still carries it as a JSON array; the recordset's text column
-- takes its JSON text.)
ALTER TABLE contacts ALTER COLUMN fold TYPE text USING fold::text;
ALTER TABLE contacts ALTER COLUMN fold SET STATISTICS 0;
ALTER TABLE decisions ALTER COLUMN facts SET STATISTICS 0;
ALTER TABLE audit_log ALTER COLUMN detail SET STATISTICS 0;
ALTER TABLE change_log ALTER COLUMN body SET STATISTICS 0;

-- Every decision referenced the active ruleset's row, so every routing transaction locked that
-- one row (FOR KEY SHARE) and concurrent ones shared it through multixacts. Versions are never
-- deleted (no route removes one, SPEC §5), and a decision's version is the one its
-- transaction read as active: the reference guarded nothing that can happen.
ALTER TABLE decisions DROP CONSTRAINT decisions_ruleset_version_fkey;
