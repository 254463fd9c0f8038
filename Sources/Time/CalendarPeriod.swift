/// The calendar periods reports group by: a day, an ISO week (Monday to Sunday), a month.
///
/// A period is named by its first day; the raw values are the words the API uses.
public enum CalendarPeriod: String, Sendable, Hashable, CaseIterable {
    case day, week, month

    /// The first day of the period holding `date`.
    public func firstDay(containing date: CivilDate) -> CivilDate {
        switch self {
        case .day: date
        case .week: date.isoWeekStart
        case .month: CivilDate(year: date.year, month: date.month, day: 1)
        }
    }

    /// The first day of the period after the one holding `date`.
    public func firstDayOfNext(containing date: CivilDate) -> CivilDate {
        switch self {
        case .day: date.adding(days: 1)
        case .week: date.isoWeekStart.adding(days: 7)
        case .month: date.month == 12
            ? CivilDate(year: date.year + 1, month: 1, day: 1)
            : CivilDate(year: date.year, month: date.month + 1, day: 1)
        }
    }
}
