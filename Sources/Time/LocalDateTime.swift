/// The wall-clock reading of an instant in a time zone.
public struct LocalDateTime: Sendable, Hashable {
    public let date: CivilDate
    /// 0...23
    public let hour: Int
    /// 0...59
    public let minute: Int
    /// 0...59
    public let second: Int
    /// 0..<1_000_000
    public let microsecond: Int
    /// Seconds east of UTC in force at the instant (-21600 for Chicago in winter).
    public let utcOffset: Int

    public init(date: CivilDate, hour: Int, minute: Int, second: Int, microsecond: Int, utcOffset: Int) {
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
        self.utcOffset = utcOffset
    }

    public var year: Int { date.year }
    /// 1...12
    public var month: Int { date.month }
    /// 1...31
    public var day: Int { date.day }
    /// 1 = Monday ... 7 = Sunday.
    public var isoWeekday: Int { date.isoWeekday }
}
