#if canImport(Glibc)
import Glibc
#endif

/// A point on the monotonic clock, in nanoseconds.
///
/// Used instead of `ContinuousClock.Instant` inside state that is copied and switched over on
/// every request (the HTTP connection's state machine): the standard library's instant is not
/// `@frozen`, so any enum or struct holding one has a layout unknown at compile time and every
/// copy and switch of it goes through runtime value witnesses. This one is a plain integer.
public struct MonotonicInstant: Sendable, Hashable, Comparable {
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// The monotonic clock now (`CLOCK_MONOTONIC`, as `ContinuousClock` and libuv read it).
    public static var now: MonotonicInstant {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return MonotonicInstant(nanoseconds: Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec))
    }

    public static func < (lhs: MonotonicInstant, rhs: MonotonicInstant) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    public static func + (lhs: MonotonicInstant, rhs: Duration) -> MonotonicInstant {
        MonotonicInstant(nanoseconds: lhs.nanoseconds + rhs.nanoseconds)
    }

    public static func - (lhs: MonotonicInstant, rhs: MonotonicInstant) -> Duration {
        .nanoseconds(lhs.nanoseconds - rhs.nanoseconds)
    }
}

extension Duration {
    /// The whole duration in nanoseconds (saturating far beyond any timeout).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return seconds < 0 ? .min / 2 : .max / 2 }
        return scaled + attoseconds / 1_000_000_000
    }
}
