import LodestarCore
import Testing

@Suite struct SuppressionTests {
    private func figures(_ tallies: [Tally: Int], _ statistics: [Indicator: StatisticSummary] = [:]) -> IndicatorFigures {
        IndicatorFigures(tallies: tallies, statistics: statistics)
    }

    @Test(arguments: [(0, 0, false), (1, nil, true), (5, nil, true), (10, nil, true), (11, 11, false), (250, 250, false)] as [(Int, Int?, Bool)])
    func counts(_ offered: Int, _ shown: Int?, _ named: Bool) {
        let row = figures([.contactsOffered: offered]).values(under: .standard)
        #expect(row[.contactsOffered] == .count(shown))
        #expect(row.suppressed.contains(.contactsOffered) == named)
    }

    @Test func smallNumerator() {
        let row = figures([.contactsOffered: 100, .contactsAnswered: 5]).values(under: .standard)
        #expect(row[.answerRate] == .rate(nil))
        #expect(row[.contactsAnswered] == .count(nil))
        #expect(row[.contactsOffered] == .count(100))
        // 0 of 5 answered within target: the denominator is the small count.
        #expect(row.suppressed == [.contactsAnswered, .answerRate, .answeredWithinTargetRate])
        // Nobody abandoned: 0 of 100 is shown.
        #expect(row[.abandonmentRate] == .rate(0))
    }

    @Test func smallDenominator() {
        let row = figures([.dispatches: 20, .dispatchesCompleted: 8]).values(under: .standard)
        #expect(row[.communityStabilizationRate] == .rate(nil))
        #expect(row[.lawEnforcementInvolvementRate] == .rate(nil))
        #expect(row[.dispatches] == .count(20))
        #expect(row.suppressed == [.communityStabilizationRate, .lawEnforcementInvolvementRate])
    }

    @Test func smallDifference() {
        let row = figures([.contactsOffered: 100, .contactsAnswered: 95, .contactsAnsweredWithinTarget: 95]).values(under: .standard)
        #expect(row[.answerRate] == .rate(nil))
        #expect(row[.answeredWithinTargetRate] == .rate(1))
        #expect(row[.abandonmentRate] == .rate(0))
        #expect(row.suppressed == [.answerRate])
    }

    @Test func shownRates() {
        let row = figures([.contactsOffered: 40, .contactsAnswered: 20, .contactsAbandoned: 20]).values(under: .standard)
        #expect(row[.answerRate] == .rate(0.5))
        #expect(row[.abandonmentRate] == .rate(0.5))
        #expect(row.suppressed.isEmpty)
    }

    @Test func zeroDenominatorIsNullButNotNamed() {
        let row = figures([.contactsOffered: 30, .contactsAnswered: 30]).values(under: .standard)
        #expect(row[.dispatchWithinTargetRate] == .rate(nil))
        #expect(row[.followUpCompletionRate] == .rate(nil))
        #expect(row[.dispatches] == .count(0))
        #expect(row[.dispatchResponseMinutes] == .statistic(nil))
        #expect(row.suppressed.isEmpty)
    }

    @Test(arguments: [(0, false, false), (5, false, true), (10, false, true), (11, true, false)])
    func statistics(_ n: Int, _ shown: Bool, _ named: Bool) {
        let values = (0..<n).map { Double($0) }
        let row = figures([.contactsOffered: 30, .contactsAnswered: 30], [.speedToAnswerSeconds: StatisticSummary(values: values)])
            .values(under: .standard)
        let expected = shown ? StatisticFigures(mean: 5, p50: 5, p90: 9) : nil
        #expect(row[.speedToAnswerSeconds] == .statistic(expected))
        #expect(row.suppressed == (named ? [.speedToAnswerSeconds] : []))
    }

    @Test func everyIndicatorIsNamed() {
        let row = IndicatorFigures().values(under: .standard)
        #expect(Set(row.values.keys) == Set(Indicator.allCases))
        #expect(row.suppressed.isEmpty)
    }

    @Test func suppressionOff() {
        let row = figures([.contactsOffered: 3, .contactsAnswered: 2, .dispatches: 0], [.speedToAnswerSeconds: StatisticSummary(values: [4, 6])])
            .values(under: .off)
        #expect(row[.contactsOffered] == .count(3))
        #expect(row[.answerRate] == .rate(2.0 / 3.0))
        #expect(row[.speedToAnswerSeconds] == .statistic(StatisticFigures(mean: 5, p50: 5, p90: 5.8)))
        #expect(row[.dispatchWithinTargetRate] == .rate(nil))
        #expect(row.suppressed.isEmpty)
    }

    @Test func otherThreshold() {
        let policy = SuppressionPolicy(threshold: 5)
        #expect(figures([.followUpsCreated: 4]).values(under: policy).suppressed
            == [.followUpsCreated, .followUpCompletionRate, .followUpOnTimeRate])
        #expect(figures([.followUpsCreated: 5]).values(under: policy)[.followUpsCreated] == .count(5))
        #expect(policy.isSmall(0) == false && policy.isSmall(1) && policy.isSmall(4) && !policy.isSmall(5))
    }
}
