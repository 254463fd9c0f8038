public import LodestarCore

/// Follow-up settings (SPEC §6): `LODESTAR_FOLLOW_UP_MAX_ATTEMPTS` (3) unsuccessful attempts
/// close a follow-up as `unable_to_reach`; `LODESTAR_FOLLOW_UP_SWEEP_SECONDS` (30) between
/// overdue sweeps, so an overdue follow-up is flagged within a minute.
public struct FollowUpSettings: Sendable {
    public var policy: FollowUpPolicy
    public var sweepInterval: Duration

    public init(maxAttempts: Int = 3, sweepInterval: Duration = .seconds(30)) {
        policy = FollowUpPolicy(maxUnsuccessfulAttempts: maxAttempts)
        self.sweepInterval = sweepInterval
    }
}
