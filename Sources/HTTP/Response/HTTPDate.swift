import Loop
import Time
#if canImport(Glibc)
import Glibc
#endif

/// The `Date` header's value, formatted at most once per second.
@LoopActor
enum HTTPDate {
    private static var cachedSecond = -1
    private static var cached = ""

    static var now: String {
        let second = time(nil)
        if second != cachedSecond {
            cachedSecond = second
            cached = Timestamp(secondsSinceEpoch: Int64(second)).httpDate
        }
        return cached
    }
}
