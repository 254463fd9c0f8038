/// An instant, as microseconds since 1970-01-01T00:00:00Z.
///
/// Microseconds match PostgreSQL's `timestamptz` resolution, so a value survives a round trip
/// through the database unchanged. Leap seconds do not exist on this scale (as in Unix time).
public struct Timestamp: Sendable, Hashable, Comparable {
    /// Microseconds since the Unix epoch.
    public var microseconds: Int64

    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    /// The instant `seconds` whole seconds after the epoch.
    public init(secondsSinceEpoch seconds: Int64) {
        microseconds = seconds * 1_000_000
    }

    /// PostgreSQL's `infinity`: later than every other instant.
    public static let infinity = Timestamp(microseconds: .max)

    /// PostgreSQL's `-infinity`: earlier than every other instant.
    public static let negativeInfinity = Timestamp(microseconds: .min)

    /// Whole seconds since the epoch, rounded down.
    public var secondsSinceEpoch: Int64 {
        microseconds.floorDivided(by: 1_000_000)
    }

    /// The instant `seconds` later (earlier when negative).
    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(microseconds: microseconds + seconds * 1_000_000)
    }

    /// Seconds from `earlier` to `self`, with the fraction.
    public func seconds(since earlier: Timestamp) -> Double {
        Double(microseconds - earlier.microseconds) / 1_000_000
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.microseconds < rhs.microseconds
    }
}
