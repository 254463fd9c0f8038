import LodestarCore

/// Figures as rendered pages show them: counts with thousands separators, rates as
/// percentages, durations to one decimal. (JSON and CSV carry the exact numbers.)
enum FigureText {
    /// `value` rounded to `decimals` places, without exponent (`-0` is written `0`).
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded()
        guard scaled < 9e15 else { return value.description }
        let units = Int64(scaled)
        var text = grouped(units / scale)
        if decimals > 0 {
            let fraction = String(units % scale)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return value < 0 && units != 0 ? "-" + text : text
    }

    /// An integer with a comma every three digits.
    static func grouped(_ number: Int64) -> String {
        let digits = String(number.magnitude)
        var out = number < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    /// A value of `unit`: a percentage for a proportion, one decimal for a duration, an
    /// integer for a count.
    static func value(_ value: Double, unit: IndicatorUnit) -> String {
        switch unit {
        case .proportion: fixed(value * 100, decimals: 1) + "%"
        case .seconds, .minutes, .hours: fixed(value, decimals: 1)
        case .contacts, .dispatches, .followUps: fixed(value, decimals: 0)
        }
    }

    /// An axis tick of `unit`, with the decimals that tell the ticks apart (a proportion's
    /// ticks are percentages, two places fewer).
    static func tick(_ value: Double, unit: IndicatorUnit, decimals: Int) -> String {
        unit == .proportion ? fixed(value * 100, decimals: max(decimals - 2, 0)) + "%" : fixed(value, decimals: decimals)
    }

    /// An SVG coordinate, to a tenth of a unit.
    static func coordinate(_ value: Double) -> String {
        fixed(value, decimals: 1).replacing(",", with: "")
    }
}
