-- A queued dispatch is offered again when its contact's place changes (SPEC §4: a dispatch
-- waits only while no fitting team is available). The queue used to be offered only when a
-- team became available, so a contact that moved (a corrected region, a first event arriving
-- after its dispatch, a new location within the dispatch's ETA limit) waited beside a free
-- team in the new region until some team changed.
--
-- The contact's writers do not choose teams (that is Lodestar's ETA model, under the dispatch
-- lock), so the change is written down here, in the writer's transaction: the queued dispatch
-- joins `dispatch_offers` and a notification wakes every serving process, one of which takes
-- the rows under the dispatch lock and offers each dispatch the available teams
-- (`DispatchOffers`). A lost notification is made good by each process's periodic look at the
-- table. Only transactions that move a contact with a queued dispatch notify (rare), so the
-- notification's commit-order lock costs ingest nothing in the ordinary case.
CREATE TABLE dispatch_offers (
    dispatch_id  bigint PRIMARY KEY
);

CREATE FUNCTION lodestar_offer_queued(contact_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO dispatch_offers (dispatch_id)
    SELECT d.id FROM dispatches d
    WHERE d.contact_id = ANY(contact_ids) AND d.status = 'requested' AND d.auto_assign
    ON CONFLICT DO NOTHING;
    IF FOUND THEN
        PERFORM pg_notify('lodestar_dispatch_offer', '');
    END IF;
END $$;

-- A contact already stored moved: its region or its location changed.
CREATE FUNCTION lodestar_contact_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lodestar_offer_queued(ARRAY[NEW.contact_id]);
    RETURN NULL;
END $$;
CREATE TRIGGER contacts_moved AFTER UPDATE OF region, location_lat, location_lon ON contacts
    FOR EACH ROW WHEN (OLD.region IS DISTINCT FROM NEW.region
                       OR OLD.location_lat IS DISTINCT FROM NEW.location_lat
                       OR OLD.location_lon IS DISTINCT FROM NEW.location_lon)
    EXECUTE FUNCTION lodestar_contact_moved();

-- A contact's first event arrived after a dispatch was created for it (`region_pending`, 010):
-- the dispatch now knows where it is going.
CREATE OR REPLACE FUNCTION lodestar_contacts_arrived() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    arrived text[];
BEGIN
    PERFORM 1 FROM dispatches WHERE region_pending ORDER BY contact_id LIMIT 1;
    IF FOUND THEN
        WITH settled AS (
            UPDATE dispatches d SET region = c.region, region_pending = false
            FROM contacts c WHERE d.region_pending AND c.contact_id = d.contact_id
            RETURNING d.contact_id)
        SELECT array_agg(DISTINCT contact_id) INTO arrived FROM settled;
        IF arrived IS NOT NULL THEN
            PERFORM lodestar_offer_queued(arrived);
        END IF;
    END IF;
    RETURN NULL;
END $$;
