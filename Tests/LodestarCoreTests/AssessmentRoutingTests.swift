import LodestarCore
import Testing
import Time

/// An assessment is decided on its contact's facts as of it, in `occurred_at` order (SPEC §3),
/// whatever order the events arrived in.
@Suite struct AssessmentRoutingTests {
    static func received(_ id: String, _ time: String, age: Int) -> ContactEvent {
        IngestPlanTests.event(id, contact: "c", time, .received(.init(channel: .call, caller: CallerInfo(age: age))))
    }

    static func assessed(_ id: String, _ time: String, _ risk: RiskLevel) -> ContactEvent {
        IngestPlanTests.event(id, contact: "c", time, .assessed(.init(riskLevel: risk)))
    }

    static let context = AssessmentRouting.Context(ruleset: Ruleset.default.compiled(), version: 1, regions: [:], zones: [:])

    static func rules(_ outcome: IngestOutcome, history: [String: [ContactEvent]] = [:]) -> [String] {
        AssessmentRouting.decide(outcome, history: history, context: context).map { $0.decision.ruleID }
    }

    @Test func anEarlierEventLaterInTheBatchCountsAndNoHistoryIsRead() {
        let outcome = IngestPlan(posts: [[Self.assessed("a", "12:00:00", .high), Self.received("r", "11:50:00", age: 15)]])
            .outcome(stored: IngestStoredFacts(), maxEventsPerContact: 100)
        #expect(AssessmentRouting.contactsNeedingHistory(outcome).isEmpty)
        #expect(Self.rules(outcome) == ["high-youth"])
    }

    @Test func aLaterEventOfTheBatchDoesNotCount() {
        // Received as an adult at 11:50; a second receipt at 12:10 says 15: not yet known at 12:00.
        let outcome = IngestPlan(posts: [[Self.received("r1", "11:50:00", age: 40), Self.assessed("a", "12:00:00", .high),
                                          Self.received("r2", "12:10:00", age: 15)]])
            .outcome(stored: IngestStoredFacts(), maxEventsPerContact: 100)
        #expect(AssessmentRouting.contactsNeedingHistory(outcome).isEmpty)
        #expect(Self.rules(outcome) == ["high"])
    }

    @Test func aLateAssessmentIsDecidedOnTheStoredEventsUpToIt() {
        let stored = [Self.received("r", "10:00:00", age: 15), Self.assessed("now", "12:00:00", .moderate)]
        let outcome = IngestPlan(posts: [[Self.assessed("late", "11:00:00", .high)]])
            .outcome(stored: IngestStoredFacts(states: ["c": ContactState.derive(from: stored)]), maxEventsPerContact: 100)
        #expect(AssessmentRouting.contactsNeedingHistory(outcome) == ["c"])
        #expect(Self.rules(outcome, history: ["c": stored]) == ["high-youth"])
    }

    @Test func theLatestAssessmentNeedsNoHistory() {
        let stored = [Self.received("r", "10:00:00", age: 15)]
        let outcome = IngestPlan(posts: [[Self.assessed("a", "12:00:00", .high)]])
            .outcome(stored: IngestStoredFacts(states: ["c": ContactState.derive(from: stored)]), maxEventsPerContact: 100)
        #expect(AssessmentRouting.contactsNeedingHistory(outcome).isEmpty)
        #expect(Self.rules(outcome) == ["high-youth"])
    }
}
