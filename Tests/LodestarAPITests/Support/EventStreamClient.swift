import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `GET /v1/stream` client: sends the request, reads the head, then de-chunks the body and
/// parses Server-Sent Events, skipping comments (heartbeats). Reads never block: between polls
/// it sleeps as a task, so waiting for an event holds none of the test runner's few threads.
final class EventStreamClient {
    struct Failure: Error, CustomStringConvertible { var description: String }

    struct Event: Equatable {
        var id: String?
        var name: String?
        var data: String
    }

    private(set) var status = 0
    private let fd: Int32
    private var raw: [UInt8] = []
    private var body: [UInt8] = []

    /// Connects and sends the request; `status` is the response's.
    init(port: Int, token: String?, lastEventID: String? = nil) async throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        self.fd = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7f00_0001).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw Failure(description: "connect failed") }
        var head = "GET /v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        if let lastEventID { head += "Last-Event-ID: \(lastEventID)\r\n" }
        let request = Array((head + "\r\n").utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        let deadline = Date().addingTimeInterval(30)
        while status == 0 {
            if let end = Self.find([13, 10, 13, 10], in: raw) {
                let headText = String(decoding: raw[..<end], as: UTF8.self)
                status = Int(headText.split(separator: " ").dropFirst().first ?? "") ?? -1
                raw.removeFirst(end + 4)
            } else {
                guard Date() < deadline, await receive(until: deadline) else { throw Failure(description: "no response head") }
            }
        }
    }

    deinit { close(fd) }

    /// The next event within `timeout` seconds, or nil when none came (or the stream ended).
    func next(timeout: Double) async throws -> Event? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            dechunk()
            if let event = takeEvent() { return event }
            guard await receive(until: deadline) else { return nil }
        }
    }

    /// Every event that arrives within `timeout` seconds.
    func events(within timeout: Double) async throws -> [Event] {
        let deadline = Date().addingTimeInterval(timeout)
        var events: [Event] = []
        while let event = try await next(timeout: max(0.01, deadline.timeIntervalSinceNow)) { events.append(event) }
        return events
    }

    /// Appends what arrives before `deadline`; false on timeout or end of stream.
    private func receive(until deadline: Date) async -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        // At least one read, however late this task runs: on a loaded test runner the deadline
        // may pass while the bytes have long been waiting.
        repeat {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count > 0 {
                raw += buffer[0..<count]
                return true
            }
            if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) { return false }
            try? await Task.sleep(for: .milliseconds(10))
        } while Date() < deadline
        return false
    }

    /// Moves complete chunks from `raw` to `body`.
    private func dechunk() {
        while let lineEnd = Self.find([13, 10], in: raw) {
            guard let size = Int(String(decoding: raw[..<lineEnd], as: UTF8.self), radix: 16) else { return }
            guard raw.count >= lineEnd + 2 + size + 2 else { return }
            body += raw[(lineEnd + 2)..<(lineEnd + 2 + size)]
            raw.removeFirst(lineEnd + 2 + size + 2)
        }
    }

    /// The first complete event in `body`, skipping comments and `retry:` lines.
    private func takeEvent() -> Event? {
        while let end = Self.find([10, 10], in: body) {
            let block = String(decoding: body[..<end], as: UTF8.self)
            body.removeFirst(end + 2)
            var event = Event(id: nil, name: nil, data: "")
            var dataLines: [String] = []
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("id: ") { event.id = String(line.dropFirst(4)) }
                if line.hasPrefix("event: ") { event.name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { dataLines.append(String(line.dropFirst(6))) }
            }
            guard event.name != nil || !dataLines.isEmpty else { continue }
            event.data = dataLines.joined(separator: "\n")
            return event
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle { return start }
        return nil
    }
}
