#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP client that speaks raw bytes to the server under test.
///
/// It is deliberately independent of the code under test: plain Glibc sockets, a receive
/// time-out so a missing answer fails the test instead of hanging it, and a tiny response reader.
final class WireClient {
    private let fd: Int32
    /// Bytes received but not yet consumed by a read call.
    private var received: [UInt8] = []

    /// Connects to `127.0.0.1:port`; every later receive waits at most `timeout` for bytes.
    init(port: Int, timeout: Duration = .seconds(5)) throws(WireError) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .system("socket", errno) }
        let seconds = timeout.components.seconds
        var limit = timeval(tv_sec: Int(seconds), tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7f00_0001).bigEndian)
        let status = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if status != 0 {
            let code = errno
            Glibc.close(fd)
            throw .system("connect", code)
        }
    }

    deinit { Glibc.close(fd) }

    /// Whether a connection to `port` is refused (nothing listens there any more).
    static func isRefused(port: Int) -> Bool {
        do {
            _ = try WireClient(port: port)
            return false
        } catch {
            return error == .system("connect", ECONNREFUSED)
        }
    }

    func send(_ text: String) throws(WireError) {
        try send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) throws(WireError) {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a server that already closed must fail the test, not kill the process.
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw .system("send", errno) }
            offset += sent
        }
    }

    /// Half-closes: the server sees end of stream, and the client can still read.
    func finishSending() {
        shutdown(fd, Int32(SHUT_WR))
    }

    // MARK: Receiving

    /// Receives once more into `received`; false at end of stream (or a reset).
    private func receiveMore() throws(WireError) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var count: Int
        repeat {
            count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        } while count < 0 && errno == EINTR
        if count > 0 {
            received += buffer[0..<count]
            return true
        }
        if count == 0 { return false }
        let code = errno
        if code == EAGAIN || code == EWOULDBLOCK { throw .timedOut(received: received) }
        if code == ECONNRESET { return false }
        throw .system("recv", code)
    }

    /// Consumes exactly `count` bytes.
    func read(count: Int) throws(WireError) -> [UInt8] {
        while received.count < count {
            guard try receiveMore() else { throw .closed(received: received) }
        }
        defer { received.removeFirst(count) }
        return Array(received[0..<count])
    }

    /// Consumes a line ending in CRLF and returns it without the CRLF.
    func readLine() throws(WireError) -> String {
        while true {
            if let end = crlfIndex() {
                let line = String(decoding: received[0..<end], as: UTF8.self)
                received.removeFirst(end + 2)
                return line
            }
            guard try receiveMore() else { throw .closed(received: received) }
        }
    }

    private func crlfIndex() -> Int? {
        guard received.count >= 2 else { return nil }
        return (0..<received.count - 1).first { received[$0] == 13 && received[$0 + 1] == 10 }
    }

    /// Waits for the server to close the connection and returns whatever arrived before that
    /// (empty when the server sent nothing more). Throws if it stays open past the time-out.
    func readUntilClosed() throws(WireError) -> [UInt8] {
        while try receiveMore() {}
        defer { received = [] }
        return received
    }
}

/// Why a `WireClient` call failed.
enum WireError: Error, Equatable, CustomStringConvertible {
    case system(String, Int32)
    /// The server sent nothing within the time-out; `received` is what was left unconsumed.
    case timedOut(received: [UInt8])
    /// The server closed before the expected bytes arrived.
    case closed(received: [UInt8])
    /// The bytes do not form an HTTP response.
    case malformed(String)

    var description: String {
        switch self {
        case .system(let call, let code): "\(call): \(String(cString: strerror(code)))"
        case .timedOut(let bytes): "timed out; unconsumed: \(String(decoding: bytes, as: UTF8.self).debugDescription)"
        case .closed(let bytes): "closed early; unconsumed: \(String(decoding: bytes, as: UTF8.self).debugDescription)"
        case .malformed(let reason): "malformed response: \(reason)"
        }
    }
}
