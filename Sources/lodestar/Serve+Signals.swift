import ArgumentParser
import LodestarAPI

extension Serve {
    /// Live-signal settings from the environment: `LODESTAR_SIGNAL_SWEEP_SECONDS` (60: between
    /// sweeps for new SPC signals) and `LODESTAR_SIGNAL_TIMEZONE` (`UTC`: the zone whose days
    /// and weeks the watched charts count).
    func signalSettings() throws -> SignalSettings {
        let environment = Environment()
        let seconds = try environment.integer("LODESTAR_SIGNAL_SWEEP_SECONDS") ?? 60
        let zone = environment["LODESTAR_SIGNAL_TIMEZONE"] ?? "UTC"
        guard SignalSettings.isKnownZone(zone) else {
            throw ValidationError("LODESTAR_SIGNAL_TIMEZONE must be a time zone of the system's tz database, such as America/Chicago")
        }
        return SignalSettings(sweepInterval: .seconds(seconds), timeZone: zone)
    }
}
