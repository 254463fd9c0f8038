extension PosixTZRule {
    /// Parses a TZ string as TZif footers hold it: `std offset [dst [offset],start[/time],end[/time]]`.
    ///
    /// Nil for anything else, including a daylight-saving name without switching rules (the
    /// default rules POSIX leaves to the implementation would be guesses). Names are skipped:
    /// abbreviations are not kept.
    init?(_ text: ArraySlice<UInt8>) {
        guard let rule = text.withUnsafeBufferPointer({ bytes -> PosixTZRule? in
            var cursor = ASCIICursor(bytes)
            return cursor.posixTZRule()
        }) else { return nil }
        self = rule
    }
}

extension ASCIICursor {
    fileprivate mutating func posixTZRule() -> PosixTZRule? {
        guard zoneAbbreviation(), let standard = posixOffset() else { return nil }
        if atEnd { return PosixTZRule(standardOffset: standard, daylightSaving: nil) }
        guard zoneAbbreviation() else { return nil }
        var daylight = standard + 3600
        if peek != UInt8(ascii: ",") {
            guard let offset = posixOffset() else { return nil }
            daylight = offset
        }
        guard skip(","), let start = switchRule(), skip(","), let end = switchRule(), atEnd else { return nil }
        return PosixTZRule(
            standardOffset: standard,
            daylightSaving: PosixTZRule.DaylightSaving(offset: daylight, start: start, end: end))
    }

    /// `CST` (letters) or `<-03>` (letters, digits, '+', '-'), at least three characters.
    private mutating func zoneAbbreviation() -> Bool {
        let quoted = skip("<")
        let start = index
        while let byte = peek, byte.isASCIILetter || (quoted && (byte.isASCIIDigit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-"))) {
            index += 1
        }
        return index - start >= 3 && (!quoted || skip(">"))
    }

    /// `[+|-]hh[:mm[:ss]]`, hours up to 24, positive west of Greenwich as POSIX has it, as
    /// seconds east of UTC.
    private mutating func posixOffset() -> Int? {
        clockTime(maxHours: 24).map { -$0 }
    }

    /// `date[/time]`: `Jn`, `n` or `Mm.w.d`, and a wall-clock time (02:00 when absent).
    private mutating func switchRule() -> PosixTZRule.Switch? {
        let day: PosixTZRule.Day
        if skip("J") {
            guard let number = number(digits: 1...3), (1...365).contains(number) else { return nil }
            day = .julian(number)
        } else if skip("M") {
            guard let month = number(digits: 1...2), (1...12).contains(month), skip("."),
                  let week = number(digits: 1), (1...5).contains(week), skip("."),
                  let weekday = number(digits: 1), weekday <= 6
            else { return nil }
            day = .weekday(month: month, week: week, weekday: weekday)
        } else {
            guard let number = number(digits: 1...3), number <= 365 else { return nil }
            day = .ordinal(number)
        }
        guard skip("/") else { return PosixTZRule.Switch(day: day, secondOfDay: 7200) }
        // RFC 8536 extends POSIX's 0...24 hours to -167...167.
        return clockTime(maxHours: 167).map { PosixTZRule.Switch(day: day, secondOfDay: $0) }
    }

    /// `[+|-]h[hh][:mm[:ss]]` as signed seconds.
    private mutating func clockTime(maxHours: Int) -> Int? {
        let sign = self.sign() ?? 1
        guard let hours = number(digits: 1...3), hours <= maxHours else { return nil }
        var seconds = hours * 3600
        if skip(":") {
            guard let minutes = number(digits: 1...2), minutes < 60 else { return nil }
            seconds += minutes * 60
            if skip(":") {
                guard let extra = number(digits: 1...2), extra < 60 else { return nil }
                seconds += extra
            }
        }
        return sign * seconds
    }
}

extension UInt8 {
    fileprivate var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
    fileprivate var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
