@testable import Postgres
import Testing

/// The connection's bookkeeping, driven by hand: no socket, no server.
@Suite struct ConnectionStateMachineTests {
    private func readyMachine() -> ConnectionStateMachine {
        var machine = ConnectionStateMachine()
        #expect(machine.connectStarted(socket: 7) == .watch(socket: 7, writable: true))
        #expect(machine.connectPolled(.reading, socket: 7) == .watch(socket: 7, writable: false))
        // A new socket (next host) is watched with a fresh poll.
        #expect(machine.connectPolled(.writing, socket: 9) == .watch(socket: 9, writable: true))
        #expect(machine.connectPolled(.ok, socket: 9) == .established)
        return machine
    }

    private let oneRow = PostgresRows.empty

    @Test func connectFailureAndTimeoutCloseTheMachine() {
        var failed = ConnectionStateMachine()
        _ = failed.connectStarted(socket: 3)
        guard case .fail(let error) = failed.connectPolled(.failed(message: "refused"), socket: 3) else { Issue.record("expected fail"); return }
        #expect(error.kind == .unavailable)
        #expect(failed.isClosed)

        var slow = ConnectionStateMachine()
        _ = slow.connectStarted(socket: 3)
        #expect(slow.connectTimedOut() != nil)
        #expect(slow.connectTimedOut() == nil)
    }

    @Test func firstUseOfAStatementPreparesItThenReusesItOnceConfirmed() {
        var machine = readyMachine()
        let query = PostgresQuery("SELECT $1", [1])
        guard case .sendPipeline(_, _, let plans) = machine.requestReceived(.init(id: 1, work: .pipeline([query]))) else { Issue.record(); return }
        #expect(plans == [.prepareThenExecute(name: "lodestar_1")])
        // While the Parse is in flight, the same SQL runs unnamed.
        guard case .sendPipeline(_, _, let second) = machine.requestReceived(.init(id: 2, work: .pipeline([query]))) else { Issue.record(); return }
        #expect(second == [.unnamed])
        for event: ConnectionStateMachine.ResultEvent in [.rows(oneRow), .end, .rows(oneRow), .end] {
            guard case .none = machine.resultReceived(event) else { Issue.record("early completion"); return }
        }
        guard case .complete(1, .success(let outcomes), false) = machine.resultReceived(.sync) else { Issue.record(); return }
        #expect(outcomes.count == 1)
        guard case .sendPipeline(_, _, let third) = machine.requestReceived(.init(id: 3, work: .pipeline([query]))) else { Issue.record(); return }
        #expect(third == [.executePrepared(name: "lodestar_1")])
    }

    @Test func aFailedPrepareIsReportedOnItsStatementAndForgotten() {
        var machine = readyMachine()
        let query = PostgresQuery("SELEC", [])
        _ = machine.requestReceived(.init(id: 1, work: .pipeline([query, PostgresQuery("SELECT 2")])))
        let syntax = PostgresError.server(sqlState: "42601", message: "syntax error", constraint: nil)
        let events: [ConnectionStateMachine.ResultEvent] = [.error(syntax), .end, .aborted, .end, .aborted, .end, .aborted, .end]
        for event in events { _ = machine.resultReceived(event) }
        guard case .complete(1, .success(let outcomes), _) = machine.resultReceived(.sync) else { Issue.record(); return }
        #expect(outcomes[0].error?.sqlState == "42601")
        #expect(outcomes[1].error?.kind == .pipelineAborted)
        guard case .sendPipeline(_, _, let plans) = machine.requestReceived(.init(id: 2, work: .pipeline([query]))) else { Issue.record(); return }
        #expect(plans.first != .unnamed)
    }

    @Test func scriptsWaitForTheDrainedPipelineAndHoldBackLaterRequests() {
        var machine = readyMachine()
        _ = machine.requestReceived(.init(id: 1, work: .pipeline([PostgresQuery("SELECT 1")])))
        guard case .wait = machine.requestReceived(.init(id: 2, work: .script("SELECT 1; SELECT 2"))) else { Issue.record(); return }
        guard case .wait = machine.requestReceived(.init(id: 3, work: .pipeline([PostgresQuery("SELECT 1")]))) else { Issue.record(); return }
        #expect(machine.nextSendable() == nil)
        for event: ConnectionStateMachine.ResultEvent in [.rows(oneRow), .end, .rows(oneRow), .end, .sync] { _ = machine.resultReceived(event) }
        guard case .sendScript(2, _) = machine.nextSendable() else { Issue.record(); return }
        #expect(machine.nextSendable() == nil)
        let failure = PostgresError.server(sqlState: "42703", message: "no column", constraint: nil)
        _ = machine.resultReceived(.rows(oneRow))
        _ = machine.resultReceived(.error(failure))
        guard case .complete(2, .success(let outcomes), true) = machine.resultReceived(.end) else { Issue.record(); return }
        #expect(outcomes[0].error == failure)
        guard case .sendPipeline(3, _, _) = machine.nextSendable() else { Issue.record(); return }
    }

    @Test func losingTheConnectionAnswersEverythingInOrder() {
        var machine = readyMachine()
        _ = machine.requestReceived(.init(id: 1, work: .pipeline([PostgresQuery("SELECT 1")])))
        _ = machine.requestReceived(.init(id: 2, work: .script("SELECT 1")))
        _ = machine.requestReceived(.init(id: 3, work: .pipeline([PostgresQuery("SELECT 1")])))
        #expect(machine.connectionEnded(.connectionLost("gone")) == [1, 2, 3])
        guard case .fail(4, let error) = machine.requestReceived(.init(id: 4, work: .script(""))) else { Issue.record(); return }
        #expect(error.kind == .connectionLost)
    }

    @Test func unexpectedResultsAreAViolation() {
        var machine = readyMachine()
        guard case .violation = machine.resultReceived(.end) else { Issue.record(); return }
        _ = machine.requestReceived(.init(id: 1, work: .pipeline([PostgresQuery("SELECT 1")])))
        guard case .violation = machine.resultReceived(.sync) else { Issue.record(); return }
    }
}

extension ConnectionStateMachine.RequestAction: Equatable {
    static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.wait, .wait): true
        case (.sendScript(let a, _), .sendScript(let b, _)): a == b
        case (.sendPipeline(let a, _, let x), .sendPipeline(let b, _, let y)): a == b && x == y
        case (.fail(let a, _), .fail(let b, _)): a == b
        default: false
        }
    }
}
