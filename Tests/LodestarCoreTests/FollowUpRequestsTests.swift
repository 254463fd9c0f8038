import JSON
import LodestarCore
import Testing
import Time

/// The bodies of `POST /v1/follow-ups` and of an attempt, validated with every problem's path.
@Suite struct FollowUpRequestsTests {
    static let now = Timestamp(rfc3339: "2026-11-26T12:00:00Z")!

    static func paths(_ body: JSONValue) -> [String] {
        do {
            _ = try FollowUpRequests.newFollowUp(body, id: "f", now: now)
            return []
        } catch {
            return error.issues.map(\.path)
        }
    }

    @Test func withinCountsFromAtOrNow() throws {
        let fromNow = try FollowUpRequests.newFollowUp(["contact_id": "c", "within": "PT24H"], id: "f", now: Self.now)
        #expect(fromNow.createdAt == Self.now)
        #expect(fromNow.dueAt == Timestamp(rfc3339: "2026-11-27T12:00:00Z"))
        #expect(fromNow.status == .open && fromNow.attempts.isEmpty && fromNow.closedAt == nil)
        let fromAt = try FollowUpRequests.newFollowUp(["contact_id": "c", "within": "PT4H", "at": "2026-11-26T08:00:00+01:00"], id: "f", now: Self.now)
        #expect(fromAt.createdAt == Timestamp(rfc3339: "2026-11-26T07:00:00Z"))
        #expect(fromAt.dueAt == Timestamp(rfc3339: "2026-11-26T11:00:00Z"))
        let dueAt = try FollowUpRequests.newFollowUp(["contact_id": "c", "due_at": "2026-11-28T00:00:00Z"], id: "f", now: Self.now)
        #expect(dueAt.dueAt == Timestamp(rfc3339: "2026-11-28T00:00:00Z"))
    }

    @Test func exactlyOneOfDueAtAndWithin() {
        #expect(Self.paths(["contact_id": "c"]) == ["due_at", "within"])
        #expect(Self.paths(["contact_id": "c", "due_at": "2026-11-28T00:00:00Z", "within": "PT1H"]) == ["due_at", "within"])
        #expect(Self.paths(["contact_id": "c", "due_at": .null, "within": "PT1H"]) == [])
    }

    @Test func everyProblemIsNamed() {
        #expect(Self.paths(["within": "PT1H"]) == ["contact_id"])
        #expect(Self.paths(["contact_id": "c", "within": "P1M"]) == ["within"])
        #expect(Self.paths(["contact_id": "c", "due_at": "tomorrow"]) == ["due_at"])
        #expect(Self.paths(["contact_id": "c", "within": "PT1H", "at": "2026-11-28T12:00:01Z"]) == ["at"])
        #expect(Self.paths(["contact_id": "c", "within": "PT1H", "note": "x"]) == ["note"])
        #expect(Self.paths(["contact_id": "", "within": "PT1H"]) == ["contact_id"])
        #expect(Self.paths("not an object") == [""])
    }

    /// A follow-up entered when it is already due is made as asked, overdue at once.
    @Test func dueAtMayPrecedeTheCreation() throws {
        let late = try FollowUpRequests.newFollowUp(["contact_id": "c", "due_at": "2026-11-26T11:59:59Z"], id: "f", now: Self.now)
        #expect(late.createdAt == Self.now && late.dueAt == Timestamp(rfc3339: "2026-11-26T11:59:59Z") && late.isOverdue(at: Self.now))
        #expect(Self.paths(["contact_id": "c", "due_at": "2026-11-26T07:00:00Z", "at": "2026-11-26T08:00:00Z"]) == [])
        #expect(Self.paths(["contact_id": "c", "within": "P99999999D"]) == ["within"])
    }

    @Test func anAttemptDefaultsToNowAndNeedsAKnownOutcome() throws {
        let attempt = try FollowUpRequests.attempt(["outcome": "left_message"], now: Self.now)
        #expect(attempt == FollowUpAttemptRequest(at: .unstated(now: Self.now), outcome: .leftMessage))
        let dated = try FollowUpRequests.attempt(["outcome": "reached", "at": "2026-11-26T09:30:00Z"], now: Self.now)
        #expect(dated.at == .stated(Timestamp(rfc3339: "2026-11-26T09:30:00Z")!))
        #expect(throws: ValidationFailure.self) { try FollowUpRequests.attempt(["outcome": "busy"], now: Self.now) }
        do {
            _ = try FollowUpRequests.attempt(["at": "yesterday", "extra": 1], now: Self.now)
            Issue.record("accepted an invalid attempt")
        } catch {
            #expect(Set(error.issues.map(\.path)) == ["at", "outcome", "extra"])
        }
    }
}
