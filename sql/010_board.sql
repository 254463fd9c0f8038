-- The dispatch board at speed (issue #9): a page read from the dispatch rows and the handful of
-- regions alone, and a version that says whether a page rendered earlier still shows what the
-- database holds.

-- The region of the dispatch's contact, kept on the dispatch so that a page needs no lookup of
-- each row's contact. It follows the contact whatever writes it: filled in when the dispatch is
-- inserted, and changed with the contact's region. A dispatch created for a contact that has
-- sent no event yet is `region_pending` until the contact's first event is stored. (Creating a
-- dispatch takes its contact's ingest lock, so a contact written at the same moment is either
-- seen by the insert or sees the dispatch.)
ALTER TABLE dispatches ADD COLUMN region text, ADD COLUMN region_pending boolean NOT NULL DEFAULT false;
UPDATE dispatches d SET region = c.region FROM contacts c WHERE c.contact_id = d.contact_id;
UPDATE dispatches d SET region_pending = true WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.contact_id = d.contact_id);
CREATE INDEX dispatches_region_pending ON dispatches (contact_id) WHERE region_pending;

CREATE FUNCTION lodestar_dispatch_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT c.region INTO NEW.region FROM contacts c WHERE c.contact_id = NEW.contact_id;
    NEW.region_pending := NOT FOUND;
    RETURN NEW;
END $$;
CREATE TRIGGER dispatches_region BEFORE INSERT ON dispatches
    FOR EACH ROW EXECUTE FUNCTION lodestar_dispatch_region();

-- Only a real change of region calls this (the WHEN clause), not every write of a contact.
CREATE FUNCTION lodestar_contact_region_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE dispatches SET region = NEW.region, region_pending = false
    WHERE contact_id = NEW.contact_id AND (region IS DISTINCT FROM NEW.region OR region_pending);
    RETURN NULL;
END $$;
CREATE TRIGGER contacts_region_changed AFTER UPDATE OF region ON contacts
    FOR EACH ROW WHEN (OLD.region IS DISTINCT FROM NEW.region) EXECUTE FUNCTION lodestar_contact_region_changed();

-- Once per statement that inserts contacts (an ingest batch is one), and an index probe that
-- finds nothing unless a dispatch is waiting for its contact.
CREATE FUNCTION lodestar_contacts_arrived() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM dispatches WHERE region_pending) THEN
        UPDATE dispatches d SET region = c.region, region_pending = false
        FROM contacts c WHERE d.region_pending AND c.contact_id = d.contact_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER contacts_arrived AFTER INSERT ON contacts
    FOR EACH STATEMENT EXECUTE FUNCTION lodestar_contacts_arrived();

-- Bumped in the transaction of every change to what a board page shows (a dispatch row, its
-- region, a region's response target). A process keeps a page it rendered beside the version
-- it read before reading the page, and shows it again only while the version is unchanged.
-- Writers of dispatches already queue on `DispatchLock`, so the one row costs them no waiting.
CREATE TABLE board_version (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version   bigint  NOT NULL
);
INSERT INTO board_version (version) VALUES (1);

CREATE FUNCTION lodestar_board_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE board_version SET version = version + 1;
    RETURN NULL;
END $$;
-- Per row, so that an update that touches no dispatch (a contact without any) bumps nothing.
CREATE TRIGGER dispatches_board_changed AFTER INSERT OR UPDATE OR DELETE ON dispatches
    FOR EACH ROW EXECUTE FUNCTION lodestar_board_changed();
CREATE TRIGGER dispatches_board_truncated AFTER TRUNCATE ON dispatches
    FOR EACH STATEMENT EXECUTE FUNCTION lodestar_board_changed();
CREATE TRIGGER regions_board_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions
    FOR EACH STATEMENT EXECUTE FUNCTION lodestar_board_changed();
