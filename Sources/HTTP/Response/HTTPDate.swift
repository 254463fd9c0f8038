import Loop
#if canImport(Glibc)
import Glibc
#endif

/// The IMF-fixdate for the `Date` header, formatted at most once per second.
@LoopActor
enum HTTPDate {
    private static var cachedSecond = -1
    private static var cached = ""

    static var now: String {
        let second = time(nil)
        if second != cachedSecond {
            cachedSecond = second
            cached = format(second)
        }
        return cached
    }

    static func format(_ seconds: Int) -> String {
        var t = seconds
        var parts = tm()
        gmtime_r(&t, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%a, %d %b %Y %H:%M:%S GMT", &parts)
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
