import ArgumentParser
import LodestarAPI

extension Serve {
    /// Follow-up settings from the environment: `LODESTAR_FOLLOW_UP_MAX_ATTEMPTS` (3:
    /// unsuccessful attempts that close a follow-up as `unable_to_reach`) and
    /// `LODESTAR_FOLLOW_UP_SWEEP_SECONDS` (30: between overdue sweeps, so a follow-up is flagged
    /// within a minute of falling due).
    func followUpSettings() throws -> FollowUpSettings {
        let environment = Environment()
        let maxAttempts = try environment.integer("LODESTAR_FOLLOW_UP_MAX_ATTEMPTS") ?? 3
        let sweepSeconds = try environment.integer("LODESTAR_FOLLOW_UP_SWEEP_SECONDS") ?? 30
        return FollowUpSettings(maxAttempts: maxAttempts, sweepInterval: .seconds(sweepSeconds))
    }
}
