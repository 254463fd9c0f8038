/// Finds the signals of one series (SPEC §7's four rules).
///
/// Each signal is reported once with every point that makes it: one per point beyond a
/// limit; one per maximal shift or trend run (an eighth point extends the signal rather than
/// starting another), as NHS "Making Data Count" charts show them; for two-of-three, one per
/// cluster of firing windows that share a point beyond 2σ. Signals are listed by their first
/// point, then in rule order.
struct SPCSignalRules {
    let points: [SPCPoint]
    let centre: Double
    let better: BetterDirection

    /// The shortest shift and trend, in points.
    static let runLength = 7

    func signals() -> [SPCSignal] {
        let all = outsideLimits() + shifts() + trends() + twoOfThree()
        let order = Dictionary(uniqueKeysWithValues: SPCRule.allCases.enumerated().map { ($1, $0) })
        return all.sorted { ($0.points[0], order[$0.rule]!) < ($1.points[0], order[$1.rule]!) }
    }

    func side(of index: Int) -> SPCSide {
        SPCSide(points[index].value, against: centre)
    }

    func signal(_ rule: SPCRule, _ indices: [Int], _ side: SPCSide) -> SPCSignal {
        SPCSignal(rule: rule, points: indices, kind: SPCSignalKind(side: side, better: better))
    }

    /// `[outside_limits]`: each point strictly beyond its limit.
    private func outsideLimits() -> [SPCSignal] {
        points.indices.compactMap { index in
            let point = points[index]
            if let ucl = point.ucl, SPCSide(point.value, against: ucl) == .above { return signal(.outsideLimits, [index], .above) }
            if let lcl = point.lcl, SPCSide(point.value, against: lcl) == .below { return signal(.outsideLimits, [index], .below) }
            return nil
        }
    }
}
