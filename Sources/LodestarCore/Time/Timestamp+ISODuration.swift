public import Time

extension Timestamp {
    /// The instant `duration` later.
    public static func + (lhs: Timestamp, rhs: ISODuration) -> Timestamp {
        lhs.adding(seconds: rhs.seconds)
    }
}
