import JSON
import LodestarCore
import Testing
import Time

/// The follow-up lifecycle as a pure machine: attempts in, verdicts out, time given by hand.
@Suite struct FollowUpLifecycleTests {
    static let created = Timestamp(rfc3339: "2026-11-26T10:00:00Z")!

    static func open(dueIn hours: Int64 = 24) -> FollowUp {
        try! FollowUp.opened(id: "f", contactID: "c", createdAt: created, due: .within(ISODuration(seconds: hours * 3600)))
    }

    static func at(_ minutes: Int64) -> Timestamp { created.adding(seconds: minutes * 60) }

    @Test func reachedCompletesAtTheAttemptsTime() {
        var followUp = Self.open()
        #expect(followUp.attemptReceived(FollowUpAttempt(at: Self.at(30), outcome: .noAnswer), policy: FollowUpPolicy()) == .recorded)
        #expect(followUp.attemptReceived(FollowUpAttempt(at: Self.at(90), outcome: .reached), policy: FollowUpPolicy()) == .closed(.completed))
        #expect(followUp.status == .completed)
        #expect(followUp.closedAt == Self.at(90))
        #expect(followUp.attempts.map(\.outcome) == [.noAnswer, .reached])
    }

    @Test func declinedClosesAsDeclined() {
        var followUp = Self.open()
        #expect(followUp.attemptReceived(FollowUpAttempt(at: Self.at(5), outcome: .declined), policy: FollowUpPolicy()) == .closed(.declined))
        #expect(followUp.status == .declined)
        #expect(followUp.closedAt == Self.at(5))
    }

    @Test func theConfiguredNumberOfUnsuccessfulAttemptsClosesItUnableToReach() {
        var followUp = Self.open()
        let policy = FollowUpPolicy()
        #expect(followUp.attemptReceived(FollowUpAttempt(at: Self.at(1), outcome: .noAnswer), policy: policy) == .recorded)
        #expect(followUp.attemptReceived(FollowUpAttempt(at: Self.at(2), outcome: .leftMessage), policy: policy) == .recorded)
        #expect(followUp.status == .open)
        #expect(followUp.attemptReceived(FollowUpAttempt(at: Self.at(3), outcome: .wrongNumber), policy: policy) == .closed(.unableToReach))
        #expect(followUp.closedAt == Self.at(3))
        #expect(followUp.unsuccessfulAttempts == 3)
    }

    @Test(arguments: [1, 2, 5])
    func theLimitIsAPolicy(_ limit: Int) {
        var followUp = Self.open()
        let policy = FollowUpPolicy(maxUnsuccessfulAttempts: limit)
        for minute in 1..<Int64(limit) {
            #expect(followUp.attemptReceived(FollowUpAttempt(at: Self.at(minute), outcome: .noAnswer), policy: policy) == .recorded)
        }
        #expect(followUp.attemptReceived(FollowUpAttempt(at: Self.at(60), outcome: .noAnswer), policy: policy) == .closed(.unableToReach))
    }

    @Test(arguments: [FollowUpStatus.completed, .declined, .unableToReach])
    func aClosedFollowUpRefusesEveryAttemptAndStaysAsItWas(_ status: FollowUpStatus) {
        var followUp = Self.open()
        let outcome: AttemptOutcome = switch status {
        case .completed: .reached
        case .declined: .declined
        default: .noAnswer
        }
        let policy = FollowUpPolicy(maxUnsuccessfulAttempts: 1)
        #expect(followUp.attemptReceived(FollowUpAttempt(at: Self.at(10), outcome: outcome), policy: policy) == .closed(status))
        let closed = followUp
        for late in AttemptOutcome.allCases {
            #expect(followUp.attemptReceived(FollowUpAttempt(at: Self.at(20), outcome: late), policy: policy) == .refused(.closed(status)))
        }
        #expect(followUp == closed)
    }

