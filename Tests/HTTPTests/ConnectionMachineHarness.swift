@testable import HTTP
import Loop

/// An `HTTPConnectionStateMachine` driven by hand on a made-up timeline: instants are given in
/// seconds after the accept, and actions come back as short words, so a test reads like the
/// conversation it checks.
struct ConnectionMachineHarness {
    typealias Machine = HTTPConnectionStateMachine
    private static let origin = MonotonicInstant.now

    var machine: Machine

    /// A machine with the default timeouts (request 10 s, idle 60 s, write 60 s), accepted at 0.
    init(_ adjust: (inout HTTPServerConfiguration) -> Void = { _ in }) {
        var configuration = HTTPServerConfiguration()
        adjust(&configuration)
        machine = Machine(configuration: configuration, acceptedAt: Self.origin)
    }

    static func at(_ seconds: Double) -> MonotonicInstant {
        origin + .milliseconds(Int((seconds * 1000).rounded()))
    }

    mutating func start() -> [String] { describe(machine.start(now: Self.at(0))) }

    mutating func reject(status: Int, at seconds: Double = 0) -> [String] {
        describe(machine.reject(Problem(status: status, detail: "refused"), now: Self.at(seconds)))
    }

    mutating func receive(_ text: String, at seconds: Double) -> [String] {
        let bytes = Array(text.utf8)
        return describe(bytes.withUnsafeBytes { machine.received($0, now: Self.at(seconds)) })
    }

    /// The responder produced a response: whether the connection stays open after it.
    mutating func produced(stream: Bool = false) -> Bool { machine.responseProduced(isStream: stream) }

    mutating func finished(at seconds: Double, written: Bool = true) -> [String] {
        describe(machine.responseFinished(written: written, now: Self.at(seconds)))
    }

    /// Produces a plain response and writes it at once: (keep-alive, what follows).
    mutating func answer(at seconds: Double) -> (keepAlive: Bool, then: [String]) {
        let keepAlive = produced()
        return (keepAlive, finished(at: seconds))
    }

    mutating func timer(at seconds: Double) -> [String] { describe(machine.timerFired(now: Self.at(seconds))) }
    mutating func peerFinished(at seconds: Double) -> [String] { describe(machine.peerFinished(now: Self.at(seconds))) }
    mutating func drain(at seconds: Double) -> [String] { describe(machine.drain(now: Self.at(seconds))) }
    mutating func writesShutDown(at seconds: Double) -> [String] { describe(machine.writesShutDown(now: Self.at(seconds))) }
    mutating func writeBackedUp(at seconds: Double) -> [String] { describe(machine.writeBackedUp(now: Self.at(seconds))) }
    mutating func writeDrained(at seconds: Double) -> [String] { describe(machine.writeDrained(now: Self.at(seconds))) }
    mutating func closeRequested() -> [String] { describe(machine.closeRequested()) }
    func streamStarted() -> [String] { describe(machine.streamStarted()) }

    /// `answer GET /a` (with ` body=…` when there is one), `problem 408`, `timer 10.0` (seconds
    /// after the accept), `100`, `read`, `pause`, `cancel timer`, `fin`, `close`, ...
    func describe(_ actions: [Machine.Action]) -> [String] {
        actions.map { action in
            switch action {
            case .startReading: "read"
            case .stopReading: "pause"
            case .answer(.request(let request)):
                "answer \(request.method) \(request.path)" + (request.body.isEmpty ? "" : " body=\(String(decoding: request.body, as: UTF8.self))")
            case .answer(.problem(let problem)): "problem \(problem.status)"
            case .writeContinue: "100"
            case .armTimer(let deadline): "timer \(Self.seconds(deadline - Self.origin))"
            case .cancelTimer: "cancel timer"
            case .endStream: "end stream"
            case .abandonStream: "abandon stream"
            case .shutdownWrites: "fin"
            case .close: "close"
            }
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Int(seconds) * 1000 + Int((Double(attoseconds) / 1e15).rounded())
        return Double(milliseconds) / 1000
    }
}

/// Request texts for the machine tests.
enum Sent {
    static func get(_ path: String, _ fields: String = "") -> String {
        "GET \(path) HTTP/1.1\r\nHost: t\r\n\(fields)\r\n"
    }

    /// The head of a POST whose client waits for `100 Continue` before sending `length` bytes.
    static func expecting(_ length: Int) -> String {
        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: \(length)\r\nExpect: 100-continue\r\n\r\n"
    }
}
