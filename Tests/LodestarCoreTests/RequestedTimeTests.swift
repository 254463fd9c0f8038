import LodestarCore
import Testing
import Time

/// A write without `at` is timed when what it follows is known: now, but never earlier than the
/// previous step, attempt or report, which a concurrent request may have moved past the clock
/// read on arrival. A stated `at` stays the client's, and is refused when it goes back in time.
@Suite struct RequestedTimeTests {
    static let now = DispatchLifecycleTests.t0
    static let later = now.adding(seconds: 2)
    static let earlier = now.adding(seconds: -2)

    @Test func anUnstatedTimeIsNowButNeverBeforeWhatItFollows() {
        #expect(RequestedTime.unstated(now: Self.now).resolved(after: nil) == Self.now)
        #expect(RequestedTime.unstated(now: Self.now).resolved(after: Self.earlier) == Self.now)
        #expect(RequestedTime.unstated(now: Self.now).resolved(after: Self.later) == Self.later)
    }

    @Test func aStatedTimeIsKeptEvenWhenEarlier() {
        #expect(RequestedTime.stated(Self.earlier).resolved(after: Self.now) == Self.earlier)
        #expect(RequestedTime(stated: Self.earlier, now: Self.now) == .stated(Self.earlier))
        #expect(RequestedTime(stated: nil, now: Self.now) == .unstated(now: Self.now))
    }

    @Test func aStepWithoutATimeFollowsALaterPreviousStep() throws {
        var dispatch = DispatchLifecycleTests.requested()
        try dispatch.record(DispatchStep(.assigned(teamID: "t", etaMinutes: nil), at: Self.later))
        let unstated = DispatchStepRequest(.enRoute, at: .unstated(now: Self.now)).step(of: dispatch, etaMinutes: nil)
        #expect(unstated.at == Self.later)
        try dispatch.record(unstated)
        #expect(dispatch.enRouteAt == Self.later)
        let stated = DispatchStepRequest(.onScene, at: .stated(Self.now)).step(of: dispatch, etaMinutes: nil)
        #expect(throws: DispatchStepRejected.earlierThanPreviousStep(previous: Self.later)) { try dispatch.record(stated) }
    }

    @Test func anAttemptWithoutATimeFollowsTheCreationAndTheLastAttempt() {
        var followUp = try! FollowUp.opened(id: "f", contactID: "c", createdAt: Self.later, due: .within(ISODuration(seconds: 3600)))
        let first = FollowUpAttemptRequest(at: .unstated(now: Self.now), outcome: .noAnswer).attempt(on: followUp)
        #expect(first.at == Self.later)
        #expect(followUp.attemptReceived(first, policy: FollowUpPolicy()) == .recorded)
        let stated = FollowUpAttemptRequest(at: .stated(Self.now), outcome: .reached).attempt(on: followUp)
        #expect(followUp.attemptReceived(stated, policy: FollowUpPolicy()) == .refused(.beforeCreation))
    }

    @Test func aReportWithoutATimeFollowsTheLastOfItsKind() throws {
        var team = TeamStatusReportTests.team()
        try team.apply(TeamStatusReport(status: .offDuty, location: TeamStatusReportTests.base, at: .stated(Self.later)))
        #expect(try team.apply(TeamStatusReport(status: .available, at: .unstated(now: Self.now))) == Self.later)
        #expect(team.statusAt == Self.later && team.availableSince == Self.later)
        #expect(try team.apply(TeamStatusReport(status: nil, location: TeamStatusReportTests.base, at: .unstated(now: Self.now))) == Self.later)
        #expect(throws: TeamReportRejected.earlierThanLastReport(Self.later)) {
            try team.apply(TeamStatusReport(status: .offDuty, at: .stated(Self.now)))
        }
    }
}
