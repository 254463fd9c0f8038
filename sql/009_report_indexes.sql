-- Indexes for the indicator reports (SPEC §7): a quarter of a large county's history read from
-- indexes alone, so that no report visits the wide rows (a contact's row carries its fold
-- snapshot). Each record's window time leads, with the columns its figures read beside it.

-- Contacts by receipt, with every attribute reports group by and the times they measure.
DROP INDEX contacts_received_at;
CREATE INDEX contacts_received_at ON contacts (received_at)
    INCLUDE (contact_id, region, channel, line, language, caller_age, caller_race_ethnicity, experiment_arm,
             ruleset_version, answered_at, abandoned_at);

-- A dispatch's or follow-up's figures group by its contact's attributes: one probe of the
-- primary key per record, answered from the key itself. The key carries them rather than a
-- second index by contact, which every write of a contact would have to update as well.
ALTER TABLE follow_ups DROP CONSTRAINT follow_ups_contact_id_fkey;
ALTER TABLE contacts DROP CONSTRAINT contacts_pkey;
ALTER TABLE contacts ADD CONSTRAINT contacts_pkey PRIMARY KEY (contact_id)
    INCLUDE (region, channel, line, language, caller_age, caller_race_ethnicity, experiment_arm, ruleset_version);
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_contact_id_fkey
    FOREIGN KEY (contact_id) REFERENCES contacts (contact_id) DEFERRABLE INITIALLY DEFERRED;

-- Each contact's arrivals on scene, for `contact_to_scene_minutes`: read whole and aggregated
-- per contact, which costs less than a probe per contact of a quarter.
CREATE INDEX dispatches_on_scene ON dispatches (contact_id, on_scene_at) WHERE on_scene_at IS NOT NULL;

-- Dispatches by request (the same keys as before, which closed-dispatch listings use) and
-- follow-ups by creation, with what their figures read.
DROP INDEX dispatches_requested_at;
CREATE INDEX dispatches_requested_at ON dispatches (requested_at, id)
    INCLUDE (contact_id, team_id, status, on_scene_at, outcome, law_enforcement_involved);
DROP INDEX follow_ups_created_at;
CREATE INDEX follow_ups_created_at ON follow_ups (created_at)
    INCLUDE (contact_id, status, closed_at, due_at, first_attempt_at);
