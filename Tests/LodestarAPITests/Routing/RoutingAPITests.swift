import Foundation
import JSON
import Testing

/// Routing on ingest (SPEC §3, §5): every accepted assessment is decided by the active ruleset
/// and its dispatch and follow-up are created in the same transaction as the event.
@Suite struct RoutingAPITests {
    @Test func aNewInstallRoutesWithTheDefaultRuleset() async throws {
        let scene = try await RoutingScene.start()
        let active = try await scene.server.request("GET", "/v1/rulesets/active", token: scene.token("manager"))
        #expect(active.status == 200)
        #expect(active.json?["version"] == 1 && active.json?["active"] == true)
        #expect(active.json?["document"]?["name"] == "default")
        #expect(active.json?["warnings"] == [])
    }

    @Test func anAssessmentIsDecidedAndItsDispatchAndFollowUpCommitWithIt() async throws {
        let scene = try await RoutingScene.start()
        #expect(try await scene.server.request("PUT", "/v1/teams/t1", token: scene.token("admin"), json: [
            "name": "North 1", "capabilities": ["clinician"], "regions": ["north"], "base": ["lat": 45.0, "lon": -93.0],
        ]).status == 201)
        let response = try await scene.post([
            RoutingScene.received("c1", at: "2026-11-26T16:40:00Z", region: "north", age: 40, location: (45.1, -93.0)),
            RoutingScene.assessed("c1", "a1", at: "2026-11-26T16:45:00Z", risk: "high"),
        ])
        #expect(response.status == 200)
        let decision = try #require(RoutingScene.decision(response, "c1-a1"))
        #expect(decision["contact_id"] == "c1" && decision["ruleset_version"] == 1)
        #expect(decision["rule_id"] == "high" && decision["action"] == "dispatch_mobile_team" && decision["priority"] == "urgent")
        #expect(decision["dispatch"]?["team_id"] == "t1")
        #expect(decision["follow_up"]?["due_at"] == "2026-11-27T16:45:00.000Z")
        #expect(RoutingScene.decision(response, "c1-received") == nil)

        // The dispatch was requested and assigned at the assessment's time, the team is busy.
        let dispatchID = try #require(decision["dispatch"]?["id"]?.intValue)
        let dispatch = try await scene.server.request("GET", "/v1/dispatches/\(dispatchID)", token: scene.token("dispatcher"))
        #expect(dispatch.json?["requested_at"] == "2026-11-26T16:45:00.000Z" && dispatch.json?["status"] == "assigned")
        #expect(try scene.sql("SELECT status FROM teams WHERE team_id = 't1'") == "busy")
        // Audited, and announced on the stream (the dispatch, the busy team, the follow-up).
        #expect(try scene.sql("SELECT count(*) FROM audit_log WHERE action = 'dispatch.create' AND resource = 'dispatch/\(dispatchID)'") == "1")
        #expect(try scene.sql("SELECT count(*) FROM audit_log WHERE action = 'follow_up.create' AND detail->>'contact_id' = 'c1'") == "1")
        #expect(try scene.sql("SELECT string_agg(kind, ',' ORDER BY id) FROM change_log WHERE body->>'contact_id' = 'c1' OR body->>'team_id' = 't1'")
                == "team,dispatch,team,follow_up")  // the team's description, then this transaction's
        // The follow-up was created at the assessment's time.
        let followUpID = try #require(decision["follow_up"]?["id"]?.stringValue)
        let followUp = try await scene.server.request("GET", "/v1/follow-ups/\(followUpID)", token: scene.token("dispatcher"))
        #expect(followUp.json?["created_at"] == "2026-11-26T16:45:00.000Z" && followUp.json?["status"] == "open")

        // The contact view lists the decision with its dispatch and follow-up.
        let contact = try await scene.server.request("GET", "/v1/contacts/c1", token: scene.token("dispatcher"))
        #expect(contact.json?["decisions"]?.arrayValue?.count == 1)
        #expect(contact.json?["decisions"]?[0]?["rule_id"] == "high")
        #expect(contact.json?["dispatches"]?.arrayValue?.count == 1)
        #expect(contact.json?["follow_ups"]?.arrayValue?.count == 1)
        #expect(try scene.sql("SELECT ruleset_version || ' ' || rule_id FROM decisions WHERE contact_id = 'c1'") == "1 high")

        // A retry of the assessment is a duplicate answered with the decision it got; nothing new.
        let retry = try await scene.post([RoutingScene.assessed("c1", "a1", at: "2026-11-26T16:45:00Z", risk: "high")])
        #expect(retry.json?["duplicates"] == 1)
        #expect(RoutingScene.decision(retry, "c1-a1") == decision)
        #expect(try scene.sql("SELECT count(*) FROM dispatches WHERE contact_id = 'c1'") == "1")
        #expect(try scene.sql("SELECT count(*) FROM follow_ups WHERE contact_id = 'c1'") == "1")
        #expect(try scene.sql("SELECT count(*) FROM decisions WHERE contact_id = 'c1'") == "1")

        // A re-assessment routes again: the open dispatch stands (no second team), and the
        // decision's follow-up is its own, due a day after the re-assessment.
        let again = try await scene.post([RoutingScene.assessed("c1", "a2", at: "2026-11-26T17:00:00Z", risk: "high")])
        let second = try #require(RoutingScene.decision(again, "c1-a2"))
        #expect(second["dispatch"]?["id"]?.intValue == dispatchID)
        #expect(second["follow_up"]?["id"]?.stringValue != followUpID && second["follow_up"]?["due_at"] == "2026-11-27T17:00:00.000Z")
        #expect(try scene.sql("SELECT count(*) FROM decisions WHERE contact_id = 'c1'") == "2")
        #expect(try scene.sql("SELECT count(*) FROM follow_ups WHERE contact_id = 'c1'") == "2")
        #expect(try scene.sql("SELECT count(*) FROM dispatches WHERE contact_id = 'c1'") == "1")
    }

    @Test func aCallerWhoDeclinedFollowUpGetsNone() async throws {
        let scene = try await RoutingScene.start()
        let response = try await scene.post([
            RoutingScene.received("c2", at: "2026-11-26T16:40:00Z"),
            RoutingScene.assessed("c2", "a1", at: "2026-11-26T16:45:00Z", risk: "moderate", consent: false),
        ])
        let decision = try #require(RoutingScene.decision(response, "c2-a1"))
        #expect(decision["rule_id"] == "moderate" && decision["action"] == "resolve_by_phone")
        #expect(decision["follow_up"] == nil && decision["dispatch"] == nil)
        #expect(try scene.sql("SELECT count(*) FROM follow_ups WHERE contact_id = 'c2'") == "0")
    }

    @Test func aDispatchWithNoTeamFreeIsQueuedAndTheFactsOfTheBatchCount() async throws {
        let scene = try await RoutingScene.start()
        // The age arrives in the same batch, before the assessment: the youth rule applies.
        let response = try await scene.post([
            RoutingScene.received("c3", at: "2026-11-26T16:40:00Z", age: 15),
            RoutingScene.assessed("c3", "a1", at: "2026-11-26T16:45:00Z", risk: "high"),
        ])
        let decision = try #require(RoutingScene.decision(response, "c3-a1"))
        #expect(decision["rule_id"] == "high-youth")
        // Queued: the decision's dispatch has its id, and no team or ETA yet (members left out).
        #expect(decision["dispatch"]?["id"] != nil && decision["dispatch"]?["team_id"] == nil && decision["dispatch"]?["eta_minutes"] == nil)
        #expect(try scene.sql("SELECT status || ' ' || array_to_string(requires, ',') FROM dispatches WHERE contact_id = 'c3'") == "requested youth")
        // A late event changing the facts does not route the contact again.
        _ = try await scene.post([["event_id": "c3-late", "type": "contact.answered", "contact_id": "c3",
                                   "occurred_at": "2026-11-26T16:41:00Z", "data": [:]]])
        #expect(try scene.sql("SELECT count(*) FROM decisions WHERE contact_id = 'c3'") == "1")
    }

    /// SPEC §3 derives state in `occurred_at` order whatever order events arrive in: an
    /// assessment is decided with its contact's facts as of it, counting an earlier event that
    /// arrives after it in the same batch, and not counting what was already stored after it.
    @Test func anAssessmentIsDecidedOnItsContactsFactsAsOfIt() async throws {
        let scene = try await RoutingScene.start()
        // The caller's age comes after the assessment in the batch, but happened before it.
        let batch = try await scene.post([
            RoutingScene.assessed("c4", "a1", at: "2026-11-26T12:00:00Z", risk: "high"),
            RoutingScene.received("c4", at: "2026-11-26T11:50:00Z", age: 15),
        ])
        #expect(RoutingScene.decision(batch, "c4-a1")?["rule_id"] == "high-youth")

        // A late assessment (11:00) of a contact assessed at 12:00 is decided on its own risk
        // level and what was known by 11:00, not on the 12:00 assessment's.
        _ = try await scene.post([RoutingScene.received("c5", at: "2026-11-26T10:00:00Z", age: 15)])
        let current = try await scene.post([RoutingScene.assessed("c5", "a2", at: "2026-11-26T12:00:00Z", risk: "moderate")])
        #expect(RoutingScene.decision(current, "c5-a2")?["rule_id"] == "moderate")
        let late = try await scene.post([RoutingScene.assessed("c5", "a1", at: "2026-11-26T11:00:00Z", risk: "high")])
        #expect(RoutingScene.decision(late, "c5-a1")?["rule_id"] == "high-youth")
        // The contact's state is still that of its 12:00 assessment.
        #expect(try scene.sql("SELECT risk_level FROM contacts WHERE contact_id = 'c5'") == "moderate")

        // Two assessments asking for a team, the later one posted first: the later stands and
        // creates the one dispatch, requested at its time; the earlier names it.
        let pair = try await scene.post([
            RoutingScene.assessed("c6", "b", at: "2026-11-26T06:40:00Z", risk: "high"),
            RoutingScene.received("c6", at: "2026-11-26T06:36:00Z"),
            RoutingScene.assessed("c6", "a", at: "2026-11-26T06:38:00Z", risk: "high"),
        ])
        let serving = try #require(RoutingScene.decision(pair, "c6-b")?["dispatch"]?["id"]?.intValue)
        #expect(RoutingScene.decision(pair, "c6-a")?["dispatch"]?["id"]?.intValue == serving)
        #expect(try scene.sql("SELECT requested_at AT TIME ZONE 'UTC' FROM dispatches WHERE contact_id = 'c6'") == "2026-11-26 06:40:00")
    }

    /// Only the decision of the contact's latest assessment (by `occurred_at`) acts: one that
    /// arrives late, superseded by a later assessment already stored, is decided and recorded
    /// but sends no team and makes no follow-up (the caller's latest word stands, SPEC §3).
    @Test func aSupersededAssessmentIsDecidedButDoesNotAct() async throws {
        let scene = try await RoutingScene.start()
        let latest = try await scene.post([RoutingScene.assessed("s1", "b", at: "2026-11-26T12:20:00Z", risk: "low", consent: false)])
        #expect(RoutingScene.decision(latest, "s1-b")?["rule_id"] == "default")
        let late = try await scene.post([RoutingScene.assessed("s1", "a", at: "2026-11-26T12:10:00Z", risk: "high", flags: ["youth"])])
        let decision = try #require(RoutingScene.decision(late, "s1-a"))
        #expect(decision["rule_id"] == "high-youth")
        #expect(decision["dispatch"] == nil && decision["follow_up"] == nil)
        #expect(try scene.sql("SELECT count(*) FROM dispatches WHERE contact_id = 's1'") == "0")
        #expect(try scene.sql("SELECT count(*) FROM follow_ups WHERE contact_id = 's1'") == "0")
        #expect(try scene.sql("SELECT count(*) || ' ' || max(rule_id) FILTER (WHERE source IS NOT NULL AND event_id = 's1-a') FROM decisions WHERE contact_id = 's1'") == "2 high-youth")
        // The standing decision is still the 12:20 one.
        #expect(try scene.sql("SELECT risk_level FROM contacts WHERE contact_id = 's1'") == "low")
        // A later assessment acts again.
        let again = try await scene.post([RoutingScene.assessed("s1", "c", at: "2026-11-26T12:30:00Z", risk: "moderate")])
        #expect(RoutingScene.decision(again, "s1-c")?["follow_up"]?["id"] != nil)
    }
}
