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

    /// Whole seconds since the epoch, rounded down.
    public var secondsSinceEpoch: Int64 {
        microseconds.floorDivided(by: 1_000_000)
    }

    /// The instant `seconds` later (earlier when negative).
    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(microseconds: microseconds + seconds * 1_000_000)
    }

    /// The instant `duration` later.
    public static func + (lhs: Timestamp, rhs: ISODuration) -> Timestamp {
        lhs.adding(seconds: rhs.seconds)
    }

    /// Seconds from `earlier` to `self`, with the fraction.
    public func seconds(since earlier: Timestamp) -> Double {
        Double(microseconds - earlier.microseconds) / 1_000_000
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.microseconds < rhs.microseconds
    }
}

extension Int64 {
    /// Division rounding toward negative infinity, so instants before 1970 split into a day
    /// and a non-negative time of day.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
