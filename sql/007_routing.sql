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

-- Routing's statements in the ingest transaction, kept in functions so that their plans are
-- kept too: the server plans every other statement anew (plan_cache_mode=force_custom_plan,
-- so that no plan made while a table was empty outlives it), and planning these on every
-- transaction tripled PostgreSQL's planning time under ingest (measured with perf). Generic
-- plans are forced (with `auto` PostgreSQL kept choosing custom plans and planned anyway):
-- every lookup here is by key or through one contact's rows, whose plans stay right whatever
-- the tables hold; a plan is remade when autovacuum's ANALYZE changes a table's statistics.

-- What deciding needs: the active version, the regions the assessed contacts may name, and
-- each assessed contact's open dispatch and follow-up (JSON arrays of rows).
CREATE FUNCTION lodestar_routing_facts(named_regions text[], assessed_contacts text[],
    OUT active_version integer, OUT region_rows text, OUT open_dispatch_rows text, OUT open_follow_up_rows text)
    LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    SELECT version INTO active_version FROM rulesets WHERE active;
    SELECT coalesce(json_agg(json_build_array(r.code, r.type, r.timezone, r.response_target_minutes)), '[]')::text
    INTO region_rows FROM regions r
    WHERE r.code = ANY(named_regions)
       OR r.code IN (SELECT c.region FROM contacts c WHERE c.contact_id = ANY(assessed_contacts));
    -- Per contact, reading only the contact's own rows (by its index; `OFFSET 0` keeps the status
    -- test out of the scan): a plan that also used a partial index on the status (the board's,
    -- the open follow-ups') read every open row there is, and cost grew with the queue.
    SELECT coalesce(json_agg(json_build_array(a.contact_id, o.id, o.team_id, o.eta_minutes)), '[]')::text
    INTO open_dispatch_rows
    FROM unnest(assessed_contacts) AS a(contact_id)
    CROSS JOIN LATERAL (SELECT x.id, x.team_id, x.eta_minutes
                        FROM (SELECT d.id, d.team_id, d.eta_minutes, d.status, d.requested_at FROM dispatches d
                              WHERE d.contact_id = a.contact_id OFFSET 0) x
                        WHERE x.status IN ('requested', 'assigned', 'en_route', 'on_scene')
                        ORDER BY x.requested_at DESC, x.id DESC LIMIT 1) o;
    SELECT coalesce(json_agg(json_build_array(a.contact_id, o.id, (extract(epoch FROM o.due_at) * 1000000)::bigint)), '[]')::text
    INTO open_follow_up_rows
    FROM unnest(assessed_contacts) AS a(contact_id)
    CROSS JOIN LATERAL (SELECT x.id, x.due_at
                        FROM (SELECT f.id, f.due_at, f.status, f.created_at FROM follow_ups f
                              WHERE f.contact_id = a.contact_id OFFSET 0) x
                        WHERE x.status = 'open'
                        ORDER BY x.created_at, x.id LIMIT 1) o;
END
$$;

-- What deciding wrote: the follow-ups, the decisions, each routed contact's standing decision
-- on its row, and the follow-ups' stream changes (each a JSON array of records).
CREATE FUNCTION lodestar_record_routing(new_follow_ups jsonb, new_decisions jsonb, standing jsonb, changes jsonb)
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
    UPDATE contacts c SET ruleset_version = s.ruleset_version, experiment_id = s.experiment_id,
                          experiment_arm = s.experiment_arm
    FROM jsonb_to_recordset(standing) AS s(contact_id text, ruleset_version integer, experiment_id text, experiment_arm text)
    WHERE c.contact_id = s.contact_id;
    IF jsonb_array_length(changes) > 0 THEN
        INSERT INTO change_log (kind, body)
        SELECT e.value->>'kind', e.value->'body' FROM jsonb_array_elements(changes) WITH ORDINALITY AS e(value, n)
        ORDER BY e.n;
    END IF;
END
$$;
