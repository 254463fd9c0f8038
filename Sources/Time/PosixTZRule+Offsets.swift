extension PosixTZRule {
    /// Seconds east of UTC in force at `second` (UTC seconds since the epoch).
    func utcOffset(atSecond second: Int64) -> Int {
        guard let rule = daylightSaving else { return standardOffset }
        let year = self.year(atSecond: second)
        // Usually the latest switch at or before `second` is one of this year's. A switch time
        // before 00:00 or past 24:00 (up to a week) may move next year's first switch back
        // into this year, and before this year's first switch last year's last one holds.
        // On a tie the later switch wins: one year's end may coincide with the next one's start.
        let (next, _) = switches(rule, year: year + 1)
        if next.at <= second { return next.offset }
        let (earlier, later) = switches(rule, year: year)
        if later.at <= second { return later.offset }
        if earlier.at <= second { return earlier.offset }
        let (previousEarlier, previousLater) = switches(rule, year: year - 1)
        if previousLater.at <= second { return previousLater.offset }
        return previousEarlier.at <= second ? previousEarlier.offset : standardOffset
    }

    /// The switches in `(start, end]`, in time order.
    func changes(after start: Int64, through end: Int64) -> [OffsetChange] {
        guard let rule = daylightSaving else { return [] }
        var changes: [OffsetChange] = []
        for year in year(atSecond: start) - 1...year(atSecond: end) + 1 {
            let (earlier, later) = switches(rule, year: year)
            changes += [earlier, later].filter { $0.at > start && $0.at <= end }
        }
        // Sorting by position too keeps coinciding switches in the order they were made.
        return changes.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map { $0.element }
    }

    /// The year's two switches as UTC instants, in time order.
    private func switches(_ rule: DaylightSaving, year: Int) -> (OffsetChange, OffsetChange) {
        let start = OffsetChange(at: utcSecond(of: rule.start, year: year, offset: standardOffset), offset: rule.offset)
        let end = OffsetChange(at: utcSecond(of: rule.end, year: year, offset: rule.offset), offset: standardOffset)
        return start.at <= end.at ? (start, end) : (end, start)
    }

    private func utcSecond(of change: Switch, year: Int, offset: Int) -> Int64 {
        change.day.daysSinceEpoch(year: year) * 86_400 + Int64(change.secondOfDay - offset)
    }

    /// The calendar year on standard time at `second`.
    private func year(atSecond second: Int64) -> Int {
        CivilDate(daysSinceEpoch: (second + Int64(standardOffset)).floorDivided(by: 86_400)).year
    }
}
