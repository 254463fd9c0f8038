public import Time

/// Which control charts live signals watch, and which of their signals are news (SPEC §7: when
/// a period closes and an SPC rule fires on an indicator, it is announced).
///
/// Every rate and time indicator is charted by day (the last 28) and by ISO week (the last 26)
/// in one zone, over all contacts and for each region. A chart ends at its indicator's latest
/// *settled* period: closed, and closed long enough ago that the records it counts are complete.
/// At the close of a day some contacts of its last minutes are still ringing, dispatches still
/// driving and follow-ups not yet due; a chart ending there would call that a concern every day.
/// The signals that reach the chart's last point are the news; the store keeps each once.
public struct SignalWatch: Sendable {
    /// The periods watched, with how many points each chart holds.
    public static let periods: [(period: CalendarPeriod, points: Int)] = [(.day, 28), (.week, 26)]

    public let zone: ZoneRules
    public let now: Timestamp

    public init(zone: ZoneRules, now: Timestamp) {
        self.zone = zone
        self.now = now
    }

    /// How long after a period closes its figures for `indicator` are taken as complete, in
    /// seconds: an hour for contacts, a day for dispatches (a team reaches the scene within
    /// hours), a week for follow-ups (they fall due within days of their creation).
    public static func settlingSeconds(_ indicator: Indicator) -> Int64 {
        switch indicator {
        case .answerRate, .abandonmentRate, .speedToAnswerSeconds, .answeredWithinTargetRate: 3600
        case .followUpCompletionRate, .followUpOnTimeRate, .followUpFirstAttemptHours: 7 * 86_400
        default: 86_400
        }
    }

    /// The first day of the latest `period` whose end, plus the indicator's settling time, is
    /// not after now.
    public func lastSettled(_ period: CalendarPeriod, for indicator: Indicator) -> CivilDate {
        var start = period.firstDay(containing: zone.localDateTime(at: now).date)
        repeat {
            start = period.firstDay(containing: start.adding(days: -1))
        } while zone.start(of: period.firstDayOfNext(containing: start)).adding(seconds: Self.settlingSeconds(indicator)) > now
        return start
    }

    /// The instants the figures must cover, by day: from the first day of the longest chart
    /// that could still be news to the end of yesterday.
    public var window: Range<Timestamp> {
        let today = zone.localDateTime(at: now).date
        let earliest = Self.periods.map { period, points in
            // Settling never takes more than a period (a week) longer than the period itself.
            var start = period.firstDay(containing: today)
            for _ in 0...points { start = period.firstDay(containing: start.adding(days: -1)) }
            return start
        }.min()!
        return zone.start(of: earliest)..<zone.start(of: today)
    }
}
