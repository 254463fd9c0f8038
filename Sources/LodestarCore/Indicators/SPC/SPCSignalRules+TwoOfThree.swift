extension SPCSignalRules {
    /// `[two_of_three]`: in 3 consecutive points, 2 or more strictly beyond 2σ on one side,
    /// all 3 strictly on that side. The signal names the points beyond 2σ.
    ///
    /// 2σ is, as SPEC §7 defines it, two thirds of the way from the centre to the point's limit
    /// on that side: the limit as reported, so a p-chart limit clipped to 1 (or 0) brings the
    /// line in with it (otherwise a small sample's line could lie beyond any possible rate,
    /// and the rule could never fire there). Firing windows on one side whose points beyond
    /// 2σ overlap (as when four points in a row lie beyond it) make one signal.
    func twoOfThree() -> [SPCSignal] {
        guard points.count >= 3 else { return [] }
        var found: [SPCSignal] = []
        var latest: [SPCSide: Int] = [:]
        for start in 0...(points.count - 3) {
            let window = start...(start + 2)
            for side in [SPCSide.above, .below] where window.allSatisfy({ self.side(of: $0) == side }) {
                let beyond = window.filter { isBeyondTwoSigma($0, on: side) }
                guard beyond.count >= 2 else { continue }
                if let index = latest[side], !Set(found[index].points).isDisjoint(with: beyond) {
                    found[index].points = Array(Set(found[index].points).union(beyond)).sorted()
                } else {
                    latest[side] = found.count
                    found.append(signal(.twoOfThree, beyond, side))
                }
            }
        }
        return found
    }

    private func isBeyondTwoSigma(_ index: Int, on side: SPCSide) -> Bool {
        let point = points[index]
        guard let limit = side == .above ? point.ucl : point.lcl else { return false }
        let line = centre + 2.0 / 3.0 * (limit - centre)
        return SPCSide(point.value, against: line) == side
    }
}
