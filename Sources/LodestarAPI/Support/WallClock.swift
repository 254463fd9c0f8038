#if canImport(Glibc)
import Glibc
#endif
import LodestarCore
import Time

/// The server's wall clock, read at the edge: the core is handed instants, never reads a clock.
enum WallClock {
    static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(microseconds: Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1_000)
    }
}
