/// The rules of one time zone: the UTC offset in force at every instant.
///
/// Built from a TZif file (RFC 8536) by `init(name:tzif:)`: its transitions, then the POSIX
/// TZ rule of its footer for instants after the last one (Debian's "fat" files list
/// transitions to 2037; "slim" files stop at the last change of rules and rely on the footer).
/// A value, free of IO: loading the bytes is the caller's business.
public struct ZoneRules: Sendable, Hashable {
    /// The IANA name it was built under, e.g. `America/Chicago`.
    public let name: String
    /// UTC seconds since the epoch at which the offset changes, strictly ascending.
    let transitions: [Int64]
    /// The offset (seconds east of UTC) from `transitions[i]` on.
    let offsets: [Int]
    /// The offset before the first transition.
    let initialOffset: Int
    /// The rule from the last transition on (for all time when there is none); nil keeps
    /// the last offset.
    let footer: PosixTZRule?

    init(name: String, transitions: [Int64], offsets: [Int], initialOffset: Int, footer: PosixTZRule?) {
        self.name = name
        self.transitions = transitions
        self.offsets = offsets
        self.initialOffset = initialOffset
        self.footer = footer
    }

    /// Coordinated Universal Time, built in so it needs no time-zone database.
    public static let utc = ZoneRules(name: "UTC", transitions: [], offsets: [], initialOffset: 0, footer: nil)

    /// Seconds east of UTC in force at `instant`.
    public func utcOffset(at instant: Timestamp) -> Int {
        utcOffset(atSecond: instant.secondsSinceEpoch)
    }

    func utcOffset(atSecond second: Int64) -> Int {
        guard let index = lastTransitionIndex(atOrBefore: second) else {
            if transitions.isEmpty, let footer { return footer.utcOffset(atSecond: second) }
            return initialOffset
        }
        if index == transitions.count - 1, let footer { return footer.utcOffset(atSecond: second) }
        return offsets[index]
    }

    /// The index of the last transition at or before `second`, by binary search.
    func lastTransitionIndex(atOrBefore second: Int64) -> Int? {
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= second { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }
}