    @Test func attemptsMustNotPrecedeTheCreationOrThePreviousAttempt() {
        var followUp = Self.open()
        let policy = FollowUpPolicy()
        #expect(followUp.attemptReceived(FollowUpAttempt(at: Self.at(-1), outcome: .noAnswer), policy: policy) == .refused(.beforeCreation))
        #expect(followUp.attemptReceived(FollowUpAttempt(at: Self.at(0), outcome: .noAnswer), policy: policy) == .recorded)
        #expect(followUp.attemptReceived(FollowUpAttempt(at: Self.at(30), outcome: .noAnswer), policy: policy) == .recorded)
        #expect(followUp.attemptReceived(FollowUpAttempt(at: Self.at(29), outcome: .reached), policy: policy) == .refused(.beforePreviousAttempt))
        // The same instant as the previous attempt is not earlier.
        #expect(followUp.attemptReceived(FollowUpAttempt(at: Self.at(30), outcome: .reached), policy: policy) == .closed(.completed))
        #expect(followUp.attempts.count == 3)
    }

    @Test func overdueIsOpenAndPastDueOrFlagged() {
        var followUp = Self.open(dueIn: 1)
        #expect(!followUp.isOverdue(at: Self.at(60)))
        #expect(followUp.isOverdue(at: Self.at(61)))
        followUp.overdueFlaggedAt = Self.at(61)
        #expect(followUp.isOverdue(at: Self.at(59)))
        _ = followUp.attemptReceived(FollowUpAttempt(at: Self.at(90), outcome: .reached), policy: FollowUpPolicy())
        #expect(!followUp.isOverdue(at: Self.at(120)))
    }

    @Test func openingResolvesTheDueTime() throws {
        let due = Timestamp(rfc3339: "2026-11-27T10:00:00Z")!
        #expect(try FollowUp.opened(id: "f", contactID: "c", createdAt: Self.created, due: .within(ISODuration(iso8601: "PT24H"))).dueAt == due)
        #expect(try FollowUp.opened(id: "f", contactID: "c", createdAt: Self.created, due: .at(due)).dueAt == due)
        #expect(try FollowUp.opened(id: "f", contactID: "c", createdAt: Self.created, due: .at(Self.created)).dueAt == Self.created)
        // Already due when entered: overdue at once.
        let late = try FollowUp.opened(id: "f", contactID: "c", createdAt: Self.created, due: .at(Self.at(-1)))
        #expect(late.dueAt == Self.at(-1) && late.isOverdue(at: Self.created))
        #expect(throws: FollowUpScheduleError.dueTooLate) {
            try FollowUp.opened(id: "f", contactID: "c", createdAt: Self.created, due: .within(ISODuration(seconds: .max)))
        }
        #expect(throws: FollowUpScheduleError.dueTooLate) {
            try FollowUp.opened(id: "f", contactID: "c", createdAt: Self.created, due: .within(ISODuration(iso8601: "P3000000D")))
        }
    }

    @Test func theJSONHasTheContractsFieldsAndTheAnnouncementSaysWhich() {
        var followUp = Self.open(dueIn: 1)
        _ = followUp.attemptReceived(FollowUpAttempt(at: Self.at(15), outcome: .noAnswer), policy: FollowUpPolicy())
        let expected: JSONValue = [
            "id": "f", "contact_id": "c", "created_at": "2026-11-26T10:00:00.000Z", "due_at": "2026-11-26T11:00:00.000Z",
            "status": "open", "overdue": true, "attempts": [["at": "2026-11-26T10:15:00.000Z", "outcome": "no_answer"]],
            "closed_at": .null,
        ]
        #expect(followUp.json(now: Self.at(61)) == expected)
        let announcement = followUp.announcement(.overdue, now: Self.at(61))
        #expect(announcement["change"] == "overdue")
        #expect(announcement["overdue"] == true)
        #expect(announcement.objectValue?.count == 9)
    }
}
