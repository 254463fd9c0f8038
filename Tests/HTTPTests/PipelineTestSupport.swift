import HTTP
import Logging
import Synchronization

extension Request {
    /// A request as the parser would hand it over: `target` split at `?`, the body's length
    /// announced.
    static func make(_ method: String, _ target: String, headers: [(String, String)] = [], body: String = "") -> Request {
        let mark = target.firstIndex(of: "?")
        let path = String(target[..<(mark ?? target.endIndex)])
        let query = mark.map { String(target[target.index(after: $0)...]) }
        let head = RequestHead(method: method, target: target, path: path, query: query, headers: HTTPHeaders(headers),
                               contentLength: body.isEmpty ? nil : body.utf8.count)
        return Request(head: head, body: Array(body.utf8))
    }

    /// A GET request.
    static func make(_ target: String, headers: [(String, String)] = []) -> Request {
        make("GET", target, headers: headers)
    }
}

/// Collects log lines in memory, so a test can read what a middleware logged.
final class LogCapture: Sendable {
    struct Line: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]

        /// The message and the metadata a request could have put there: the generated request
        /// id and the measured duration are left out, since their digits are random and could
        /// spell any number a test looks for.
        var requestDerivedText: String {
            ([message] + metadata.filter { $0.key != "request_id" && $0.key != "duration_ms" }.map { "\($0.key)=\($0.value)" })
                .joined(separator: " ")
        }
    }

    private let lines = Mutex<[Line]>([])

    var all: [Line] { lines.withLock { $0 } }

    var logger: Logger {
        Logger(label: "capture") { _ in Handler(capture: self) }
    }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let line = Line(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" })
            capture.lines.withLock { $0.append(line) }
        }
    }
}

/// What middleware and handlers under test did, in order.
final class Trail: Sendable {
    private let recorded = Mutex<[String]>([])

    func record(_ event: String) {
        recorded.withLock { $0.append(event) }
    }

    var events: [String] { recorded.withLock { $0 } }
}
