/// A week of the ISO 8601 week-numbering calendar: weeks start on Monday, and week 1 of a year
/// is the one holding its first Thursday (so 2027-01-01, a Friday, is in 2026-W53).
public struct ISOWeek: Sendable, Hashable, Comparable {
    /// The week-numbering year, which differs from the calendar year near January 1.
    public var year: Int
    /// 1...53
    public var week: Int

    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// The Monday that starts the week.
    public var monday: CivilDate {
        // January 4 is always in week 1.
        CivilDate(year: year, month: 1, day: 4).isoWeekStart.adding(days: Int64(week - 1) * 7)
    }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool {
        (lhs.year, lhs.week) < (rhs.year, rhs.week)
    }
}

extension CivilDate {
    /// The Monday that starts the ISO week holding this date.
    public var isoWeekStart: CivilDate {
        adding(days: Int64(1 - isoWeekday))
    }

    /// The ISO week holding this date.
    public var isoWeek: ISOWeek {
        // The week's Thursday lies in the week-numbering year, by the definition of week 1.
        let thursday = adding(days: Int64(4 - isoWeekday))
        let newYear = CivilDate(year: thursday.year, month: 1, day: 1)
        return ISOWeek(year: thursday.year, week: Int((thursday.daysSinceEpoch - newYear.daysSinceEpoch) / 7) + 1)
    }
}
