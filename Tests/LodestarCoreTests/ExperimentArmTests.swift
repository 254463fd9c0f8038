import JSON
@testable import LodestarCore
import Testing

@Suite struct ExperimentArmTests {
    static func arms(_ weights: [Int]) throws -> CompiledRuleset {
        let arms: [JSONValue] = weights.enumerated().map { index, weight in
            ["name": .string("arm\(index)"), "weight": .int(Int64(weight)),
             "then": ["action": "resolve_by_phone", "follow_up": .string("PT\(24 * (index + 1))H")]]
        }
        return try RuleFixtures.compiled([
            RuleFixtures.rule("fu", RuleFixtures.fact("risk_level", "eq", "moderate"), ["experiment": ["id": "fu-timing-2026", "arms": .array(arms)]]),
        ])
    }

    static func counts(_ ruleset: CompiledRuleset, contacts: Int) -> [String: Int] {
        var counts: [String: Int] = [:]
        for index in 0..<contacts {
            let decision = ruleset.decide(RoutingFacts(contactID: "c\(index)", riskLevel: .moderate))
            counts[decision.experiment!.arm, default: 0] += 1
        }
        return counts
    }

    /// 10,000 contacts land in proportion to the weights, within 4 standard deviations.
    @Test(arguments: [[1, 1], [1, 3], [3, 1], [1, 1, 2]])
    func armsFollowTheWeights(_ weights: [Int]) throws {
        let contacts = 10_000
        let counts = Self.counts(try Self.arms(weights), contacts: contacts)
        let total = Double(weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            let p = Double(weight) / total
            let expected = Double(contacts) * p
            let sd = (Double(contacts) * p * (1 - p)).squareRoot()
            let count = Double(counts["arm\(index)", default: 0])
            #expect(abs(count - expected) <= 4 * sd, "arm\(index): \(count) of \(contacts), expected \(expected) ± \(4 * sd)")
        }
    }

    @Test func armCarriesItsOutcome() throws {
        let ruleset = try Self.arms([1, 1])
        for index in 0..<50 {
            let decision = ruleset.decide(RoutingFacts(contactID: "c\(index)", riskLevel: .moderate))
            let hours: Int64 = decision.experiment == ExperimentAssignment(id: "fu-timing-2026", arm: "arm0") ? 24 : 48
            #expect(decision.followUp == ISODuration(seconds: hours * 3600))
            #expect(decision.ruleID == "fu")
            #expect(decision.priority == .routine)
        }
        #expect(ruleset.decide(RoutingFacts(contactID: "c1", riskLevel: .high)).experiment == nil)
    }

    /// The arm depends on nothing but the two ids: not on the process (Swift's `Hasher` is
    /// seeded per process), the ruleset's other rules, or the contact's other facts. The
    /// pinned arms keep the hash from changing under running experiments.
    @Test func armsAreStable() throws {
        let ruleset = try Self.arms([1, 1])
        let other = try RuleFixtures.compiled([
            RuleFixtures.rule("x", RuleFixtures.fact("channel", "eq", "chat")),
            RuleFixtures.rule("fu2", ["all": [RuleFixtures.fact("risk_level", "eq", "moderate")]],
                              ["experiment": ["id": "fu-timing-2026", "arms": [
                                  ["name": "arm0", "weight": 1, "then": ["action": "refer"]],
                                  ["name": "arm1", "weight": 1, "then": ["action": "refer"]]]]]),
        ])
        for index in 0..<200 {
            let contactID = "contact-\(index)"
            let arm = ruleset.decide(RoutingFacts(contactID: contactID, riskLevel: .moderate)).experiment?.arm
            #expect(other.decide(RoutingFacts(contactID: contactID, channel: .call, age: 40, riskLevel: .moderate)).experiment?.arm == arm)
        }
        // Computed apart from this code (a few lines of Python over the documented function).
        let pinned = (0..<8).map { ruleset.decide(RoutingFacts(contactID: "c\($0)", riskLevel: .moderate)).experiment!.arm }
        #expect(pinned == ["arm0", "arm1", "arm0", "arm0", "arm1", "arm1", "arm1", "arm0"])
    }

    @Test func hashIsFNV1aThenFmix64() {
        // FNV-1a 64 reference values (Fowler, Noll, Vo).
        #expect(ArmHash.fnv1a("".utf8) == 0xcbf2_9ce4_8422_2325)
        #expect(ArmHash.fnv1a("a".utf8) == 0xaf63_dc4c_8601_ec8c)
        #expect(ArmHash.fnv1a("foobar".utf8) == 0x8594_4171_f739_67e8)
        // MurmurHash3 fmix64 leaves 0 at 0 and moves every other input.
        #expect(ArmHash.finalised(0) == 0)
        #expect(ArmHash.finalised(1) != 1)
        #expect(ArmHash.point(experimentID: "e", contactID: "c", total: 1) == 0)
        // The separator keeps ("ab", "c") and ("a", "bc") apart.
        #expect(ArmHash.point(experimentID: "ab", contactID: "c", total: 1 << 40) != ArmHash.point(experimentID: "a", contactID: "bc", total: 1 << 40))
    }
}
