import Foundation
import JSON
import Testing

/// Ruleset versions, simulation and replay (SPEC §5) against a real server.
@Suite struct RulesetAPITests {
    /// Moderate risk randomised between two follow-up delays; everything else by phone.
    static let experimentRuleset: JSONValue = [
        "name": "timing trial",
        "rules": [
            ["id": "imminent", "when": ["fact": "risk_level", "op": "gte", "value": "imminent"],
             "then": ["action": "emergency_911", "priority": "emergent", "follow_up": "PT4H"]],
            ["id": "moderate", "when": ["fact": "risk_level", "op": "eq", "value": "moderate"],
             "then": ["experiment": ["id": "fu-timing", "arms": [
                ["name": "24h", "weight": 1, "then": ["action": "resolve_by_phone", "follow_up": "PT24H"]],
                ["name": "72h", "weight": 1, "then": ["action": "resolve_by_phone", "follow_up": "PT72H"]],
             ]]]],
            ["id": "default", "when": ["all": []], "then": ["action": "resolve_by_phone"]],
        ],
    ]

    func create(_ scene: RoutingScene, _ document: JSONValue) async throws -> APIResponse {
        try await scene.server.request("POST", "/v1/rulesets", token: scene.token("admin"), json: document)
    }

    @Test func anInvalidRulesetIsRefusedWithThePathOfEveryError() async throws {
        let scene = try await RoutingScene.start()
        let response = try await create(scene, [
            "name": "broken",
            "rules": [
                ["id": "a", "when": ["fact": "mood", "op": "eq", "value": "x"], "then": ["action": "resolve_by_phone"]],
                ["id": "b", "when": ["fact": "age", "op": "lt", "value": "young"], "then": ["action": "resolve_by_phone", "follow_up": "soon"]],
                ["id": "a", "when": ["fact": "risk_level", "op": "gte", "value": "high"], "then": ["action": "teleport"]],
            ],
        ])
        #expect(response.status == 422)
        let paths = Set(response.json?["errors"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? [])
        for path in ["rules[0].when.fact", "rules[1].when.value", "rules[1].then.follow_up", "rules[2].id", "rules[2].then.action"] {
            #expect(paths.contains(path), "missing \(path) in \(paths)")
        }
        // No catch-all last rule.
        #expect(paths.contains { $0.hasPrefix("rules[2]") || $0 == "rules" })
        #expect(try scene.sql("SELECT count(*) FROM rulesets") == "1")
    }

    @Test func versionsCountUpAndActivationReachesEveryProcess() async throws {
        let scene = try await RoutingScene.start()
        let second = try ServerProcess(database: scene.fixture.database, extraEnvironment: ["LODESTAR_TOKEN_CACHE_SECONDS": "0"])
        defer { _ = second.stop() }
        var shadowed = Self.experimentRuleset
        if case .object(var members) = shadowed, case .array(var rules)? = members["rules"] {
            rules.insert(["id": "never", "when": ["fact": "risk_level", "op": "eq", "value": "moderate"],
                          "then": ["action": "refer"]], at: 2)
            members["rules"] = .array(rules)
            shadowed = .object(members)
        }
        let created = try await create(scene, shadowed)
        #expect(created.status == 201)
        #expect(created.json?["version"] == 2)
        #expect(created.json?["warnings"]?.arrayValue?.first?["path"] == "rules[2]")
        let stored = try await scene.server.request("GET", "/v1/rulesets/2", token: scene.token("manager"))
        #expect(stored.json?["active"] == false && stored.json?["document"]?["name"] == "timing trial")

        // Before activation both processes route with version 1.
        let before = try await scene.post([RoutingScene.assessed("v1", "a", at: "2026-11-26T10:00:00Z", risk: "low")], via: second)
        #expect(RoutingScene.decision(before, "v1-a")?["ruleset_version"] == 1)
        let activated = try await scene.server.request("POST", "/v1/rulesets/2/activate", token: scene.token("admin"))
        #expect(activated.status == 200 && activated.json?["active"] == true)
        // The other process routes with version 2 from the next decision on.
        let after = try await scene.post([RoutingScene.assessed("v2", "a", at: "2026-11-26T10:00:00Z", risk: "low")], via: second)
        #expect(RoutingScene.decision(after, "v2-a")?["ruleset_version"] == 2)
        #expect(RoutingScene.decision(after, "v2-a")?["rule_id"] == "default")
        #expect(try await scene.server.request("GET", "/v1/rulesets/active", token: scene.token("manager")).json?["version"] == 2)
        #expect(try await scene.server.request("GET", "/v1/rulesets/1", token: scene.token("manager")).json?["active"] == false)
        #expect(try await scene.server.request("POST", "/v1/rulesets/99/activate", token: scene.token("admin")).status == 404)
        #expect(try await scene.server.request("GET", "/v1/rulesets/x", token: scene.token("manager")).status == 404)
    }

    @Test func anExperimentArmIsRecordedAndKeptOnReassessment() async throws {
        let scene = try await RoutingScene.start()
        #expect(try await create(scene, Self.experimentRuleset).status == 201)
        #expect(try await scene.server.request("POST", "/v1/rulesets/2/activate", token: scene.token("admin")).status == 200)
        var arms: [String: String] = [:]
        for index in 0..<20 {
            let contact = "e\(index)"
            let response = try await scene.post([RoutingScene.assessed(contact, "a", at: "2026-11-26T10:00:00Z", risk: "moderate")])
            let decision = try #require(RoutingScene.decision(response, "\(contact)-a"))
            #expect(decision["experiment"]?["id"] == "fu-timing")
            arms[contact] = decision["experiment"]?["arm"]?.stringValue
            let due = decision["follow_up"]?["due_at"]?.stringValue
            #expect(due == (arms[contact] == "24h" ? "2026-11-27T10:00:00.000Z" : "2026-11-29T10:00:00.000Z"))
        }
        #expect(Set(arms.values) == ["24h", "72h"])
        // A re-assessment lands in the same arm.
        let again = try await scene.post([RoutingScene.assessed("e0", "b", at: "2026-11-26T11:00:00Z", risk: "moderate")])
        #expect(RoutingScene.decision(again, "e0-b")?["experiment"]?["arm"]?.stringValue == arms["e0"])
        #expect(try scene.sql("SELECT experiment_arm FROM contacts WHERE contact_id = 'e0'") == arms["e0"])
    }

    /// The contact's row carries the decision of its latest assessment (what reports group by):
    /// other events keep it, a late older assessment is decided but does not replace it, and a
    /// new one replaces all of it, its experiment included.
    @Test func theContactKeepsItsLatestAssessmentsDecision() async throws {
        let scene = try await RoutingScene.start()
        func standing() throws -> String {
            try scene.sql("SELECT concat_ws('/', ruleset_version, coalesce(experiment_id, '-'), coalesce(experiment_arm, '-')) FROM contacts WHERE contact_id = 's'")
        }
        _ = try await scene.post([RoutingScene.received("s", at: "2026-11-26T09:50:00Z"),
                                  RoutingScene.assessed("s", "a", at: "2026-11-26T10:00:00Z", risk: "moderate")])
        #expect(try standing() == "1/-/-")
        #expect(try await create(scene, Self.experimentRuleset).status == 201)
        #expect(try await scene.server.request("POST", "/v1/rulesets/2/activate", token: scene.token("admin")).status == 200)
        // Another event of the contact: its row is written again, its decision kept.
        let answered: JSONValue = ["event_id": "s-answered", "type": "contact.answered", "contact_id": "s",
                                   "occurred_at": "2026-11-26T09:55:00Z", "data": ["counselor_id": "c-1"]]
        #expect(try await scene.post([answered]).status == 200)
        #expect(try standing() == "1/-/-")
        // A late assessment, older than the one that stands, is decided with version 2 but does not stand.
        let late = try await scene.post([RoutingScene.assessed("s", "late", at: "2026-11-26T09:58:00Z", risk: "moderate")])
        #expect(RoutingScene.decision(late, "s-late")?["ruleset_version"] == 2)
        #expect(try standing() == "1/-/-")
        // A newer one stands, with its experiment and arm.
        let newer = try await scene.post([RoutingScene.assessed("s", "b", at: "2026-11-26T11:00:00Z", risk: "moderate")])
        let arm = try #require(RoutingScene.decision(newer, "s-b")?["experiment"]?["arm"]?.stringValue)
        #expect(try standing() == "2/fu-timing/\(arm)")
        // A newer one under a version without the experiment clears it.
        #expect(try await create(scene, ["name": "plain", "rules": [["id": "all", "when": ["all": []], "then": ["action": "resolve_by_phone"]]]]).status == 201)
        #expect(try await scene.server.request("POST", "/v1/rulesets/3/activate", token: scene.token("admin")).status == 200)
        _ = try await scene.post([RoutingScene.assessed("s", "c", at: "2026-11-26T12:00:00Z", risk: "moderate")])
        #expect(try standing() == "3/-/-")
    }

    @Test func simulationExplainsEveryRuleTriedAndChangesNothing() async throws {
        let scene = try await RoutingScene.start()
        let response = try await scene.server.request("POST", "/v1/routing/simulate", token: scene.token("manager"), json: [
            "contact": ["risk_level": "high", "age": 30, "region": "north"],
        ])
        #expect(response.status == 200)
        #expect(response.json?["decision"]?["rule_id"] == "high" && response.json?["decision"]?["ruleset_version"] == 1)
        // Facts that name no contact describe none: `contact_id` is null, not an empty id.
        #expect(response.json?["decision"]?["contact_id"] == .null)
        let trials = response.json?["explanation"]?.arrayValue ?? []
        #expect(trials.map { $0["rule_id"]?.stringValue ?? "" } == ["imminent", "high-youth", "high"])
        #expect(trials.map { $0["matched"] } == [false, false, true])
        #expect(trials[0]["failed"] == ["fact": "risk_level", "op": "eq", "value": "imminent"])
        // An inline document, with its errors under `ruleset`.
        let inline = try await scene.server.request("POST", "/v1/routing/simulate", token: scene.token("manager"), json: [
            "ruleset": Self.experimentRuleset, "contact": ["risk_level": "imminent"],
        ])
        #expect(inline.json?["decision"]?["action"] == "emergency_911" && inline.json?["decision"]?["ruleset_version"] == .null)
        let bad = try await scene.server.request("POST", "/v1/routing/simulate", token: scene.token("manager"), json: [
            "ruleset": ["name": "x", "rules": []], "contact": ["risk_level": "extreme"],
        ])
        #expect(bad.status == 422)
        let paths = bad.json?["errors"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? []
        #expect(paths.contains("contact.risk_level") && paths.contains { $0.hasPrefix("ruleset") })
        #expect(try scene.sql("SELECT count(*) FROM decisions") == "0")
        // Roles.
        #expect(try await scene.server.request("POST", "/v1/routing/simulate", token: scene.token("dispatcher"), json: ["contact": [:]]).status == 403)
        #expect(try await scene.server.request("POST", "/v1/rulesets", token: scene.token("manager"), json: Self.experimentRuleset).status == 403)
    }

    /// A simulated contact naming a region, but not its type, is decided with the region's
    /// described type (urban when the region was never described), as routing decides.
    @Test func simulationReadsTheTypeOfTheRegionNamed() async throws {
        let fixture = try await FixtureCache.events.get()
        let region = uniqueID("frontier")
        #expect(try await fixture.server.request("PUT", "/v1/regions/\(region)", token: fixture.token("admin"), json: [
            "name": "Far County", "type": "frontier", "timezone": "America/Denver",
        ]).status == 201)
        let ruleset: JSONValue = ["name": "by region type", "rules": [
            ["id": "frontier", "when": ["fact": "region_type", "op": "eq", "value": "frontier"], "then": ["action": "dispatch_mobile_team"]],
            ["id": "urban", "when": ["fact": "region_type", "op": "eq", "value": "urban"], "then": ["action": "refer"]],
            ["id": "default", "when": ["all": []], "then": ["action": "resolve_by_phone"]],
        ]]
        func rule(_ contact: JSONValue) async throws -> JSONValue? {
            let response = try await fixture.server.request("POST", "/v1/routing/simulate", token: fixture.token("manager"),
                                                            json: ["ruleset": ruleset, "contact": contact])
            #expect(response.status == 200, "\(response.text)")
            return response.json?["decision"]?["rule_id"]
        }
        #expect(try await rule(["region": .string(region), "risk_level": "low"]) == "frontier")
        #expect(try await rule(["region": .string(region), "region_type": "rural"]) == "default")
        #expect(try await rule(["region": .string(uniqueID("undescribed"))]) == "urban")
        #expect(try await rule(["risk_level": "low"]) == "urban")
    }

    @Test func replayCountsTransitionsAndNamesTheContactsThatWouldChange() async throws {
        let scene = try await RoutingScene.start()
        // History under version 1: two moderate (phone, PT24H), one low (phone), one high outside the window.
        let history = try await scene.post([
            RoutingScene.assessed("r1", "a", at: "2026-11-10T10:00:00Z", risk: "moderate"),
            RoutingScene.assessed("r2", "a", at: "2026-11-11T10:00:00Z", risk: "moderate"),
            RoutingScene.assessed("r3", "a", at: "2026-11-12T10:00:00Z", risk: "low"),
            RoutingScene.assessed("r4", "a", at: "2026-11-25T10:00:00Z", risk: "low"),
        ])
        #expect(history.status == 200)
        // r3's latest assessment is later, outside the window: it is not replayed.
        _ = try await scene.post([RoutingScene.assessed("r3", "b", at: "2026-11-26T10:00:00Z", risk: "low")])
        // Version 2 sends moderate callers a team.
        let created = try await create(scene, [
            "name": "moderate gets a team",
            "rules": [
                ["id": "moderate-team", "when": ["fact": "risk_level", "op": "in", "value": ["moderate", "high", "imminent"]],
                 "then": ["action": "dispatch_mobile_team", "follow_up": "PT24H"]],
                ["id": "default", "when": ["all": []], "then": ["action": "resolve_by_phone"]],
            ],
        ])
        #expect(created.status == 201)
        let replay = try await scene.server.request("POST", "/v1/routing/replay", token: scene.token("manager"), json: [
            "version": 2, "from": "2026-11-01T00:00:00Z", "to": "2026-11-20T00:00:00Z",
        ])
        #expect(replay.status == 200)
        #expect(replay.json?["contacts"] == 2)
        #expect(replay.json?["transitions"] == [["from": "resolve_by_phone", "to": "dispatch_mobile_team", "count": 2]])
        let changed = replay.json?["changed"]?.arrayValue ?? []
        #expect(changed.compactMap { $0["contact_id"]?.stringValue }.sorted() == ["r1", "r2"])
        #expect(changed.first?["recorded"] == ["rule_id": "moderate", "action": "resolve_by_phone"])
        #expect(changed.first?["replayed"] == ["rule_id": "moderate-team", "action": "dispatch_mobile_team"])
        // Nothing was created by the replay.
        #expect(try scene.sql("SELECT count(*) FROM dispatches") == "0")
        let unknown = try await scene.server.request("POST", "/v1/routing/replay", token: scene.token("manager"), json: [
            "version": 9, "from": "2026-11-01T00:00:00Z", "to": "2026-10-01T00:00:00Z",
        ])
        #expect(unknown.status == 422)
        let paths = Set(unknown.json?["errors"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? [])
        #expect(paths == ["version", "to"])
    }

    /// A follow-up that neither decision creates does not differ by the rule's delay.
    @Test func replayComparesTheFollowUpsDecisionsCreate() async throws {
        let scene = try await RoutingScene.start()
        // Version 1: moderate → phone with a follow-up in 24 h. d1 declined follow-up.
        let history = try await scene.post([
            RoutingScene.assessed("d1", "a", at: "2026-11-10T10:00:00Z", risk: "moderate", consent: false),
            RoutingScene.assessed("d2", "a", at: "2026-11-10T11:00:00Z", risk: "moderate"),
        ])
        #expect(history.status == 200)
        let created = try await create(scene, [
            "name": "moderate follow-up in 72 h",
            "rules": [
                ["id": "moderate", "when": ["fact": "risk_level", "op": "eq", "value": "moderate"],
                 "then": ["action": "resolve_by_phone", "priority": "routine", "follow_up": "PT72H"]],
                ["id": "default", "when": ["all": []], "then": ["action": "resolve_by_phone", "priority": "routine"]],
            ],
        ])
        #expect(created.status == 201)
        let replay = try await scene.server.request("POST", "/v1/routing/replay", token: scene.token("manager"), json: [
            "version": 2, "from": "2026-11-01T00:00:00Z", "to": "2026-11-20T00:00:00Z",
        ])
        #expect(replay.status == 200)
        #expect(replay.json?["contacts"] == 2)
        #expect(replay.json?["changed"]?.arrayValue?.compactMap { $0["contact_id"]?.stringValue } == ["d2"])
    }

    /// Replay decides with the facts the contact had at its assessment (SPEC §5): events that
    /// arrived after the decision count when they happened before the assessment, and events
    /// that happened after it do not.
    @Test func replayUsesTheFactsAsOfTheAssessmentWhateverTheyArrived() async throws {
        let scene = try await RoutingScene.start()
        // l1's receipt (a caller of 12) arrives after its high-risk assessment, decided without it:
        // the default ruleset's adult "high" rule.
        let assessed = try await scene.post([RoutingScene.assessed("l1", "a", at: "2026-11-10T10:01:00Z", risk: "high")])
        #expect(RoutingScene.decision(assessed, "l1-a")?["rule_id"] == "high")
        _ = try await scene.post([RoutingScene.received("l1", at: "2026-11-10T10:00:00Z", age: 12)])
        // l2 was an adult when assessed; a correction that happened later does not count.
        _ = try await scene.post([RoutingScene.received("l2", at: "2026-11-10T11:00:00Z", age: 40),
                                  RoutingScene.assessed("l2", "a", at: "2026-11-10T11:01:00Z", risk: "high")])
        let later = try await scene.post([["event_id": "l2-later", "type": "contact.received", "contact_id": "l2",
                                           "occurred_at": "2026-11-10T12:00:00Z", "data": ["channel": "call", "caller": ["age": 15]]]])
        #expect(later.json?["accepted"] == 1)
        // Replayed under the active default ruleset itself.
        let replay = try await scene.server.request("POST", "/v1/routing/replay", token: scene.token("manager"), json: [
            "version": 1, "from": "2026-11-10T00:00:00Z", "to": "2026-11-11T00:00:00Z",
        ])
        #expect(replay.status == 200)
        #expect(replay.json?["contacts"] == 2)
        #expect(replay.json?["changed"] == [[
            "contact_id": "l1",
            "recorded": ["rule_id": "high", "action": "dispatch_mobile_team"],
            "replayed": ["rule_id": "high-youth", "action": "dispatch_mobile_team"],
        ]])
    }
}
