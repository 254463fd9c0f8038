/// Why bytes are not a usable TZif file.
public enum TZifError: Error, Sendable, Hashable {
    /// The bytes do not start with `TZif`.
    case notTZif
    /// A version byte other than 0 (version 1), `2`, `3` or `4`.
    case unsupportedVersion
    /// The bytes end before the header's counts say they should.
    case truncated
    /// The file counts leap seconds (the `right/` zones); `Timestamp`'s scale has none, so
    /// its transitions would be off by tens of seconds.
    case leapSeconds
    /// A count, type index, transition order or UTC offset out of range; the reason says which.
    case malformed(String)
    /// The footer is not a POSIX TZ string this reader understands.
    case invalidFooter
}
