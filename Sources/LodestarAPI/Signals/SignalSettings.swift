import ZoneInfo

/// Live SPC signals (SPEC §7): `LODESTAR_SIGNAL_SWEEP_SECONDS` (60) between sweeps, and the
/// zone whose days and weeks the watched charts count (`LODESTAR_SIGNAL_TIMEZONE`, `UTC`).
public struct SignalSettings: Sendable {
    public var sweepInterval: Duration
    public var timeZone: String

    public init(sweepInterval: Duration = .seconds(60), timeZone: String = "UTC") {
        self.sweepInterval = sweepInterval
        self.timeZone = timeZone
    }

    /// Whether the system's tz database knows the zone `name`.
    public static func isKnownZone(_ name: String) -> Bool {
        (try? ZoneInfoDatabase.system.rules(named: name)) != nil
    }
}
