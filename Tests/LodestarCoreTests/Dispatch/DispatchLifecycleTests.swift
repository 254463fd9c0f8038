import LodestarCore
import Testing
import Time

/// The dispatch lifecycle as a pure value: every legal step, every illegal one, time order.
@Suite struct DispatchLifecycleTests {
    static let t0 = Timestamp(rfc3339: "2026-11-26T10:00:00Z")!

    static func minutes(_ n: Int64) -> Timestamp { t0.adding(seconds: n * 60) }

    static func requested(priority: DispatchPriority = .urgent) -> Dispatch {
        Dispatch(id: 7, request: DispatchRequest(contactID: "c", priority: priority, requires: ["youth"], requestedAt: t0))
    }

    /// A dispatch brought to `status` by legal steps, one minute apart.
    static func dispatch(in status: DispatchStatus) throws -> Dispatch {
        var dispatch = requested()
        let path: [DispatchStep.Kind] = switch status {
        case .requested: []
        case .assigned: [.assigned(teamID: "t", etaMinutes: 12)]
        case .enRoute: [.assigned(teamID: "t", etaMinutes: 12), .enRoute]
        case .onScene: [.assigned(teamID: "t", etaMinutes: 12), .enRoute, .onScene]
        case .completed: [.assigned(teamID: "t", etaMinutes: 12), .enRoute, .onScene, .completed(outcome: .referred)]
        case .cancelled: [.cancelled]
        }
        for (index, kind) in path.enumerated() { try dispatch.record(DispatchStep(kind, at: minutes(Int64(index + 1)))) }
        #expect(dispatch.status == status)
        return dispatch
    }

    static func kind(_ type: DispatchStepType) -> DispatchStep.Kind {
        switch type {
        case .assigned: .assigned(teamID: "other", etaMinutes: nil)
        case .enRoute: .enRoute
        case .onScene: .onScene
        case .completed: .completed(outcome: nil)
        case .cancelled: .cancelled
        }
    }

    @Test func theFullLifecycleRecordsEveryTimeAndTheTeam() throws {
        var dispatch = Self.requested()
        let taken = try dispatch.record(DispatchStep(.assigned(teamID: "t1", etaMinutes: 14.5), at: Self.minutes(2)))
        #expect(taken == DispatchStepEffect(teamTaken: "t1"))
        #expect(try dispatch.record(DispatchStep(.enRoute, at: Self.minutes(3))) == DispatchStepEffect())
        #expect(try dispatch.record(DispatchStep(.onScene, at: Self.minutes(20), lawEnforcementInvolved: true)) == DispatchStepEffect())
        let released = try dispatch.record(DispatchStep(.completed(outcome: .stabilizedInCommunity), at: Self.minutes(50)))
        #expect(released == DispatchStepEffect(teamReleased: "t1"))
        #expect(dispatch.status == .completed)
        #expect(dispatch.teamID == "t1" && dispatch.etaMinutes == 14.5)
        #expect([dispatch.assignedAt, dispatch.enRouteAt, dispatch.onSceneAt, dispatch.completedAt] == [2, 3, 20, 50].map { Self.minutes($0) })
        #expect(dispatch.outcome == .stabilizedInCommunity)
        #expect(dispatch.lawEnforcementInvolved == true)
        #expect(dispatch.lastStepAt == Self.minutes(50))
    }

    @Test(arguments: DispatchStatus.allCases, DispatchStepType.allCases)
    func eachStepIsLegalExactlyWhereTheLifecycleAllowsIt(_ status: DispatchStatus, _ type: DispatchStepType) throws {
        let legal: [DispatchStatus: [DispatchStepType]] = [
            .requested: [.assigned, .cancelled], .assigned: [.enRoute, .cancelled], .enRoute: [.onScene, .cancelled],
            .onScene: [.completed, .cancelled], .completed: [], .cancelled: [],
        ]
        let before = try Self.dispatch(in: status)
        var dispatch = before
        do {
            try dispatch.record(DispatchStep(Self.kind(type), at: Self.minutes(30)))
            #expect(legal[status]!.contains(type), "\(type) after \(status) was accepted")
            #expect(dispatch.status == type.status)
        } catch {
            #expect(!legal[status]!.contains(type), "\(type) after \(status) was refused")
            #expect(error == .notAllowed(status: status, allowed: legal[status]!))
            #expect(dispatch == before)
        }
    }

    @Test(arguments: [DispatchStatus.assigned, .enRoute, .onScene])
    func cancellingAnOpenDispatchWithATeamReleasesIt(_ status: DispatchStatus) throws {
        var dispatch = try Self.dispatch(in: status)
        #expect(try dispatch.record(DispatchStep(.cancelled, at: Self.minutes(30))) == DispatchStepEffect(teamReleased: "t"))
        #expect(dispatch.cancelledAt == Self.minutes(30))
    }

    @Test func cancellingAQueuedDispatchReleasesNoTeam() throws {
        var dispatch = Self.requested()
        #expect(try dispatch.record(DispatchStep(.cancelled, at: Self.t0)) == DispatchStepEffect())
        #expect(dispatch.status == .cancelled && dispatch.teamID == nil)
    }

    @Test(arguments: [DispatchStatus.requested, .assigned, .enRoute, .onScene])
    func aStepEarlierThanThePreviousIsRefused(_ status: DispatchStatus) throws {
        let before = try Self.dispatch(in: status)
        var dispatch = before
        let next = status.allowedSteps[0]
        #expect(throws: DispatchStepRejected.earlierThanPreviousStep(previous: before.lastStepAt)) {
            try dispatch.record(DispatchStep(Self.kind(next), at: before.lastStepAt.adding(seconds: -1)))
        }
        #expect(dispatch == before)
        // The same instant as the previous step is not earlier.
        try dispatch.record(DispatchStep(Self.kind(next), at: before.lastStepAt))
        #expect(dispatch.status == next.status)
    }

    @Test func anIllegalStepIsReportedBeforeItsTime() throws {
        var dispatch = try Self.dispatch(in: .completed)
        #expect(throws: DispatchStepRejected.notAllowed(status: .completed, allowed: [])) {
            try dispatch.record(DispatchStep(.enRoute, at: Self.t0))
        }
    }

    @Test func aManualDispatchIsNotForTheQueueAndKeepsItsLimit() {
        let manual = Dispatch(id: 1, request: DispatchRequest(contactID: "c", requestedAt: Self.t0, assignment: .manual))
        #expect(!manual.autoAssign && manual.maxETAMinutes == nil)
        let limited = Dispatch(id: 2, request: DispatchRequest(contactID: "c", requestedAt: Self.t0, assignment: .automatic(maxETAMinutes: 45)))
        #expect(limited.autoAssign && limited.maxETAMinutes == 45 && limited.priority == .urgent)
    }
}
