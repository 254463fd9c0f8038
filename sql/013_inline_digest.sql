-- The data digest (003) computed inline in ingest's insert instead of through a function call
-- per event. Declared IMMUTABLE while its body calls `convert_to`, which is only STABLE, the
-- function was never inlined: each event ran it through the SQL-function executor, 8 % of
-- PostgreSQL's CPU under the routing benchmark (perf). Nothing stores it in an index or a
-- generated column, so STABLE, which is what its body is, costs nothing.
ALTER FUNCTION lodestar_data_digest(jsonb) STABLE;
