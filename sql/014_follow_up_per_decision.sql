-- Every routing decision that asks for a follow-up creates its own (SPEC §5: created at the
-- assessment's time, due that long after it), so deciding no longer reads the contact's open
-- follow-up. The open dispatch is still read: a re-assessment does not send a second team.
DROP FUNCTION lodestar_routing_facts(text[], text[]);

CREATE FUNCTION lodestar_routing_facts(named_regions text[], assessed_contacts text[],
    OUT active_version integer, OUT region_rows text, OUT open_dispatch_rows text)
    LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    SELECT version INTO active_version FROM rulesets WHERE active;
    SELECT coalesce(json_agg(json_build_array(r.code, r.type, r.timezone, r.response_target_minutes)), '[]')::text
    INTO region_rows FROM regions r
    WHERE r.code = ANY(named_regions)
       OR r.code IN (SELECT c.region FROM contacts c WHERE c.contact_id = ANY(assessed_contacts));
    -- Per contact, reading only the contact's own rows (by its index; `OFFSET 0` keeps the status
    -- test out of the scan): a plan that also used the board's partial index on the status read
    -- every open row there is, and cost grew with the queue.
    SELECT coalesce(json_agg(json_build_array(a.contact_id, o.id, o.team_id, o.eta_minutes)), '[]')::text
    INTO open_dispatch_rows
    FROM unnest(assessed_contacts) AS a(contact_id)
    CROSS JOIN LATERAL (SELECT x.id, x.team_id, x.eta_minutes
                        FROM (SELECT d.id, d.team_id, d.eta_minutes, d.status, d.requested_at FROM dispatches d
                              WHERE d.contact_id = a.contact_id OFFSET 0) x
                        WHERE x.status IN ('requested', 'assigned', 'en_route', 'on_scene')
                        ORDER BY x.requested_at DESC, x.id DESC LIMIT 1) o;
END
$$;
