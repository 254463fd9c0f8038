/// A fixed-length ISO 8601 duration such as `PT24H`, `P3D` or `P1DT12H`, held in seconds.
///
/// Years and months are rejected because their length depends on the calendar, and a
/// follow-up deadline must not. A day (`D`) is exactly 24 hours and a week (`W`) 7 days: a
/// deadline `P1D` after 10:00 falls at 10:00 or 11:00 local time across a DST change, which is
/// what a deadline measured in elapsed time should do. Fractions and negative durations are
/// rejected.
public struct ISODuration: Sendable, Hashable, Comparable {
    /// Length in seconds (never negative).
    public var seconds: Int64

    public init(seconds: Int64) {
        self.seconds = seconds
    }

    public static func < (lhs: ISODuration, rhs: ISODuration) -> Bool {
        lhs.seconds < rhs.seconds
    }

    /// Why a duration text was rejected; the message never repeats the text.
    public struct ParseError: Error, Sendable, Equatable {
        public var message: String

        public init(message: String) {
            self.message = message
        }
    }

    /// Parses `P[nW][nD][T[nH][nM][nS]]` with at least one component, units in that order.
    public init(iso8601 text: String) throws(ParseError) {
        var scalars = Array(text.unicodeScalars)[...]
        guard scalars.popFirst() == "P" else { throw ParseError(message: "must start with 'P', e.g. PT24H") }
        var total: Int64 = 0
        var inTime = false
        var lastRank = -1
        var components = 0
        while let first = scalars.first {
            if first == "T" {
                guard !inTime else { throw ParseError(message: "has more than one 'T'") }
                inTime = true
                scalars.removeFirst()
                guard !scalars.isEmpty else { throw ParseError(message: "must have a component after 'T'") }
                continue
            }
            let number = try Self.readNumber(&scalars)
            guard let unit = scalars.popFirst() else { throw ParseError(message: "number without a unit") }
            let (rank, factor) = try Self.unit(unit, inTime: inTime)
            guard rank > lastRank else { throw ParseError(message: "components must be in the order W, D, T, H, M, S") }
            lastRank = rank
            components += 1
            let (scaled, o1) = number.multipliedReportingOverflow(by: factor)
            let (sum, o2) = total.addingReportingOverflow(scaled)
            guard !o1, !o2 else { throw ParseError(message: "is too long") }
            total = sum
        }
        guard components > 0 else { throw ParseError(message: "must have at least one component, e.g. PT24H") }
        seconds = total
    }

    private static func readNumber(_ scalars: inout ArraySlice<Unicode.Scalar>) throws(ParseError) -> Int64 {
        var value: Int64 = 0
        var digits = 0
        while let scalar = scalars.first, ("0"..."9").contains(scalar) {
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.addingReportingOverflow(Int64(scalar.value - 48))
            guard !o1, !o2 else { throw ParseError(message: "is too long") }
            value = next
            digits += 1
            scalars.removeFirst()
        }
        if let next = scalars.first, next == "." || next == "," {
            throw ParseError(message: "fractional components are not supported")
        }
        guard digits > 0 else { throw ParseError(message: "expected a number before each unit") }
        return value
    }

    /// The unit's position in the required order and its length in seconds.
    private static func unit(_ unit: Unicode.Scalar, inTime: Bool) throws(ParseError) -> (Int, Int64) {
        switch (unit, inTime) {
        case ("Y", false): throw ParseError(message: "years are not supported (their length varies); use days")
        case ("M", false): throw ParseError(message: "months are not supported (their length varies); use days")
        case ("W", false): return (0, 604_800)
        case ("D", false): return (1, 86_400)
        case ("H", true): return (2, 3600)
        case ("M", true): return (3, 60)
        case ("S", true): return (4, 1)
        case ("H", false), ("S", false): throw ParseError(message: "hours, minutes and seconds must follow 'T'")
        default: throw ParseError(message: "unknown unit; use W, D, H, M or S")
        }
    }

    /// The canonical text in hours, minutes and seconds, zero parts left out (`PT24H`, `PT36H`,
    /// `PT4H`, `PT1M30S`; zero is `PT0S`): SPEC §5 writes follow-up delays so (`PT24H`, `PT72H`),
    /// and a day written `P1D` would read as a calendar day, which this is not.
    public var iso8601: String {
        guard seconds > 0 else { return "PT0S" }
        let hours = seconds / 3600
        let minutes = seconds / 60 % 60
        let secs = seconds % 60
        var text = "PT"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if secs > 0 { text += "\(secs)S" }
        return text
    }
}
