-- A follow-up may fall due before its creation (SPEC §6): a dispatcher entering one that is
-- already due makes it overdue at once. Its creation is still what attempts may not precede.
ALTER TABLE follow_ups DROP CONSTRAINT follow_ups_check;
