#if canImport(Glibc)
import Glibc
#endif

/// The system's wall clock, read in one place (`CLOCK_REALTIME`); callers turn the value into
/// their instant type. For intervals use `MonotonicInstant`, which does not jump.
public enum WallClock {
    /// Microseconds since 1970-01-01T00:00:00Z.
    public static var microsecondsSinceEpoch: Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1_000
    }
}
