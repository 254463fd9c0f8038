-- Large JSON documents compressed with lz4 instead of PostgreSQL's default pglz.
--
-- A value over about 2 kB is compressed as it is stored. The audit row of a board page (the
-- dispatches and contacts it showed, about 3 kB) is such a value, written for every page
-- served: under `ops/bench/dispatch.sh` pglz's compression was 13 % of PostgreSQL's CPU (9 %
-- of the whole machine's in `perf record -a`; lz4 in its place, 0.9 %). lz4 compresses
-- several times faster for a slightly larger result. A long contact's fold
-- and a large event's body take the same path. Values stored before keep their compression
-- (PostgreSQL reads both).
--
-- A server built without lz4 refuses the setting; the columns then keep pglz.
DO $$
BEGIN
    ALTER TABLE audit_log ALTER COLUMN detail SET COMPRESSION lz4;
    ALTER TABLE contacts ALTER COLUMN fold SET COMPRESSION lz4;
    ALTER TABLE contact_events ALTER COLUMN body SET COMPRESSION lz4;
    ALTER TABLE change_log ALTER COLUMN body SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 is not available; large values keep pglz compression';
END
$$;
