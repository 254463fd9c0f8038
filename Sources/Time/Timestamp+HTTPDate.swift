extension Timestamp {
    /// The IMF-fixdate of RFC 9110 §5.6.7, as the `Date` header carries it:
    /// `Sun, 06 Nov 1994 08:49:37 GMT` (whole seconds, rounded down).
    public var httpDate: String {
        let seconds = secondsSinceEpoch
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        let weekday = Self.weekdayNames[date.isoWeekday - 1]
        let month = Self.monthNames[date.month - 1]
        return "\(weekday), \(zeroPadded(date.day, 2)) \(month) \(zeroPadded(date.year, 4)) "
            + "\(zeroPadded(secondOfDay / 3600, 2)):\(zeroPadded(secondOfDay / 60 % 60, 2)):\(zeroPadded(secondOfDay % 60, 2)) GMT"
    }

    private static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
