extension ZoneRules {
    /// The wall-clock date and time at `instant` in this zone.
    public func localDateTime(at instant: Timestamp) -> LocalDateTime {
        let seconds = instant.secondsSinceEpoch
        let offset = utcOffset(atSecond: seconds)
        let local = seconds + Int64(offset)
        let days = local.floorDivided(by: 86_400)
        let secondOfDay = Int(local - days * 86_400)
        return LocalDateTime(
            date: CivilDate(daysSinceEpoch: days),
            hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60,
            microsecond: Int(instant.microseconds - seconds * 1_000_000), utcOffset: offset)
    }

    /// The first instant of `date` in this zone: its midnight, or, on a day whose midnight the
    /// clocks skip, the first instant that exists on it (the end of the gap). Where midnight
    /// happens twice, the earlier.
    public func start(of date: CivilDate) -> Timestamp {
        Timestamp(secondsSinceEpoch: firstInstant(reachingLocal: date.daysSinceEpoch * 86_400))
    }

    /// The half-open interval `[start, start of the next)` of the `period` holding `instant`
    /// in this zone's calendar; a day lasts 23 or 25 hours when the clocks change in it.
    public func interval(of period: CalendarPeriod, containing instant: Timestamp) -> Range<Timestamp> {
        let date = localDateTime(at: instant).date
        return start(of: period.firstDay(containing: date))..<start(of: period.firstDayOfNext(containing: date))
    }

    /// The first UTC second whose wall-clock reading is `local` seconds or later.
    ///
    /// Walks the stretches of constant offset around `local` in time order: in each, the
    /// reading runs from `start + offset`, so the first second that reaches `local` is
    /// `local - offset` unless the stretch starts later (a gap) or ends sooner.
    private func firstInstant(reachingLocal local: Int64) -> Int64 {
        // Offsets stay within ±26 hours, so two days either side hold every candidate.
        let windowStart = local - 2 * 86_400
        var offset = Int64(utcOffset(atSecond: windowStart))
        var stretchStart = windowStart
        for change in offsetChanges(after: windowStart, through: local + 2 * 86_400) {
            let candidate = max(stretchStart, local - offset)
            if candidate < change.at { return candidate }
            stretchStart = change.at
            offset = Int64(change.offset)
        }
        return max(stretchStart, local - offset)
    }
}
