import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Requests written byte for byte, for what URLSession will not send (two `Authorization`
/// headers, a `Content-Encoding`, an unescaped `+` in a query) and exact header control.
extension ServerProcess {
    struct RawFailure: Error, CustomStringConvertible { var description: String }

    /// Sends `method target` with exactly `headers` (plus `Host`, `Connection: close` and the
    /// body's `Content-Length`) on a fresh connection and reads the response until the server
    /// closes it.
    func raw(_ method: String, _ target: String, headers: [(String, String)] = [], body: String = "") throws -> APIResponse {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty { head += "Content-Length: \(body.utf8.count)\r\n" }
        let received = try exchange(Array((head + "\r\n" + body).utf8))
        return try Self.parse(received)
    }

    /// Sends `head` (a whole request head, CRLFs included) on a fresh connection, waits
    /// `pause`, and closes with a reset (`SO_LINGER` zero) instead of a FIN, as a client that
    /// crashes or loses its network does.
    func sendThenReset(_ head: String, pause: Duration) async throws {
        let fd = try connected()
        let bytes = Array(head.utf8)
        guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count else {
            close(fd)
            throw RawFailure(description: "send failed")
        }
        try await Task.sleep(for: pause)
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close(fd)
    }

    /// Sends `first` on a fresh connection, runs `between` (e.g. signals the server), waits
    /// `pause`, sends `rest`, and reads the response until the server closes the connection.
    func rawInTwoParts(_ first: String, between: () -> Void, pause: Duration, _ rest: String) async throws -> APIResponse {
        let fd = try connectedWithReadLimit()
        defer { close(fd) }
        try Self.sendAll(Array(first.utf8), on: fd)
        between()
        try await Task.sleep(for: pause)
        try Self.sendAll(Array(rest.utf8), on: fd)
        return try Self.parse(Self.readUntilClosed(fd))
    }

    private func connected() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawFailure(description: "socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7f00_0001).bigEndian)
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else { close(fd); throw RawFailure(description: "connect failed") }
        return fd
    }

    /// A fresh connection whose reads give up after 10 s of silence.
    private func connectedWithReadLimit() throws -> Int32 {
        let fd = try connected()
        var limit = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    private func exchange(_ request: [UInt8]) throws -> [UInt8] {
        let fd = try connectedWithReadLimit()
        defer { close(fd) }
        try Self.sendAll(request, on: fd)
        return Self.readUntilClosed(fd)
    }

    private static func sendAll(_ bytes: [UInt8], on fd: Int32) throws {
        guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count else {
            throw RawFailure(description: "send failed")
        }
    }

    /// Everything received until the peer closes (or the read limit passes).
    private static func readUntilClosed(_ fd: Int32) -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        return received
    }

    /// Status, headers and body of a `Content-Length` response.
    private static func parse(_ bytes: [UInt8]) throws -> APIResponse {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { throw RawFailure(description: "no complete response: \(text)") }
        let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw RawFailure(description: "bad status line: \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return APIResponse(status: status, headers: headers, body: Array(text[end.upperBound...].utf8))
    }
}
