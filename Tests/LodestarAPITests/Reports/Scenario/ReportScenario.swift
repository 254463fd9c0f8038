import Foundation
import JSON
import Time

/// A generated crisis line's five weeks, as the report tests post it and as they know it: every
/// contact with the attributes its events leave it with, every dispatch with its steps, every
/// follow-up with its attempts. Times are milliseconds since the epoch.
///
/// The weeks straddle the end of summer time in Europe (2026-10-25) and in the United States
/// (2026-11-01), in four regions of three types and zones plus contacts that name none.
struct ReportScenario: Sendable {
    struct Contact: Sendable {
        var id: String
        /// The earliest `contact.received`.
        var receivedAt: Int64
        /// The attributes of the latest receipt that states each.
        var channel: String
        var line: String?
        var region: String?
        /// As stated; a contact received without one speaks `en`.
        var language: String?
        var age: Int?
        var race: String?
        /// The first `contact.answered`.
        var answeredAt: Int64?
        var abandoned: Bool
        /// Every event but the assessment, once.
        var events: [JSONValue] = []
        /// One assessment, posted while ruleset version 1 (`phase` 1) or the scenario's own
        /// version with an experiment (`phase` 2) is active.
        var assessment: Assessment?
        /// From the assessment's decision, as the API answered it.
        var rulesetVersion: Int64?
        var arm: String?
    }

    struct Assessment: Sendable {
        var at: Int64
        var risk: String
        var phase: Int
    }

    struct Step: Sendable {
        var type: String
        var at: Int64
        var outcome: String? = nil
        var lawEnforcement: Bool? = nil
    }

    struct Dispatch: Sendable {
        var contact: Int
        /// The team named at creation; nil for one left queued (it requires what no team has).
        var team: String?
        var requestedAt: Int64
        /// After the creation, in order.
        var steps: [Step]

        var onSceneAt: Int64? { steps.first { $0.type == "on_scene" }?.at }
        var completed: Bool { steps.contains { $0.type == "completed" } }
        var outcome: String? { steps.first { $0.type == "completed" }?.outcome }
        var lawEnforcement: Bool? { steps.compactMap(\.lawEnforcement).last }
    }

    struct Attempt: Sendable {
        var at: Int64
        var outcome: String
    }

    struct FollowUp: Sendable {
        var contact: Int
        var createdAt: Int64
        var dueAt: Int64
        /// `within` as posted, or nil when `due_at` was.
        var within: String?
        var attempts: [Attempt]

        /// `completed` when reached, `declined`, `unable_to_reach` after three unsuccessful
        /// attempts, else `open`.
        var status: String {
            if attempts.last?.outcome == "reached" { return "completed" }
            if attempts.last?.outcome == "declined" { return "declined" }
            return attempts.count >= 3 ? "unable_to_reach" : "open"
        }
        var closedAt: Int64? { status == "open" ? nil : attempts.last?.at }
    }

    struct RegionDescription: Sendable {
        var code: String
        var type: String
        var timeZone: String
        var target: Int?
        /// The response target reports use: the stated one, else 60 urban, 120 otherwise.
        var effectiveTarget: Int { target ?? (type == "urban" ? 60 : 120) }
    }

    var contacts: [Contact] = []
    var dispatches: [Dispatch] = []
    var followUps: [FollowUp] = []

    static let regions = [
        RegionDescription(code: "north", type: "urban", timeZone: "America/Chicago", target: nil),
        RegionDescription(code: "south", type: "rural", timeZone: "Europe/Berlin", target: nil),
        RegionDescription(code: "east", type: "frontier", timeZone: "America/Denver", target: 90),
    ]
    /// Contacts name it, nobody describes it: urban, 60 minutes.
    static let undescribedRegion = "west"
    static let teams = ["team-a", "team-b", "team-c", "team-d"]
    /// The answer target the scenario's server is given (`LODESTAR_ANSWER_TARGET_SECONDS`).
    static let answerTargetSeconds: Int64 = 30

    /// The response target of a contact's region, in minutes.
    static func responseTarget(region: String?) -> Int {
        regions.first { $0.code == region }?.effectiveTarget ?? 60
    }

    static func ms(_ rfc3339: String) -> Int64 { Timestamp(rfc3339: rfc3339)!.microseconds / 1000 }
    static func text(_ ms: Int64) -> String { Timestamp(microseconds: ms * 1000).rfc3339 }

    static let minute: Int64 = 60_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000
}
