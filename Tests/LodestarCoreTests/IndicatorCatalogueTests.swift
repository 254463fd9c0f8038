import LodestarCore
import Testing
import Time

@Suite struct IndicatorCatalogueTests {
    @Test func sixteenIndicatorsInTableOrder() {
        #expect(Indicator.allCases.map(\.rawValue) == [
            "contacts_offered", "contacts_answered", "answer_rate", "abandonment_rate", "speed_to_answer_seconds",
            "answered_within_target_rate", "dispatches", "dispatch_response_minutes", "dispatch_within_target_rate",
            "community_stabilization_rate", "law_enforcement_involvement_rate", "contact_to_scene_minutes",
            "follow_ups_created", "follow_up_completion_rate", "follow_up_on_time_rate", "follow_up_first_attempt_hours",
        ])
    }

    @Test func kindsAndUnits() {
        #expect(Indicator.answerRate.kind == .rate(numerator: .contactsAnswered, denominator: .contactsOffered))
        #expect(Indicator.abandonmentRate.kind == .rate(numerator: .contactsAbandoned, denominator: .contactsOffered))
        #expect(Indicator.answeredWithinTargetRate.kind == .rate(numerator: .contactsAnsweredWithinTarget, denominator: .contactsAnswered))
        #expect(Indicator.dispatchWithinTargetRate.kind == .rate(numerator: .dispatchesOnSceneWithinTarget, denominator: .dispatchesOnScene))
        #expect(Indicator.followUpOnTimeRate.kind == .rate(numerator: .followUpsReachedOnTime, denominator: .followUpsCreated))
        #expect(Indicator.contactsOffered.kind == .count(.contactsOffered))
        #expect(Indicator.allCases.filter { $0.kind == .statistic }.map(\.unit) == [.seconds, .minutes, .minutes, .hours])
        #expect(Indicator.allCases.filter { if case .rate = $0.kind { true } else { false } }.allSatisfy { $0.unit == .proportion })
        #expect(IndicatorUnit.hours.secondsPerUnit == 3600)
    }

    @Test func betterDirections() {
        let higher: [Indicator] = [.answerRate, .answeredWithinTargetRate, .dispatchWithinTargetRate, .communityStabilizationRate,
                                   .followUpCompletionRate, .followUpOnTimeRate]
        let lower: [Indicator] = [.abandonmentRate, .lawEnforcementInvolvementRate, .speedToAnswerSeconds,
                                  .dispatchResponseMinutes, .contactToSceneMinutes, .followUpFirstAttemptHours]
        #expect(higher.allSatisfy { $0.betterDirection == .higher })
        #expect(lower.allSatisfy { $0.betterDirection == .lower })
        let counts: [Indicator] = [.contactsOffered, .contactsAnswered, .dispatches, .followUpsCreated]
        #expect(counts.allSatisfy { $0.betterDirection == nil && $0.spcChart == nil })
        #expect(Indicator.answerRate.spcChart == .p)
        #expect(Indicator.speedToAnswerSeconds.spcChart == .xmr)
    }

    @Test func chartedIndicatorParsing() throws {
        #expect(try Indicator.charted("answer_rate") == .answerRate)
        #expect(try Indicator.charted("follow_up_first_attempt_hours") == .followUpFirstAttemptHours)
        #expect {
            try Indicator.charted("contacts_offered")
        } throws: { error in
            let error = error as? IndicatorQueryError
            return error?.parameter == "indicator" && error?.message.hasPrefix("is a count") == true
                && error?.message.contains("contacts_offered") == false
        }
        #expect(throws: IndicatorQueryError.self) { try Indicator.charted("answer rate") }
    }

    @Test(arguments: [
        (17, AgeGroup.under18), (0, .under18), (18, .from18To24), (24, .from18To24), (25, .from25To44), (44, .from25To44),
        (45, .from45To64), (64, .from45To64), (65, .from65), (130, .from65),
    ])
    func ageGroups(_ age: Int, _ group: AgeGroup) {
        #expect(AgeGroup(age: age) == group)
    }

    @Test func ageGroupNames() {
        #expect(AgeGroup(age: nil) == .unknown)
        #expect(AgeGroup.allCases.map(\.rawValue) == ["<18", "18-24", "25-44", "45-64", "65+", "unknown"])
        #expect(AgeGroup.unknown.ages == nil)
        #expect(AgeGroup.from25To44.ages == 25...44)
    }

    @Test func groupByParsing() throws {
        #expect(try GroupDimension.parseList("") == [])
        #expect(try GroupDimension.parseList("region") == [.region])
        #expect(try GroupDimension.parseList("week,age_group,race_ethnicity,experiment_arm,ruleset_version")
            == [.week, .ageGroup, .raceEthnicity, .experimentArm, .rulesetVersion])
        #expect(GroupDimension.allCases.count == 12)
        #expect(GroupDimension.month.period == .month)
        #expect(GroupDimension.team.period == nil)
    }

    @Test(arguments: [
        ("regions", "must be a comma-separated list of"), ("region, channel", "must be a comma-separated list of"),
        ("region,,channel", "must be a comma-separated list of"), ("region,", "must be a comma-separated list of"),
        ("Region", "must be a comma-separated list of"), ("region,channel,region", "names a dimension more than once"),
    ])
    func groupByRejections(_ text: String, _ message: String) {
        #expect(throws: (any Error).self) { try GroupDimension.parseList(text) }
        do {
            _ = try GroupDimension.parseList(text)
        } catch {
            #expect(error.parameter == "group_by")
            #expect(error.message.hasPrefix(message))
        }
    }

    @Test func groupByWithoutPeriods() throws {
        #expect(try GroupDimension.parseList("region,team", allowingPeriods: false) == [.region, .team])
        #expect(throws: IndicatorQueryError(parameter: "group_by",
                                            message: "cannot hold day, week or month here: the chart's period is set by period")) {
            try GroupDimension.parseList("region,week", allowingPeriods: false)
        }
    }
}
