import LodestarCore
import Time

/// Reports with known figures for the rendering tests.
enum ReportFixtures {
    static let from = Timestamp(rfc3339: "2026-11-02T00:00:00Z")!
    static let to = Timestamp(rfc3339: "2026-11-16T00:00:00Z")!

    static let busy = IndicatorFigures(
        tallies: [.contactsOffered: 200, .contactsAnswered: 180, .contactsAbandoned: 20, .contactsAnsweredWithinTarget: 150,
                  .dispatches: 40, .dispatchesOnScene: 30, .dispatchesOnSceneWithinTarget: 18, .dispatchesCompleted: 30,
                  .dispatchesStabilizedInCommunity: 18, .dispatchesLawEnforcementInvolved: 0,
                  .followUpsCreated: 60, .followUpsCompleted: 45, .followUpsReachedOnTime: 30],
        statistics: [.speedToAnswerSeconds: StatisticSummary(n: 180, mean: 14.5, p50: 12, p90: 31.25),
                     .dispatchResponseMinutes: StatisticSummary(n: 30, mean: 48, p50: 45, p90: 80),
                     .contactToSceneMinutes: StatisticSummary(n: 30, mean: 61.5, p50: 58, p90: 95),
                     .followUpFirstAttemptHours: StatisticSummary(n: 50, mean: 20, p50: 18, p90: 30)])

    static let quiet = IndicatorFigures(tallies: [.contactsOffered: 15, .contactsAnswered: 12, .contactsAbandoned: 3])

    static func report(policy: SuppressionPolicy = .standard) -> IndicatorReport {
        IndicatorReport(from: from, to: to, timeZone: "America/Chicago", groupBy: [.region, .rulesetVersion],
                        policy: policy, groups: [
                            (GroupKey([.text("north"), .integer(2)]), busy),
                            (GroupKey([.text("zone \"quoted\", <b>region</b>\r\n& more"), .integer(3)]), quiet),
                            (GroupKey([nil, nil]), quiet),
                        ])
    }

    static func weekly() -> IndicatorReport {
        IndicatorReport(from: from, to: to, timeZone: "UTC", groupBy: [.channel, .week], policy: .standard, groups: [
            (GroupKey([.text("call"), .date(CivilDate(year: 2026, month: 11, day: 2))]), busy),
            (GroupKey([.text("call"), .date(CivilDate(year: 2026, month: 11, day: 9))]), busy),
            (GroupKey([.text("text"), .date(CivilDate(year: 2026, month: 11, day: 9))]), quiet),
        ])
    }

    static func spc(values: [Double] = [14, 12, 14, 12, 30, 13, 14, 15, 14, 15, 14, 15, 14]) -> SPCReport {
        let rows = values.enumerated().map { index, mean in
            SPCReport.Row(group: GroupKey([.text("<north>")]), periodStart: CivilDate(year: 2026, month: 11, day: 2).adding(days: Int64(index)),
                          figures: IndicatorFigures(statistics: [.speedToAnswerSeconds: StatisticSummary(n: 20, mean: mean, p50: mean, p90: mean)]))
        }
        return SPCReport(indicator: .speedToAnswerSeconds, period: .day, from: from, to: to, timeZone: "UTC",
                         groupBy: [.region], baseline: 4, rows: rows)!
    }

    static func pChartReport() -> SPCReport {
        let counts = [(50, 100), (30, 50), (80, 200), (40, 50), (45, 90)]
        let rows = counts.enumerated().map { index, count in
            SPCReport.Row(group: GroupKey([]), periodStart: CivilDate(year: 2026, month: 11, day: 2).adding(days: Int64(7 * index)),
                          figures: IndicatorFigures(tallies: [.contactsOffered: count.1, .contactsAnswered: count.0]))
        }
        return SPCReport(indicator: .answerRate, period: .week, from: from, to: to, timeZone: "UTC", groupBy: [], baseline: nil, rows: rows)!
    }
}
