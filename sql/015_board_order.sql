-- The board's order as SPEC §4 words it: emergent dispatches first, then every other open one
-- oldest requested first, urgent and routine together (a routine request left waiting an hour
-- comes before an urgent one made a minute ago). The queue still serves by priority, then age
-- ("highest priority and oldest first"), on `priority_rank` and `dispatches_queue`.
ALTER TABLE dispatches ADD COLUMN board_rank smallint
    GENERATED ALWAYS AS (CASE priority WHEN 'emergent' THEN 0 ELSE 1 END) STORED;
DROP INDEX dispatches_board;
CREATE INDEX dispatches_board ON dispatches (board_rank, requested_at, id)
    WHERE status IN ('requested', 'assigned', 'en_route', 'on_scene');
