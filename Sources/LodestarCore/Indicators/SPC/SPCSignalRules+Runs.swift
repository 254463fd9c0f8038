extension SPCSignalRules {
    /// `[shift]`: maximal runs of 7 or more points strictly on one side of the centre; a
    /// point on the centre line belongs to no run.
    func shifts() -> [SPCSignal] {
        runs(count: points.count, step: side(of:)).map { signal(.shift, Array($0.range), $0.side) }
    }

    /// `[trend]`: maximal runs of 7 or more points, each after the first strictly above (or
    /// each strictly below) the one before; equal neighbours break the run. The run's first
    /// point is part of the signal.
    func trends() -> [SPCSignal] {
        guard points.count > 1 else { return [] }
        // Step i compares point i + 1 with point i; a run of k steps spans k + 1 points.
        let steps = runs(count: points.count - 1, minimum: Self.runLength - 1) { index in
            SPCSide(points[index + 1].value, against: points[index].value)
        }
        return steps.map { signal(.trend, Array($0.range.lowerBound...$0.range.upperBound + 1), $0.side) }
    }

    /// Maximal runs of equal sides other than `on` among `count` items, at least `minimum` long.
    private func runs(count: Int, minimum: Int = Self.runLength, step: (Int) -> SPCSide) -> [(range: ClosedRange<Int>, side: SPCSide)] {
        var found: [(range: ClosedRange<Int>, side: SPCSide)] = []
        var start = 0
        while start < count {
            let side = step(start)
            var end = start
            while end + 1 < count, step(end + 1) == side { end += 1 }
            if side != .on, end - start + 1 >= minimum { found.append((start...end, side)) }
            start = end + 1
        }
        return found
    }
}
