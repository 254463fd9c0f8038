public import JSON
public import Loop
import Postgres
public import Time

/// A signal to announce on the stream, with what identifies it (see `sql/008_signals.sql`).
public struct SignalAnnouncement: Sendable {
    public var indicator: String
    public var period: String
    public var timeZone: String
    /// The chart's group as JSON text, its dimensions in a fixed order.
    public var series: String
    public var rule: String
    public var kind: String
    /// The first and last period start of the signal's points.
    public var firstPeriod: CivilDate
    public var lastPeriod: CivilDate
    /// The `signal` change's body.
    public var body: JSONValue

    public init(indicator: String, period: String, timeZone: String, series: String, rule: String, kind: String,
                firstPeriod: CivilDate, lastPeriod: CivilDate, body: JSONValue) {
        self.indicator = indicator
        self.period = period
        self.timeZone = timeZone
        self.series = series
        self.rule = rule
        self.kind = kind
        self.firstPeriod = firstPeriod
        self.lastPeriod = lastPeriod
        self.body = body
    }
}

/// Live SPC signals: each kept once, and announced on the stream when it is first kept.
@LoopActor
public final class SignalStore {
    let pool: PostgresPool
    let appends: ChangeAppends

    init(pool: PostgresPool, appends: ChangeAppends) {
        self.pool = pool
        self.appends = appends
    }

    /// Keeps the signals no process kept before (one of the same series, rule and kind whose
    /// periods overlap counts as the same) and appends a `signal` change for each, in one
    /// transaction; returns how many were new. Any number of processes may call this at once
    /// with the same signals: each is kept, and announced, once.
    public func announce(_ signals: [SignalAnnouncement]) async throws -> Int {
        guard !signals.isEmpty else { return 0 }
        let announced = try await pool.transaction { tx in
            let kept = try await tx.query(Self.keepSQL, [Self.recordset(signals)])
            let bodies = kept.compactMap { $0[0].string }
            if !bodies.isEmpty {
                try await tx.query("INSERT INTO change_log (kind, body) SELECT 'signal', b::jsonb FROM unnest($1::text[]) WITH ORDINALITY AS t(b, n) ORDER BY n",
                                   [bodies])
            }
            return bodies.count
        }
        if announced > 0 { appends.committed() }
        return announced
    }

    static let keepSQL = """
        INSERT INTO spc_signals (indicator, period, time_zone, series, rule, kind, periods, body)
        SELECT indicator, period, time_zone, series, rule, kind, daterange(first, last, '[]'), body
        FROM jsonb_to_recordset($1::jsonb)
            AS s(indicator text, period text, time_zone text, series text, rule text, kind text, first date, last date, body jsonb)
        ON CONFLICT DO NOTHING
        RETURNING body::text
        """

    static func recordset(_ signals: [SignalAnnouncement]) -> String {
        JSONValue.array(signals.map { signal in
            [
                "indicator": .string(signal.indicator), "period": .string(signal.period), "time_zone": .string(signal.timeZone),
                "series": .string(signal.series), "rule": .string(signal.rule), "kind": .string(signal.kind),
                "first": .string(signal.firstPeriod.rfc3339), "last": .string(signal.lastPeriod.rfc3339), "body": signal.body,
            ]
        }).description
    }
}
