import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL server that accepts one connection, lets it log in (trust), and then never
/// answers again: a database that has stopped, or a network that silently drops packets,
/// seen from the client. It reads and discards whatever the client sends until it leaves.
final class SilentServer: @unchecked Sendable {
    struct Failure: Error { var what: String }

    let port: Int
    private let listener: Int32

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(what: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7f00_0001).bigEndian)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else { close(fd); throw Failure(what: "bind") }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { Self.serve(fd) }
    }

    deinit { close(listener) }

    private static func serve(_ listener: Int32) {
        let client = accept(listener, nil, nil)
        guard client >= 0 else { return }
        defer { close(client) }
        // Encryption requests are refused ('N'); the startup message is answered with a login.
        while let message = readMessage(client) {
            let code = message.count >= 4 ? message[0..<4].reduce(0) { $0 << 8 | Int($1) } : 0
            if code == 80_877_103 || code == 80_877_104 {
                write(client, [UInt8(ascii: "N")])
                continue
            }
            var reply: [UInt8] = [UInt8(ascii: "R")] + int32(8) + int32(0)
            for (name, value) in [("server_version", "15.0"), ("client_encoding", "UTF8"), ("standard_conforming_strings", "on"),
                                  ("integer_datetimes", "on"), ("DateStyle", "ISO, MDY"), ("TimeZone", "UTC")] {
                let body = Array(name.utf8) + [0] + Array(value.utf8) + [0]
                reply += [UInt8(ascii: "S")] + int32(body.count + 4) + body
            }
            reply += [UInt8(ascii: "K")] + int32(12) + int32(1) + int32(2)
            reply += [UInt8(ascii: "Z")] + int32(5) + [UInt8(ascii: "I")]
            write(client, reply)
            break
        }
        // Logged in: from now on, silence.
        var buffer = [UInt8](repeating: 0, count: 4096)
        while buffer.withUnsafeMutableBytes({ recv(client, $0.baseAddress, $0.count, 0) }) > 0 {}
    }

    /// A length-prefixed startup-phase message (its body after the length), nil at EOF.
    private static func readMessage(_ fd: Int32) -> [UInt8]? {
        guard let header = readExactly(fd, 4) else { return nil }
        let length = header.reduce(0) { $0 << 8 | Int($1) }
        guard length >= 4 else { return nil }
        return readExactly(fd, length - 4)
    }

    private static func readExactly(_ fd: Int32, _ count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + filled, count - filled, 0) }
            guard got > 0 else { return nil }
            filled += got
        }
        return bytes
    }

    private static func write(_ fd: Int32, _ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    private static func int32(_ value: Int) -> [UInt8] {
        withUnsafeBytes(of: Int32(value).bigEndian) { Array($0) }
    }
}
