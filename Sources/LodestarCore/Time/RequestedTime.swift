public import Time

/// When a write says it happened: the `at` its body stated, or, when it stated none, the
/// server's clock as the request arrived (SPEC §4, §6: `"at"?`, default now).
///
/// The two differ once the write follows something: a dispatch's previous step, a follow-up's
/// previous attempt, a team's last report. Those are known only under their row's lock, and
/// the clock is read before it: a concurrent request may commit a later time in between. A
/// stated time is the client's claim and is refused when it goes back in time; a client that
/// stated none asked for "now" and must never be told it is too early.
public enum RequestedTime: Sendable, Hashable {
    /// The body's `at`: recorded as stated, refused by the caller when earlier than `previous`.
    case stated(Timestamp)
    /// No `at` in the body; `now` is the server's clock when the request arrived.
    case unstated(now: Timestamp)

    /// `at` when stated, else `now`.
    public init(stated at: Timestamp?, now: Timestamp) {
        self = at.map(RequestedTime.stated) ?? .unstated(now: now)
    }

    /// The time to record after `previous` (read under the lock; nil when nothing precedes): a
    /// stated time as it is, an unstated one the later of the clock and `previous`.
    public func resolved(after previous: Timestamp?) -> Timestamp {
        switch self {
        case .stated(let at): at
        case .unstated(let now): previous.map { max(now, $0) } ?? now
        }
    }
}
