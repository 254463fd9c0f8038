-- Live SPC signals (SPEC §7, announced as `signal` on the stream of §4): each signal a sweep
-- finds is announced once, whatever number of processes sweep and however often.
--
-- A signal is known by its series (indicator, period, zone, group), rule and kind, and the
-- periods its points span. A shift, trend or two-of-three cluster that grows by a point at the
-- next close shares periods with the row already kept and is not announced again; a new run
-- after a break, or a point beyond a limit in another period, does not overlap and is. The
-- exclusion constraint is what makes this hold across processes: two sweeps inserting the same
-- signal at once cannot both commit it, and `INSERT ... ON CONFLICT DO NOTHING` skips the loser
-- instead of failing. `btree_gist` (a trusted extension shipped with PostgreSQL) lets text
-- columns take part in it with `=`.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE spc_signals (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    indicator     text        NOT NULL,
    period        text        NOT NULL CHECK (period IN ('day', 'week', 'month')),
    time_zone     text        NOT NULL,
    -- The series' group as JSON text with its dimensions in a fixed order; '{}' ungrouped.
    series        text        NOT NULL,
    rule          text        NOT NULL CHECK (rule IN ('outside_limits', 'shift', 'trend', 'two_of_three')),
    kind          text        NOT NULL CHECK (kind IN ('improvement', 'concern')),
    -- From the first to the last period start of the signal's points, both included.
    periods       daterange   NOT NULL,
    -- What the stream announced.
    body          jsonb       NOT NULL,
    announced_at  timestamptz NOT NULL DEFAULT now(),
    EXCLUDE USING gist (indicator WITH =, period WITH =, time_zone WITH =, series WITH =, rule WITH =, kind WITH =,
                        periods WITH &&)
);
