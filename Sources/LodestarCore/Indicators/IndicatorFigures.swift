/// The raw figures of one group (or one group in one period): its tallies and the summaries
/// of its durations, before suppression.
///
/// A tally that is absent is 0 and a statistic that is absent has no values, so a store
/// fills only what it found.
public struct IndicatorFigures: Sendable, Hashable {
    public var tallies: [Tally: Int]
    /// Keyed by the statistic indicators; durations in each indicator's unit.
    public var statistics: [Indicator: StatisticSummary]

    public init(tallies: [Tally: Int] = [:], statistics: [Indicator: StatisticSummary] = [:]) {
        self.tallies = tallies
        self.statistics = statistics
    }

    /// The tally, 0 when absent.
    public subscript(tally: Tally) -> Int {
        get { tallies[tally] ?? 0 }
        set { tallies[tally] = newValue }
    }

    /// The summary of a statistic indicator's values, empty when absent.
    public func summary(of indicator: Indicator) -> StatisticSummary {
        statistics[indicator] ?? .empty
    }

    /// Whether the group has no figure at all: every tally 0 and no durations. A report
    /// leaves such a group out (SPEC: one row per group that has any figure).
    public var isEmpty: Bool {
        tallies.values.allSatisfy { $0 == 0 } && statistics.values.allSatisfy { $0.n == 0 }
    }
}
